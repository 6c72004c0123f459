import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ParcelForm } from "@/components/land/parcel-form";
import { FormPage } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { todayInChina } from "@/lib/i18n/format";
import { parkOptions } from "@/lib/land/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("parcels"))("new") };
}

/** ?park=<id> (from a park's page) starts the form in that park. */
export default async function NewParcelPage({ searchParams }: { searchParams: Promise<{ park?: string }> }) {
  await requirePageViewer("manager");
  const [t, parks] = await Promise.all([getTranslations("parcels"), parkOptions(getDb())]);
  const { park } = await searchParams;
  return (
    <FormPage back="/parcels" backLabel={t("back")} title={t("new")}>
      <ParcelForm parks={parks} defaults={{ parkId: parks.some((p) => p.id === park) ? park! : "", today: todayInChina() }} />
    </FormPage>
  );
}

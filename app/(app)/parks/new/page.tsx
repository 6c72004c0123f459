import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ParkForm } from "@/components/land/park-form";
import { FormPage } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { listChains } from "@/lib/reference/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("parks"))("new") };
}

export default async function NewParkPage() {
  await requirePageViewer("admin");
  const [t, chains] = await Promise.all([getTranslations("parks"), listChains(getDb())]);
  return (
    <FormPage back="/parks" backLabel={t("back")} title={t("new")}>
      <ParkForm chains={chains} />
    </FormPage>
  );
}

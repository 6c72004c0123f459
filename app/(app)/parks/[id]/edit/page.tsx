import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ParkForm } from "@/components/land/park-form";
import { FormPage } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { getPark, listZones } from "@/lib/land/queries";
import { parkFormValues } from "@/lib/land/validation";
import { listChains } from "@/lib/reference/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("parks"))("edit") };
}

export default async function EditParkPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageViewer("admin");
  const { id } = await params;
  const db = getDb();
  const park = await getPark(db, id);
  if (!park) notFound();
  const [t, chains, { zones }] = await Promise.all([getTranslations("parks"), listChains(db, { activeOnly: false }), listZones(db, id)]);
  return (
    <FormPage back={`/parks/${id}`} backLabel={park.name} title={t("edit")}>
      <ParkForm
        chains={chains}
        park={{ id: park.id, ...parkFormValues({ ...park, version: park.version }, zones) }}
      />
    </FormPage>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ParcelForm } from "@/components/land/parcel-form";
import { FormPage } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { todayInChina } from "@/lib/i18n/format";
import { getParcel, parkOptions } from "@/lib/land/queries";
import { parcelFormValues } from "@/lib/land/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("parcels"))("edit") };
}

export default async function EditParcelPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("manager");
  const { id } = await params;
  const db = getDb();
  const [parcel, parks] = await Promise.all([getParcel(db, viewer, id), parkOptions(db)]);
  if (!parcel) notFound();
  const t = await getTranslations("parcels");
  return (
    <FormPage back={`/parcels/${id}`} backLabel={parcel.code} title={t("edit")}>
      <ParcelForm
        parks={parks}
        defaults={{ parkId: parcel.parkId, today: todayInChina() }}
        parcel={{ id: parcel.id, status: parcel.status, ...parcelFormValues(parcel) }}
      />
    </FormPage>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { UnitForm } from "@/components/admin/unit-form";
import { FormPage } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { getUnitTree } from "@/lib/units/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("units"))("new") };
}

export default async function NewUnitPage() {
  await requirePageViewer("admin");
  const t = await getTranslations("units");
  const units = await getUnitTree(getDb());
  return (
    <FormPage back="/admin/units" backLabel={t("back")} title={t("new")}>
      <UnitForm units={units.map(({ id, name, depth }) => ({ id, name, depth }))} />
    </FormPage>
  );
}

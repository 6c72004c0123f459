import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { TargetForm } from "@/components/targets/target-form";
import { FormPage } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { getTarget, targetFormOptions } from "@/lib/targets/queries";
import { targetFormValues } from "@/lib/targets/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("targets"))("editTitle") };
}

/** One target; another unit's (outside the manager's scope) is a 404. */
export default async function EditTargetPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("manager");
  const { id } = await params;
  const db = getDb();
  const target = await getTarget(db, viewer, id);
  if (!target) notFound();
  const [t, options] = await Promise.all([getTranslations("targets"), targetFormOptions(db, viewer)]);
  return (
    <FormPage back={`/admin/targets?year=${target.year}`} backLabel={t("back")} title={`${t("editTitle")}：${target.year} ${target.unitName}${target.ownerName ? ` · ${target.ownerName}` : ""}`}>
      <TargetForm
        options={options}
        target={{ id: target.id, ...targetFormValues(target) }}
      />
    </FormPage>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TargetForm } from "@/components/targets/target-form";
import { FormPage } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { todayInChina } from "@/lib/i18n/format";
import { targetFormOptions } from "@/lib/targets/queries";
import { targetListSchema } from "@/lib/targets/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("targets"))("new") };
}

export default async function NewTargetPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("manager");
  const year = targetListSchema.parse(await searchParams).year ?? Number(todayInChina().slice(0, 4));
  const [t, options] = await Promise.all([getTranslations("targets"), targetFormOptions(getDb(), viewer)]);
  return (
    <FormPage back={`/admin/targets?year=${year}`} backLabel={t("back")} title={t("newTitle", { year })}>
      <TargetForm
        options={options}
        target={{ year, unitId: viewer.role === "manager" ? viewer.unitId : "", ownerId: "", signedCount: "", signedInvestmentYi: "", constructionStarts: "", operatingProjects: "", version: 1 }}
      />
    </FormPage>
  );
}

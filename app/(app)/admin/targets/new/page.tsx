import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { TargetForm } from "@/components/targets/target-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
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
    <div>
      <Link href={`/admin/targets?year=${year}`} className="text-sm text-brand-700 underline underline-offset-2">
        ← {t("back")}
      </Link>
      <div className="mt-3">
        <PageHeader title={t("newTitle", { year })} />
      </div>
      <Card>
        <CardBody>
          <TargetForm
            options={options}
            target={{ year, unitId: viewer.role === "manager" ? viewer.unitId : "", ownerId: "", signedCount: "", signedInvestmentYi: "", constructionStarts: "", operatingProjects: "", version: 1 }}
          />
        </CardBody>
      </Card>
    </div>
  );
}

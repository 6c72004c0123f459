import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { GridFilters } from "@/components/grids/grid-filters";
import { GridTable } from "@/components/grids/grid-table";
import { RuleNote } from "@/components/grids/rule-note";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { hasRole, type Viewer } from "@/lib/auth/roles";
import { gridFormOptions, gridOverview } from "@/lib/grids/queries";
import { gridQuery } from "@/lib/grids/url";
import { gridListSchema, periodOf, type GridListParams } from "@/lib/grids/validation";
import { todayInChina } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("grids"))("title") };
}

export default async function GridsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const params = gridListSchema.parse(await searchParams);
  const t = await getTranslations("grids");
  const tc = await getTranslations("common");
  const today = todayInChina();
  const period = periodOf(params);
  const { units } = await gridFormOptions(getDb(), viewer);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("intro")} actions={hasRole(viewer, "manager") ? <ButtonLink href="/grids/new">{t("new")}</ButtonLink> : undefined} />
      <Card>
        <GridFilters params={params} period={period} units={units} today={today} />
        {/* Keyed on the query, so a new filter streams fresh figures while the filters stay. */}
        <Suspense key={gridQuery({ ...params })} fallback={<p className="p-6 text-sm text-slate-500">{tc("loading")}</p>}>
          <Overview viewer={viewer} params={params} />
        </Suspense>
      </Card>
      <RuleNote />
    </div>
  );
}

async function Overview({ viewer, params }: { viewer: Viewer; params: GridListParams }) {
  const t = await getTranslations("grids");
  const overview = await gridOverview(getDb(), viewer, params);
  if (overview.grids.length === 0) {
    return (
      <div className="px-4 py-10 text-center">
        <p className="font-medium text-slate-700">{t("empty")}</p>
        <p className="mt-1 text-sm text-slate-500">{t("emptyHint")}</p>
      </div>
    );
  }
  return (
    <>
      <p className="px-4 pt-3 text-sm text-slate-700" role="status">
        {t("periodLabel", { from: overview.period.from, to: overview.period.to })}
      </p>
      <p className="px-4 pb-3 text-xs text-slate-500">{t("periodNote")}</p>
      <GridTable overview={overview} />
    </>
  );
}

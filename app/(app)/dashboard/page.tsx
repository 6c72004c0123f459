import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AttentionCard } from "@/components/dashboard/attention-card";
import { BreakdownCard } from "@/components/dashboard/breakdown-card";
import { CohortCard } from "@/components/dashboard/cohort-card";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { LandCard, ServiceCard } from "@/components/dashboard/land-card";
import { ConversionCard, LeagueCard } from "@/components/dashboard/league-card";
import { FunnelCard, KpiStrip, TargetsCard } from "@/components/dashboard/overview";
import { PrintButton } from "@/components/dashboard/print-button";
import { TrendCard } from "@/components/dashboard/trend-card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import type { Viewer } from "@/lib/auth/roles";
import type { DrillContext } from "@/lib/dashboard/links";
import { loadConversion, loadDashboard, type ConversionData, type DashboardData } from "@/lib/dashboard/load";
import { periodAsOf, resolvePeriod } from "@/lib/dashboard/period";
import { dashboardQuery, dashboardSchema, type DashboardParams } from "@/lib/dashboard/validation";
import { todayInChina } from "@/lib/i18n/format";
import { parkOptions } from "@/lib/land/queries";
import { projectFormOptions } from "@/lib/projects/options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

/**
 * 领导驾驶舱: managers and admins see everything in their scope; staff the same page for the
 * projects they own. Every number links to the list behind it (lib/dashboard/links.ts).
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const params = dashboardSchema.parse(await searchParams);
  const today = todayInChina();
  const t = await getTranslations("dashboard");
  const db = getDb();
  const [options, parks] = await Promise.all([projectFormOptions(db, viewer), parkOptions(db)]);
  const period = resolvePeriod(params, today);
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 7 }, (_, i) => thisYear + 1 - i);
  if (!years.includes(period.year)) years.push(period.year);
  const asOf = params.asOf && params.asOf < today ? params.asOf : today;
  const counted = periodAsOf(period, asOf, today);
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={viewer.role === "staff" ? t("staffDescription") : t("description")}
        actions={<PrintButton />}
      />
      <DashboardFilters
        params={params}
        year={period.year}
        asOf={asOf}
        options={{
          years: years.sort((a, b) => b - a),
          units: options.units,
          chains: options.chains.map((c) => ({ id: c.id, name: c.name })),
          parks: parks.map((p) => ({ id: p.id, name: p.name })),
          showUnits: viewer.role !== "staff",
        }}
      />
      <p className="text-sm text-slate-700" role="status">
        {t("periodText", { from: counted.from, to: counted.to })} · {t("asOfText", { date: asOf })}
        {counted.cut && <> · {t("periodCut", { to: counted.cut, date: asOf })}</>}
        {asOf < today && <> · {t("currentNote", { today })}</>}
      </p>
      {/* Keyed on the query: new filters stream fresh figures while the form stays. */}
      <Suspense key={dashboardQuery(params)} fallback={<p className="p-6 text-sm text-slate-500">{t("loading")}</p>}>
        <Figures
          viewer={viewer}
          params={params}
          today={today}
          conversion={
            // Its own boundary: the medians take longest; the rest of the page does not wait for them.
            <Suspense fallback={<p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-500">{t("loading")}</p>}>
              <Conversion data={loadConversion(db, viewer, params, today)} />
            </Suspense>
          }
        />
      </Suspense>
    </div>
  );
}

const drillOf = (ctx: DashboardData["ctx"]): DrillContext => ({ base: ctx.base, period: ctx.period, asOf: ctx.asOf, today: ctx.today, stalledDays: ctx.stalledDays });

/** Started with the page (the promise is made there), so it runs beside the other figures. */
async function Conversion({ data }: { data: Promise<ConversionData> }) {
  const d = await data;
  return <ConversionCard data={d} dc={drillOf(d.ctx)} />;
}

async function Figures({ viewer, params, today, conversion }: { viewer: Viewer; params: DashboardParams; today: string; conversion: React.ReactNode }) {
  const data = await loadDashboard(getDb(), viewer, params, today);
  const { ctx } = data;
  const dc = drillOf(ctx);
  return (
    <div className="dashboard space-y-4">
      <KpiStrip data={data} dc={dc} />
      <div className="grid gap-4 xl:grid-cols-2">
        <FunnelCard data={data} dc={dc} />
        <TargetsCard data={data} dc={dc} viewer={viewer} />
        <CohortCard data={data} dc={dc} />
        <AttentionCard data={data} dc={dc} />
      </div>
      <TrendCard data={data} dc={dc} />
      <BreakdownCard data={data} dc={dc} />
      <div className="grid gap-4 xl:grid-cols-2">
        <LeagueCard data={data} dc={dc} />
        {conversion}
        <LandCard data={data} />
        <ServiceCard data={data} dc={dc} />
      </div>
    </div>
  );
}

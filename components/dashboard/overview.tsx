import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { hasRole, type Viewer } from "@/lib/auth/roles";
import { links, type DrillContext } from "@/lib/dashboard/links";
import type { DashboardData } from "@/lib/dashboard/load";
import { amountRate, rate } from "@/lib/dashboard/rates";
import { sumYuan } from "@/lib/money";
import { ChartFigure } from "./chart-figure";
import { horizontalBars } from "./charts";
import { Bar, Figure, int, percentValue, Section, yi } from "./parts";

/** The period at a glance: new leads, new signings and their amount, 亿元以上, the active pipeline. */
export async function KpiStrip({ data, dc }: { data: DashboardData; dc: DrillContext }) {
  const t = await getTranslations("dashboard");
  const active = data.funnel.reduce((s, x) => s + x.count, 0);
  const activeTotal = sumYuan(data.funnel.map((x) => x.total));
  const tile = (label: string, value: React.ReactNode, note?: string) => (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-xs">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900">{value}</dd>
      {note && <dd className="text-xs text-slate-600">{note}</dd>}
    </div>
  );
  return (
    <section aria-label={t("kpi.label")}>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-5">
        {tile(
          t("kpi.leads"),
          <Figure href={links.leads(dc)} label={`${t("kpi.leads")} ${int(data.period.leads)}`}>
            {int(data.period.leads)}
          </Figure>,
        )}
        {tile(
          t("kpi.signed"),
          <Figure href={links.signed(dc)} label={`${t("kpi.signed")} ${int(data.period.signed)}`}>
            {int(data.period.signed)}
          </Figure>,
        )}
        {tile(
          t("kpi.contract"),
          <Figure href={links.signed(dc)} label={`${t("kpi.contract")} ${t("yi", { amount: yi(data.period.contract) })}`}>
            {yi(data.period.contract)}
          </Figure>,
          t("yiUnit"),
        )}
        {tile(
          t("kpi.big"),
          <Figure href={links.big(dc)} label={`${t("kpi.big")} ${int(data.period.big)}`}>
            {int(data.period.big)}
          </Figure>,
        )}
        {tile(
          t("kpi.active"),
          <Figure href={links.active(dc)} label={`${t("kpi.active")} ${int(active)}`}>
            {int(active)}
          </Figure>,
          t("yi", { amount: yi(activeTotal) }),
        )}
      </dl>
    </section>
  );
}

/** 项目漏斗 as of the dashboard's day: a chart, and the same numbers as links in a table. */
export async function FunnelCard({ data, dc }: { data: DashboardData; dc: DrillContext }) {
  const t = await getTranslations();
  const replayed = dc.asOf < dc.today;
  const title = t("dashboard.funnel.chart", { date: dc.asOf });
  const svg = horizontalBars(
    data.funnel.map((s) => t(`stages.${s.stage}`)),
    data.funnel.map((s) => s.count),
    { width: 300, height: 240 },
  );
  return (
    <Section
      id="funnel"
      title={t("dashboard.funnel.title")}
      subtitle={replayed ? t("dashboard.funnel.replayNote", { date: dc.asOf }) : `${t("dashboard.asOfText", { date: dc.asOf })} · ${t("dashboard.funnel.todayNote")}`}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <ChartFigure id="chart-funnel" title={title} svg={svg} />
        <Table label={title} className="text-xs">
          <thead>
            <tr>
              <Th>{t("dashboard.funnel.stage")}</Th>
              <Th className="text-right">{t("dashboard.funnel.count")}</Th>
              <Th className="text-right">{t("dashboard.funnel.total")}</Th>
            </tr>
          </thead>
          <tbody>
            {data.funnel.map((s) => (
              <tr key={s.stage}>
                <Td className="py-0.5">{t(`stages.${s.stage}`)}</Td>
                <Td className="py-0.5 text-right">
                  <Figure href={links.funnel(dc, s.stage)} label={`${t(`stages.${s.stage}`)} ${int(s.count)}`}>
                    {int(s.count)}
                  </Figure>
                </Td>
                <Td className="py-0.5 text-right tabular-nums">{yi(s.total)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </Section>
  );
}

/** The year's targets against what was achieved, with progress bars. */
export async function TargetsCard({ data, dc, viewer }: { data: DashboardData; dc: DrillContext; viewer: Viewer }) {
  const t = await getTranslations("dashboard.targets");
  const year = data.ctx.period.year;
  const target = data.target;
  const rows = [
    { key: "signedCount", actual: int(data.actuals.signedCount), goal: target ? int(target.signedCount) : null, rate: target ? rate(data.actuals.signedCount, target.signedCount) : null, href: links.yearSigned(dc) },
    {
      key: "signedInvestment",
      actual: yi(data.actuals.signedInvestment),
      goal: target ? yi(target.signedInvestment) : null,
      rate: target ? amountRate(data.actuals.signedInvestment, target.signedInvestment) : null,
      href: links.yearSigned(dc),
    },
    {
      key: "constructionStarts",
      actual: int(data.actuals.constructionStarts),
      goal: target ? int(target.constructionStarts) : null,
      rate: target ? rate(data.actuals.constructionStarts, target.constructionStarts) : null,
      href: links.yearReached(dc, "construction"),
    },
    {
      key: "operatingProjects",
      actual: int(data.actuals.operatingProjects),
      goal: target ? int(target.operatingProjects) : null,
      rate: target ? rate(data.actuals.operatingProjects, target.operatingProjects) : null,
      href: links.yearReached(dc, "operating"),
    },
  ] as const;
  const filtered = Boolean(dc.base.chain || dc.base.park);
  return (
    <Section
      id="targets"
      title={t("title", { year })}
      subtitle={target ? (filtered ? t("filterHint") : t("definition")) : t("noTarget", { year })}
      actions={
        hasRole(viewer, "manager") ? (
          <ButtonLink href={`/admin/targets?year=${year}`} variant="secondary" className="no-print min-h-9 px-3 text-xs">
            {t("setTargets")}
          </ButtonLink>
        ) : undefined
      }
    >
      <ul className="space-y-4">
        {rows.map((r) => (
          <li key={r.key}>
            <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
              <span className="text-slate-700">{t(r.key)}</span>
              <span className="tabular-nums">
                <Figure href={r.href} label={`${t(r.key)} ${t("actual")} ${r.actual}`} className="text-base font-semibold">
                  {r.actual}
                </Figure>
                <span className="text-slate-600">
                  {" / "}
                  {r.goal ?? "—"}
                </span>
                {r.rate && <span className="ml-2 text-xs text-slate-700">{r.rate}</span>}
              </span>
            </div>
            <Bar percent={percentValue(r.rate)} />
            {r.rate && <span className="sr-only">{t("progress", { label: t(r.key), rate: r.rate })}</span>}
          </li>
        ))}
      </ul>
    </Section>
  );
}

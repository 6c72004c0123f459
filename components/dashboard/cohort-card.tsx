import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { links, type DrillContext } from "@/lib/dashboard/links";
import type { DashboardData } from "@/lib/dashboard/load";
import { amountRate, rate } from "@/lib/dashboard/rates";
import type { MilestoneStage } from "@/lib/projects/stages";
import { Bar, Figure, int, percentValue, Section, yi } from "./parts";

/**
 * 签约项目履约: the projects signed in the period, as of the dashboard's day — 注册率, 开工率,
 * 投产率, 资金到位率 and 履约率, each with its numerator, base and pending count as links.
 */
export async function CohortCard({ data, dc }: { data: DashboardData; dc: DrillContext }) {
  const t = await getTranslations("dashboard.cohort");
  const tt = await getTranslations("dashboard");
  const c = data.cohort;
  const base = (
    <Figure href={links.cohort(dc)} label={`${t("denominator")} ${t("projects", { count: c.count })}`}>
      {int(c.count)}
    </Figure>
  );
  const reached = (key: "registration" | "start" | "operating", stage: MilestoneStage, n: number, pending: number) => ({
    key,
    rate: rate(n, c.count),
    numerator: (
      <Figure href={links.cohortReached(dc, stage)} label={`${t(key)} ${t("numerator")} ${t("projects", { count: n })}`}>
        {int(n)}
      </Figure>
    ),
    base,
    pending: (
      <Figure href={links.cohortPending(dc, stage)} label={`${t(key)} ${t("pending")} ${t("projects", { count: pending })}`}>
        {int(pending)}
      </Figure>
    ),
  });
  const rows = [
    reached("registration", "registered", c.registered, c.registeredPending),
    reached("start", "construction", c.started, c.startedPending),
    reached("operating", "operating", c.operating, c.operatingPending),
    {
      key: "funds" as const,
      rate: amountRate(c.funds, c.contract),
      numerator: (
        <Figure href={links.cohortFunds(dc)} label={`${t("funds")} ${t("numerator")} ${t("fundsAmount", { amount: yi(c.funds) })}`}>
          {yi(c.funds)}
        </Figure>
      ),
      base: (
        <Figure href={links.cohort(dc)} label={`${t("funds")} ${t("denominator")} ${t("fundsAmount", { amount: yi(c.contract) })}`}>
          {yi(c.contract)}
        </Figure>
      ),
      pending: <span className="text-slate-500">—</span>,
    },
    {
      key: "performance" as const,
      rate: rate(c.kept, c.count),
      numerator: (
        <Figure href={links.cohortKept(dc, "yes")} label={`${t("performance")} ${t("numerator")} ${t("projects", { count: c.kept })}`}>
          {int(c.kept)}
        </Figure>
      ),
      base,
      pending: (
        <Figure href={links.cohortKept(dc, "pending")} label={`${t("performance")} ${t("pending")} ${t("projects", { count: c.keptPending })}`}>
          {int(c.keptPending)}
        </Figure>
      ),
    },
  ];
  return (
    <Section id="cohort" title={t("title")} subtitle={t("subtitle", { from: dc.period.from, to: dc.period.to, date: dc.asOf })}>
      <Table label={t("title")}>
        <thead>
          <tr>
            <Th>{t("rate")}</Th>
            <Th className="text-right">{t("value")}</Th>
            <Th className="text-right">{t("numerator")}</Th>
            <Th className="text-right">{t("denominator")}</Th>
            <Th className="text-right">{t("pending")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <Td>
                <div className="font-medium text-slate-800">{t(r.key)}</div>
                <div className="mt-1 w-28">
                  <Bar percent={percentValue(r.rate)} />
                </div>
              </Td>
              <Td className="text-right text-base font-semibold tabular-nums">{r.rate ?? "—"}</Td>
              <Td className="text-right">{r.numerator}</Td>
              <Td className="text-right">{r.base}</Td>
              <Td className="text-right">{r.pending}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <details className="mt-3 text-xs text-slate-600">
        <summary className="cursor-pointer text-brand-700">{tt("howCounted")}</summary>
        <p className="mt-1 leading-relaxed">{t("definition")}</p>
      </details>
    </Section>
  );
}

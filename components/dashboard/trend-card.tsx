import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { links, type DrillContext } from "@/lib/dashboard/links";
import type { DashboardData } from "@/lib/dashboard/load";
import { yuanToYi } from "@/lib/money";
import { ChartFigure } from "./chart-figure";
import { monthlyBarsAndLines, type ChartLayout } from "./charts";
import { Figure, int, Section, yi } from "./parts";

/** 月度签约: this year's signings per month against last year's, counts as bars and amounts as lines. */
export async function TrendCard({ data, dc }: { data: DashboardData; dc: DrillContext }) {
  const t = await getTranslations("dashboard.trend");
  const { year, lastYear, months, lastMonths } = data.trend;
  const title = t("chart", { year, lastYear });
  const monthNames = months.map((m) => t("monthLabel", { month: m.month }));
  // The chart needs numbers; 亿元 to 2 decimals is exact enough to draw.
  const amount = (yuan: string) => Number(yuanToYi(yuan));
  const draw = (layout: ChartLayout) =>
    monthlyBarsAndLines(
      monthNames,
      [
        { name: t("count", { year }), data: months.map((m) => m.count) },
        { name: t("count", { year: lastYear }), data: lastMonths.map((m) => m.count) },
      ],
      [
        { name: t("contract", { year }), data: months.map((m) => amount(m.contract)) },
        { name: t("contract", { year: lastYear }), data: lastMonths.map((m) => amount(m.contract)) },
      ],
      { left: t("axisCount"), right: t("axisAmount") },
      { layout },
    );
  const rows = [
    { key: "count", y: year, cells: months.map((m) => ({ m: m.month, text: int(m.count), n: m.count })) },
    { key: "count", y: lastYear, cells: lastMonths.map((m) => ({ m: m.month, text: int(m.count), n: m.count })) },
    { key: "contract", y: year, cells: months.map((m) => ({ m: m.month, text: yi(m.contract), n: m.count })) },
    { key: "contract", y: lastYear, cells: lastMonths.map((m) => ({ m: m.month, text: yi(m.contract), n: m.count })) },
  ] as const;
  return (
    <Section id="trend" title={t("title")} subtitle={title}>
      <ChartFigure id="chart-trend" title={title} svg={draw("wide")} phoneSvg={draw("phone")} />
      <Table label={title} className="mt-3 text-xs">
        <thead>
          <tr>
            <Th>{t("month")}</Th>
            {monthNames.map((m) => (
              <Th key={m} className="text-right">
                {m}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.key}-${r.y}`}>
              <Th scope="row" className="bg-white font-normal text-slate-700">
                {t(r.key, { year: r.y })}
              </Th>
              {r.cells.map((c) => (
                <Td key={c.m} className="px-2 py-1 text-right">
                  <Figure href={links.month(dc, r.y, c.m)} label={`${t(r.key, { year: r.y })} ${t("monthLabel", { month: c.m })} ${c.text}`}>
                    {c.text}
                  </Figure>
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </Section>
  );
}

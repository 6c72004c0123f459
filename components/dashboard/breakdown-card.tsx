import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { links, type DrillContext } from "@/lib/dashboard/links";
import type { DashboardData } from "@/lib/dashboard/load";
import { Figure, int, Section, yi } from "./parts";

type Row = { key: string; name: string; depth?: number; count: number; contract: string; href: string };

/** One breakdown as a small table: name, signings and their amount, each a link to its list. */
async function BreakdownTable({ id, title, rows }: { id: string; title: string; rows: Row[] }) {
  const t = await getTranslations("dashboard");
  return (
    <div className="min-w-0">
      <h3 id={id} className="mb-1 text-sm font-medium text-slate-800">
        {title}
      </h3>
      {rows.length === 0 ? (
        <p className="text-xs text-slate-500">{t("empty")}</p>
      ) : (
        <Table label={title} className="text-xs">
          <thead>
            <tr>
              <Th>{t("breakdown.name")}</Th>
              <Th className="text-right">{t("breakdown.count")}</Th>
              <Th className="text-right">{t("breakdown.contract")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <Td className="py-1" style={r.depth ? { paddingLeft: `${0.75 + r.depth}rem` } : undefined}>
                  {r.name}
                </Td>
                <Td className="py-1 text-right">
                  <Figure href={r.href} label={`${title} ${r.name} ${t("breakdown.count")} ${int(r.count)}`}>
                    {int(r.count)}
                  </Figure>
                </Td>
                <Td className="py-1 text-right">
                  <Figure href={r.href} label={`${title} ${r.name} ${t("breakdown.contract")} ${yi(r.contract)}`}>
                    {yi(r.contract)}
                  </Figure>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

/** The period's signings by chain, park, source, unit and owner, with the 亿元以上 projects and their investors. */
export async function BreakdownCard({ data, dc }: { data: DashboardData; dc: DrillContext }) {
  const t = await getTranslations();
  const b = data.breakdowns;
  const none = t("dashboard.none");
  const p = data.period;
  const investor = (key: "top500" | "centralSoe" | "listed", cls: "top500" | "central_soe" | "listed", n: number) => (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-600">{t(`dashboard.big.${key}`)}</dt>
      <dd className="text-lg font-semibold">
        <Figure href={links.big(dc, cls)} label={`${t("dashboard.big.title")} ${t(`dashboard.big.${key}`)} ${int(n)}`}>
          {int(n)}
        </Figure>
      </dd>
    </div>
  );
  return (
    <Section id="breakdown" title={t("dashboard.breakdown.title")} subtitle={t("dashboard.periodText", { from: dc.period.from, to: dc.period.to })}>
      <div className="mb-4 grid gap-3 md:grid-cols-[auto_1fr] md:items-center">
        <div>
          <h3 className="text-sm font-medium text-slate-800">{t("dashboard.big.title")}</h3>
          <p className="mt-1 text-sm text-slate-700">
            <Figure href={links.big(dc)} label={`${t("dashboard.big.title")} ${t("dashboard.big.count")} ${int(p.big)}`} className="text-xl font-semibold">
              {int(p.big)}
            </Figure>{" "}
            · {t("dashboard.big.contract")}{" "}
            <Figure href={links.big(dc)} label={`${t("dashboard.big.title")} ${t("dashboard.big.contract")} ${yi(p.bigContract)}`}>
              {yi(p.bigContract)}
            </Figure>
          </p>
        </div>
        <dl className="grid grid-cols-3 gap-2" aria-label={t("dashboard.big.investors")}>
          {investor("top500", "top500", p.top500)}
          {investor("centralSoe", "central_soe", p.centralSoe)}
          {investor("listed", "listed", p.listed)}
        </dl>
      </div>
      <div className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
        <BreakdownTable
          id="by-chain"
          title={t("dashboard.breakdown.byChain")}
          rows={b.chain.map((r) => ({ key: r.key ?? "none", name: r.name ?? none, count: r.count, contract: r.contract, href: links.byChain(dc, r.key) }))}
        />
        <BreakdownTable
          id="by-park"
          title={t("dashboard.breakdown.byPark")}
          rows={b.park.map((r) => ({ key: r.key ?? "none", name: r.name ?? none, count: r.count, contract: r.contract, href: links.byPark(dc, r.key) }))}
        />
        <BreakdownTable
          id="by-source"
          title={t("dashboard.breakdown.bySource")}
          rows={b.source.map((r) => ({ key: r.key, name: t(`sources.${r.key}`), count: r.count, contract: r.contract, href: links.bySource(dc, r.key) }))}
        />
        <BreakdownTable
          id="by-unit"
          title={t("dashboard.breakdown.byUnit")}
          rows={b.unit.map((r) => ({ key: r.key, name: r.name ?? "", depth: r.depth, count: r.count, contract: r.contract, href: links.byUnit(dc, r.key) }))}
        />
        <BreakdownTable
          id="by-owner"
          title={t("dashboard.breakdown.byOwner")}
          rows={b.owner.map((r) => ({ key: r.key, name: r.name ?? "", count: r.count, contract: r.contract, href: links.byOwner(dc, r.key) }))}
        />
      </div>
    </Section>
  );
}

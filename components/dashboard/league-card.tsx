import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { links, type DrillContext } from "@/lib/dashboard/links";
import type { ConversionData, DashboardData } from "@/lib/dashboard/load";
import { INDEX_KINDS } from "@/lib/dashboard/queries";
import { rate } from "@/lib/dashboard/rates";
import { Figure, int, Section } from "./parts";

/** 招商专员排行: the activity index and its five parts per officer, each part a link to its projects. */
export async function LeagueCard({ data, dc }: { data: DashboardData; dc: DrillContext }) {
  const t = await getTranslations("dashboard");
  return (
    <Section id="league" title={t("league.title")} subtitle={t("periodText", { from: dc.period.from, to: dc.period.to })}>
      {data.league.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <Table label={t("league.title")} className="text-xs">
          <thead>
            <tr>
              <Th>{t("league.owner")}</Th>
              {INDEX_KINDS.map((k) => (
                <Th key={k} className="text-right">
                  {t(`league.${k}`)}
                </Th>
              ))}
              <Th className="text-right">{t("league.signings")}</Th>
              <Th className="text-right">{t("league.starts")}</Th>
              <Th className="text-right">{t("league.index")}</Th>
            </tr>
          </thead>
          <tbody>
            {data.league.map((r) => (
              <tr key={r.ownerId}>
                <Td className="py-1">
                  <div className="font-medium text-slate-800">{r.name}</div>
                  <div className="text-slate-500">{r.unitName}</div>
                </Td>
                {INDEX_KINDS.map((k) => (
                  <Td key={k} className="py-1 text-right">
                    <Figure href={links.ownerActivities(dc, r.ownerId, k)} label={`${r.name} ${t(`league.${k}`)} ${int(r[k])}`}>
                      {int(r[k])}
                    </Figure>
                  </Td>
                ))}
                <Td className="py-1 text-right">
                  <Figure href={links.ownerSignings(dc, r.ownerId)} label={`${r.name} ${t("league.signings")} ${int(r.signings)}`}>
                    {int(r.signings)}
                  </Figure>
                </Td>
                <Td className="py-1 text-right">
                  <Figure href={links.ownerStarts(dc, r.ownerId)} label={`${r.name} ${t("league.starts")} ${int(r.starts)}`}>
                    {int(r.starts)}
                  </Figure>
                </Td>
                <Td className="py-1 text-right text-sm font-semibold tabular-nums">{int(r.index)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <p className="mt-2 text-xs text-slate-600">{t("league.definition")}</p>
    </Section>
  );
}

/** 阶段转化: the period's new leads — how many reached each stage, the conversion and the median days before it. */
export async function ConversionCard({ data, dc }: { data: ConversionData; dc: DrillContext }) {
  const t = await getTranslations();
  const rows = data.rows;
  const days = (d: number | null) => (d === null ? "—" : Number.isInteger(d) ? String(d) : d.toFixed(1));
  return (
    <Section id="conversion" title={t("dashboard.conversion.title")} subtitle={t("dashboard.conversion.subtitle")}>
      <Table label={t("dashboard.conversion.title")} className="text-xs">
        <thead>
          <tr>
            <Th>{t("dashboard.conversion.stage")}</Th>
            <Th className="text-right">{t("dashboard.conversion.reached")}</Th>
            <Th className="text-right">{t("dashboard.conversion.rate")}</Th>
            <Th className="text-right">{t("dashboard.conversion.median")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.stage}>
              <Td className="py-1">{t(`stages.${r.stage}`)}</Td>
              <Td className="py-1 text-right">
                <Figure href={links.reached(dc, r.stage)} label={`${t("dashboard.conversion.reached")} ${t(`stages.${r.stage}`)} ${int(r.reached)}`}>
                  {int(r.reached)}
                </Figure>
              </Td>
              <Td className="py-1 text-right tabular-nums">{i === 0 ? "—" : (rate(r.reached, rows[i - 1]!.reached) ?? "—")}</Td>
              <Td className="py-1 text-right tabular-nums">{i === 0 ? "—" : days(r.medianDays)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="mt-2 text-xs text-slate-600">{t("dashboard.conversion.definition")}</p>
    </Section>
  );
}

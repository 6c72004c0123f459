import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import type { ParcelStatus } from "@/db/schema/enums";
import { links, type DrillContext } from "@/lib/dashboard/links";
import type { DashboardData } from "@/lib/dashboard/load";
import { rate } from "@/lib/dashboard/rates";
import { formatMu } from "@/lib/land/area";
import { PARCEL_STATUSES } from "@/lib/land/status";
import { ChartFigure } from "./chart-figure";
import { stackedBars, type ChartLayout } from "./charts";
import { Figure, int, Section } from "./parts";

/** 园区土地: parcel area (亩) per park by status, as stacked bars and as a table of links to the parcels. */
export async function LandCard({ data }: { data: DashboardData }) {
  const t = await getTranslations();
  const statuses = PARCEL_STATUSES.filter((s) => data.land.some((p) => p.byStatus[s]));
  const title = t("dashboard.land.chart");
  const draw = (layout: ChartLayout) =>
    stackedBars(
      data.land.map((p) => p.name),
      statuses.map((s: ParcelStatus) => ({ name: t(`parcelStatuses.${s}`), data: data.land.map((p) => Number(p.byStatus[s]?.area ?? 0)) })),
      { layout },
    );
  const svg = data.land.length ? draw("wide") : null;
  return (
    <Section id="land" title={t("dashboard.land.title")} subtitle={`${t("dashboard.land.note")}${data.ctx.asOf < data.ctx.today ? ` ${t("dashboard.nowNote", { today: data.ctx.today })}` : ""}`}>
      {svg ? (
        <>
          <ChartFigure id="chart-land" title={title} svg={svg} phoneSvg={draw("phone")} />
          <Table label={title} className="mt-3 text-xs">
            <thead>
              <tr>
                <Th>{t("dashboard.land.park")}</Th>
                {statuses.map((s) => (
                  <Th key={s} className="text-right">
                    {t(`parcelStatuses.${s}`)}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.land.map((p) => (
                <tr key={p.parkId}>
                  <Td className="py-1">{p.name}</Td>
                  {statuses.map((s) => {
                    const v = p.byStatus[s];
                    return (
                      <Td key={s} className="py-1 text-right">
                        {v ? (
                          <Figure href={links.parcels(p.parkId, s)} label={`${p.name} ${t(`parcelStatuses.${s}`)} ${formatMu(v.area)}`}>
                            {formatMu(v.area)}
                          </Figure>
                        ) : (
                          <span className="text-slate-400">—</span>
                        )}
                      </Td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : (
        <p className="text-sm text-slate-500">{t("dashboard.empty")}</p>
      )}
    </Section>
  );
}

/** Mechanism (7个1, 5个1) and service checklist progress per park, and the grids' 办结率. */
export async function ServiceCard({ data, dc }: { data: DashboardData; dc: DrillContext }) {
  const t = await getTranslations("dashboard");
  const progress = (p: { total: number; done: number; overdue: number }) =>
    p.total === 0 ? (
      <span className="text-slate-400">—</span>
    ) : (
      <span className="tabular-nums">
        {t("mechanisms.progress", { done: p.done, total: p.total })}
        <span className="ml-1 text-slate-600">({rate(p.done, p.total)})</span>
        {p.overdue > 0 && <span className="ml-1 text-red-700">{t("mechanisms.overdue", { count: p.overdue })}</span>}
      </span>
    );
  const g = data.grids;
  return (
    <Section id="service" title={t("mechanisms.title")} subtitle={`${t("mechanisms.note")}${data.ctx.asOf < data.ctx.today ? ` ${t("nowNote", { today: data.ctx.today })}` : ""}`}>
      {data.mechanisms.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <Table label={t("mechanisms.title")} className="text-xs">
          <thead>
            <tr>
              <Th>{t("mechanisms.park")}</Th>
              <Th>{t("mechanisms.mechanism")}</Th>
              <Th>{t("mechanisms.service")}</Th>
            </tr>
          </thead>
          <tbody>
            {data.mechanisms.map((p) => (
              <tr key={p.parkId}>
                <Td className="py-1">
                  <Link href={links.park(p.parkId)} className="text-brand-700 underline underline-offset-2">
                    {p.name}
                  </Link>
                </Td>
                <Td className="py-1">{progress(p.mechanism)}</Td>
                <Td className="py-1">{progress(p.service)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <h3 className="mt-5 mb-1 text-sm font-medium text-slate-800">{t("grids.title")}</h3>
      {g.grids.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <Table label={t("grids.title")} className="text-xs" wrapperClassName="max-h-80 print:max-h-none">
          <thead>
            <tr>
              <Th>{t("grids.grid")}</Th>
              <Th className="text-right">{t("grids.received")}</Th>
              <Th className="text-right">{t("grids.resolved")}</Th>
              <Th className="text-right">{t("grids.rate")}</Th>
            </tr>
          </thead>
          <tbody>
            {g.grids.map((r) => (
              <tr key={r.gridId}>
                <Td className="py-1">{r.name}</Td>
                <Td className="py-1 text-right">
                  <Figure href={links.grid(dc, r.gridId)} label={`${r.name} ${t("grids.received")} ${int(r.received)}`}>
                    {int(r.received)}
                  </Figure>
                </Td>
                <Td className="py-1 text-right">
                  <Figure href={links.grid(dc, r.gridId, "resolved")} label={`${r.name} ${t("grids.resolved")} ${int(r.resolved)}`}>
                    {int(r.resolved)}
                  </Figure>
                </Td>
                <Td className="py-1 text-right tabular-nums">{rate(r.resolved, r.received) ?? "—"}</Td>
              </tr>
            ))}
            <tr className="font-medium">
              <Td className="py-1">{t("grids.total")}</Td>
              <Td className="py-1 text-right" colSpan={2}>
                <Figure href={links.grids(dc)} label={`${t("grids.total")} ${t("grids.resolved")} / ${t("grids.received")} ${int(g.resolved)} / ${int(g.received)}`}>
                  {int(g.resolved)} / {int(g.received)}
                </Figure>
              </Td>
              <Td className="py-1 text-right tabular-nums">{rate(g.resolved, g.received) ?? "—"}</Td>
            </tr>
          </tbody>
        </Table>
      )}
    </Section>
  );
}

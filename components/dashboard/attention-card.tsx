import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { links, type DrillContext } from "@/lib/dashboard/links";
import type { DashboardData } from "@/lib/dashboard/load";
import type { PersonCount } from "@/lib/dashboard/queries";
import { Figure, int, Section } from "./parts";

/** What needs a leader's attention: stalled projects and overdue tasks, by the projects' owner. */
export async function AttentionCard({ data, dc }: { data: DashboardData; dc: DrillContext }) {
  const t = await getTranslations("dashboard");
  const stalled = data.stalled.reduce((s, r) => s + r.count, 0);
  const overdue = data.overdue.reduce((s, r) => s + r.count, 0);
  const list = (id: string, title: string, who: string, what: string, rows: PersonCount[], href: (userId: string) => string) => (
    <div className="min-w-0">
      {rows.length === 0 ? (
        <p className="text-xs text-slate-500">{t("empty")}</p>
      ) : (
        <Table label={title} className="text-xs" aria-describedby={id}>
          <thead>
            <tr>
              <Th>{who}</Th>
              <Th className="text-right">{what}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, 8).map((r) => (
              <tr key={r.userId}>
                <Td className="py-1">{r.name}</Td>
                <Td className="py-1 text-right">
                  <Figure href={href(r.userId)} label={`${title} ${r.name} ${int(r.count)}`}>
                    {int(r.count)}
                  </Figure>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
  return (
    <Section id="attention" title={t("stalled.title")} subtitle={`${t("stalled.subtitle", { days: dc.stalledDays })}${dc.asOf < dc.today ? ` ${t("nowNote", { today: dc.today })}` : ""}`}>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <p id="stalled-total" className="mb-2 text-sm text-slate-700">
            <Figure href={links.stalled(dc)} label={`${t("stalled.title")} ${t("stalled.total", { count: stalled })}`} className="text-xl font-semibold text-red-700">
              {int(stalled)}
            </Figure>{" "}
            {t("stalled.count")}
          </p>
          {list("stalled-total", t("stalled.title"), t("stalled.owner"), t("stalled.count"), data.stalled, (id) => links.stalled(dc, id))}
        </div>
        <div>
          <h3 className="text-sm font-medium text-slate-800">{t("overdue.title")}</h3>
          <p id="overdue-total" className="mb-2 text-sm text-slate-700">
            <Figure href={links.overdue(dc)} label={`${t("overdue.title")} ${t("overdue.total", { count: overdue })}`} className="text-xl font-semibold text-red-700">
              {int(overdue)}
            </Figure>{" "}
            {t("overdue.count")}
          </p>
          {list("overdue-total", t("overdue.title"), t("overdue.owner"), t("overdue.count"), data.overdue, (id) => links.overdue(dc, id))}
        </div>
      </div>
    </Section>
  );
}

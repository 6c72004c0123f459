import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { formatRate } from "@/lib/grids/clock";
import type { GridOverview } from "@/lib/grids/queries";
import { gridQuery } from "@/lib/grids/url";

/** Every visible grid with its officers and figures, and the overall row. */
export async function GridTable({ overview }: { overview: GridOverview }) {
  const t = await getTranslations("grids");
  const { period } = overview;
  const num = "text-right tabular-nums";
  const countLink = (id: string, colour: "red" | "yellow", n: number, label: string) =>
    n === 0 ? (
      <span className="text-slate-400">0</span>
    ) : (
      <Link
        href={`/grids/${id}${gridQuery({ status: "open", colour, from: period.from, to: period.to })}`}
        aria-label={label}
        className={colour === "red" ? "font-semibold text-red-700 underline underline-offset-2" : "font-semibold text-amber-800 underline underline-offset-2"}
      >
        {n}
      </Link>
    );
  return (
    <Table label={t("figures")}>
      <thead>
        <tr>
          <Th>{t("name")}</Th>
          {/* Who runs each grid is on its own page; on a phone the figures come first. */}
          <Th className="hidden md:table-cell">{t("unit")}</Th>
          <Th className="hidden md:table-cell">{t("lead")}</Th>
          <Th className="hidden md:table-cell">{t("members")}</Th>
          <Th className="hidden text-right sm:table-cell">{t("enterpriseCount")}</Th>
          <Th className="text-right">{t("received")}</Th>
          <Th className="text-right">{t("resolved")}</Th>
          <Th className="text-right">{t("closureRate")}</Th>
          <Th className="text-right">{t("onTimeRate")}</Th>
          <Th className="text-right">{t("openRed")}</Th>
          <Th className="text-right">{t("openYellow")}</Th>
        </tr>
      </thead>
      <tbody>
        {overview.grids.map((g) => {
          const lead = g.officers.filter((o) => o.role === "lead");
          const members = g.officers.filter((o) => o.role === "member");
          return (
            <tr key={g.id} className="hover:bg-slate-50">
              <Td className="min-w-32 md:min-w-48">
                <Link href={`/grids/${g.id}${gridQuery({ from: period.from, to: period.to })}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {g.name}
                </Link>
                <span className="block font-mono text-xs text-slate-500">{g.code}</span>
              </Td>
              <Td className="hidden whitespace-nowrap text-slate-700 md:table-cell">{g.unitName}</Td>
              <Td className="hidden whitespace-nowrap md:table-cell">{lead.map((o) => o.displayName).join("、") || "—"}</Td>
              <Td className="hidden min-w-32 text-slate-700 md:table-cell">{members.map((o) => o.displayName).join("、") || "—"}</Td>
              <Td className={`${num} hidden sm:table-cell`}>{g.enterpriseCount}</Td>
              <Td className={num}>{g.received}</Td>
              <Td className={num}>{g.resolved}</Td>
              <Td className={num}>{formatRate(g.closureRate)}</Td>
              <Td className={num}>{formatRate(g.onTimeRate)}</Td>
              <Td className={num}>{countLink(g.id, "red", g.openRed, t("openRedLink", { grid: g.name, count: g.openRed }))}</Td>
              <Td className={num}>{countLink(g.id, "yellow", g.openYellow, t("openYellowLink", { grid: g.name, count: g.openYellow }))}</Td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr className="bg-slate-50 font-semibold">
          <Th scope="row" className="bg-slate-50 text-slate-900">
            {t("total")}
            <span className="block text-xs font-normal text-slate-600">{t("gridsCount", { count: overview.total.grids })}</span>
          </Th>
          <Td className="hidden md:table-cell" />
          <Td className="hidden md:table-cell" />
          <Td className="hidden md:table-cell" />
          <Td className={`${num} hidden sm:table-cell`}>{overview.total.enterpriseCount}</Td>
          <Td className={num}>{overview.total.received}</Td>
          <Td className={num}>{overview.total.resolved}</Td>
          <Td className={num}>{formatRate(overview.total.closureRate)}</Td>
          <Td className={num}>{formatRate(overview.total.onTimeRate)}</Td>
          <Td className={`${num} text-red-700`}>{overview.total.openRed}</Td>
          <Td className={`${num} text-amber-800`}>{overview.total.openYellow}</Td>
        </tr>
      </tfoot>
    </Table>
  );
}

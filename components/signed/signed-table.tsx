import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { StageBadge } from "@/components/projects/stage-badge";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { yuanToYi } from "@/lib/money";
import { formatMu } from "@/lib/land/area";
import type { SignedRow, SignedTotals } from "@/lib/signed/queries";
import { signedQuery } from "@/lib/signed/url";
import type { SignedListParams, SignedSort } from "@/lib/signed/validation";

type Column = { key: string; label: string; sort?: SignedSort; numeric?: boolean };

const COLUMNS: Column[] = [
  { key: "index", label: "index" },
  { key: "name", label: "name", sort: "name" },
  { key: "enterprise", label: "enterprise", sort: "enterprise" },
  { key: "signingDate", label: "signingDate", sort: "signingDate" },
  { key: "event", label: "event", sort: "event" },
  { key: "agreementType", label: "agreementType" },
  { key: "park", label: "park", sort: "park" },
  { key: "totalInvestment", label: "totalInvestment", sort: "totalInvestment", numeric: true },
  { key: "contractInvestment", label: "contractInvestment", sort: "contractInvestment", numeric: true },
  { key: "phase1Investment", label: "phase1Investment", numeric: true },
  { key: "landMu", label: "landMu", numeric: true },
  { key: "fundsInPlace", label: "fundsInPlace", numeric: true },
  { key: "stage", label: "stage", sort: "stage" },
  { key: "steward", label: "steward" },
  { key: "owner", label: "owner", sort: "owner" },
];
/** Columns before the first sum, which the totals row's label spans. */
const LABEL_SPAN = COLUMNS.findIndex((c) => c.key === "totalInvestment");

/**
 * The 签约项目清单 on screen: the most used of its columns (the export has all 27), sortable
 * headers, and a totals row over the whole filtered list. Scrolls sideways on a phone.
 */
export async function SignedTable({ rows, totals, params }: { rows: SignedRow[]; totals: SignedTotals; params: SignedListParams }) {
  const t = await getTranslations();
  const none = t("projects.none");
  const num = "text-right whitespace-nowrap tabular-nums";
  const first = (params.page - 1) * params.size;
  return (
    <Table label={t("signed.tableLabel")}>
      <thead>
        <tr>
          {COLUMNS.map((c) => {
            const text = t(`signed.columns.${c.label}` as never);
            if (!c.sort) return <Th key={c.key} className={c.numeric ? "text-right" : undefined}>{text}</Th>;
            const active = params.sort === c.sort;
            const dir = active ? (params.dir === "desc" ? "asc" : "desc") : c.numeric || c.sort === "signingDate" ? "desc" : "asc";
            return (
              <Th key={c.key} className={c.numeric ? "text-right" : undefined} aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
                <Link href={signedQuery(params, { sort: c.sort, dir, page: 1 })} className="inline-flex items-center gap-1 hover:text-slate-900">
                  {text}
                  <span aria-hidden="true" className={active ? "text-brand-700" : "text-slate-300"}>
                    {active && params.dir === "asc" ? "▲" : "▼"}
                  </span>
                </Link>
              </Th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.id} className="hover:bg-slate-50">
            <Td className="tabular-nums text-slate-500">{first + i + 1}</Td>
            <Td className="min-w-48">
              <Link href={`/projects/${r.id}`} className="font-medium text-brand-700 hover:underline">
                {r.name}
              </Link>
              {r.isKey && (
                <Badge tone="amber" className="ml-1.5">
                  {t("projects.isKey")}
                </Badge>
              )}
            </Td>
            <Td className="min-w-48">{r.enterpriseName}</Td>
            <Td className="whitespace-nowrap tabular-nums">{r.signingDate}</Td>
            <Td className="min-w-56">
              {r.eventId ? (
                <Link href={`/events/${r.eventId}`} className="text-brand-700 hover:underline">
                  {r.eventName}
                </Link>
              ) : (
                none
              )}
            </Td>
            <Td className="whitespace-nowrap">{t(`agreementTypes.${r.agreementType}`)}</Td>
            <Td className="min-w-32">{r.parkName ?? none}</Td>
            <Td className={num}>{yuanToYi(r.totalInvestment)}</Td>
            <Td className={num}>{yuanToYi(r.contractInvestment)}</Td>
            <Td className={num}>{r.phase1Investment ? yuanToYi(r.phase1Investment) : none}</Td>
            <Td className={num}>{r.landMu ? formatMu(r.landMu) : none}</Td>
            <Td className={num}>{yuanToYi(r.fundsInPlace)}</Td>
            <Td className="min-w-28">
              <StageBadge stage={r.stage} status={r.status} pending={r.pendingStages ?? undefined} />
            </Td>
            <Td className="whitespace-nowrap">{r.stewardName ?? none}</Td>
            <Td className="whitespace-nowrap">{r.ownerName}</Td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="bg-slate-50 font-semibold text-slate-900">
          <th scope="row" colSpan={LABEL_SPAN} className="border-t-2 border-slate-300 px-3 py-2 text-left">
            {t("signed.totalsLabel", { count: totals.count })}
          </th>
          {[totals.totalInvestment, totals.contractInvestment, totals.phase1Investment].map((v, i) => (
            <td key={i} className={`border-t-2 border-slate-300 px-3 py-2 ${num}`}>
              {yuanToYi(v)}
            </td>
          ))}
          <td className={`border-t-2 border-slate-300 px-3 py-2 ${num}`}>{formatMu(totals.landMu)}</td>
          <td className={`border-t-2 border-slate-300 px-3 py-2 ${num}`}>{yuanToYi(totals.fundsInPlace)}</td>
          <td colSpan={COLUMNS.length - LABEL_SPAN - 5} className="border-t-2 border-slate-300" />
        </tr>
      </tfoot>
    </Table>
  );
}

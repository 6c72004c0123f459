import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { StageBadge } from "@/components/projects/stage-badge";
import { Badge } from "@/components/ui/badge";
import { ColumnTable, type ColumnSpec } from "@/components/ui/column-table";
import { SortHeader } from "@/components/ui/sort-header";
import { yuanToYi } from "@/lib/money";
import { formatMu } from "@/lib/land/area";
import type { SignedRow, SignedTotals } from "@/lib/signed/queries";
import { signedQuery } from "@/lib/signed/url";
import type { SignedListParams, SignedSort } from "@/lib/signed/validation";
import { TABLES } from "@/lib/tables/columns";

type Key = (typeof TABLES.signed.keys)[number];
const SORTS: Partial<Record<Key, SignedSort>> = {
  name: "name",
  enterprise: "enterprise",
  signingDate: "signingDate",
  event: "event",
  park: "park",
  totalInvestment: "totalInvestment",
  contractInvestment: "contractInvestment",
  stage: "stage",
  owner: "owner",
};
const NUMERIC = new Set<Key>(["totalInvestment", "contractInvestment", "phase1Investment", "landMu", "fundsInPlace"]);

/**
 * The 签约项目清单 on screen: the columns the viewer chose (the export has all 27), sortable
 * headers, the row's number beside its name, and a totals row over the whole filtered list.
 */
export async function SignedTable({ rows, totals, params, shown }: { rows: SignedRow[]; totals: SignedTotals; params: SignedListParams; shown: string[] }) {
  const t = await getTranslations();
  const none = t("projects.none");
  const first = (params.page - 1) * params.size;
  const columns: ColumnSpec[] = TABLES.signed.keys.map((key) => {
    const label = t(`signed.columns.${key}`);
    const sort = SORTS[key];
    const numeric = NUMERIC.has(key);
    if (!sort) return { id: key, label, header: label, numeric };
    const active = params.sort === sort;
    const dir = active ? (params.dir === "desc" ? "asc" : "desc") : numeric || sort === "signingDate" ? "desc" : "asc";
    return {
      id: key,
      label,
      numeric,
      sorted: active ? (params.dir === "asc" ? "ascending" : "descending") : undefined,
      header: <SortHeader href={signedQuery(params, { sort, dir, page: 1 })} label={label} active={active} ascending={params.dir === "asc"} />,
    };
  });
  return (
    <ColumnTable
      table="signed"
      label={t("signed.tableLabel")}
      columns={columns}
      shown={shown}
      defaults={[...TABLES.signed.defaults]}
      rows={rows.map((r, i) => ({
        id: r.id,
        cells: {
          name: (
            <>
              <span className="mr-1.5 text-xs tabular-nums text-slate-500">{first + i + 1}</span>
              <Link href={`/projects/${r.id}`} className="font-medium text-brand-700 hover:underline">
                {r.name}
              </Link>
              {r.isKey && (
                <Badge tone="amber" className="ml-1.5">
                  {t("projects.isKey")}
                </Badge>
              )}
            </>
          ),
          enterprise: <span className="inline-block min-w-40">{r.enterpriseName}</span>,
          signingDate: <span className="whitespace-nowrap tabular-nums">{r.signingDate}</span>,
          event: r.eventId ? (
            <Link href={`/events/${r.eventId}`} className="inline-block min-w-48 text-brand-700 hover:underline">
              {r.eventName}
            </Link>
          ) : (
            none
          ),
          agreementType: <span className="whitespace-nowrap">{t(`agreementTypes.${r.agreementType}`)}</span>,
          park: <span className="inline-block min-w-24">{r.parkName ?? none}</span>,
          totalInvestment: yuanToYi(r.totalInvestment),
          contractInvestment: yuanToYi(r.contractInvestment),
          phase1Investment: r.phase1Investment ? yuanToYi(r.phase1Investment) : none,
          landMu: r.landMu ? formatMu(r.landMu) : none,
          fundsInPlace: yuanToYi(r.fundsInPlace),
          stage: <StageBadge stage={r.stage} status={r.status} pending={r.pendingStages ?? undefined} />,
          steward: <span className="whitespace-nowrap">{r.stewardName ?? none}</span>,
          owner: <span className="whitespace-nowrap">{r.ownerName}</span>,
        },
      }))}
      footer={{
        label: t("signed.totalsLabel", { count: totals.count }),
        cells: {
          totalInvestment: yuanToYi(totals.totalInvestment),
          contractInvestment: yuanToYi(totals.contractInvestment),
          phase1Investment: yuanToYi(totals.phase1Investment),
          landMu: formatMu(totals.landMu),
          fundsInPlace: yuanToYi(totals.fundsInPlace),
        },
      }}
    />
  );
}

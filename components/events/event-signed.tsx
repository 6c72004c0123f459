import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { StageBadge } from "@/components/projects/stage-badge";
import { Table, Td, Th } from "@/components/ui/table";
import { yuanToYi } from "@/lib/money";
import type { SignedRow, SignedTotals } from "@/lib/signed/queries";

/** The projects signed at an event, with their totals (over what the viewer may see). */
export async function EventSigned({ rows, totals }: { rows: SignedRow[]; totals: SignedTotals }) {
  const t = await getTranslations();
  const num = "text-right whitespace-nowrap tabular-nums";
  if (!totals.count) return <p className="px-4 py-6 text-sm text-slate-500">{t("events.signedEmpty")}</p>;
  return (
    <>
      <p className="px-4 pt-3 text-sm text-slate-700" role="status">
        {t("events.signedSummary", { count: totals.count, total: yuanToYi(totals.totalInvestment), contract: yuanToYi(totals.contractInvestment) })}
      </p>
      <p className="px-4 text-xs text-slate-500 sm:hidden">{t("events.signedHint")}</p>
      <Table label={t("events.signed")}>
        <thead>
          <tr>
            <Th>{t("signed.columns.name")}</Th>
            <Th>{t("signed.columns.enterprise")}</Th>
            <Th>{t("signed.columns.signingDate")}</Th>
            <Th>{t("signed.columns.stage")}</Th>
            <Th className="text-right">{t("signed.columns.totalInvestment")}</Th>
            <Th className="text-right">{t("signed.columns.contractInvestment")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <Td className="min-w-48">
                <Link href={`/projects/${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {r.name}
                </Link>
              </Td>
              <Td className="min-w-40">{r.enterpriseName}</Td>
              <Td className="whitespace-nowrap tabular-nums">{r.signingDate}</Td>
              <Td>
                <StageBadge stage={r.stage} status={r.status} pending={r.pendingStages ?? undefined} />
              </Td>
              <Td className={num}>{yuanToYi(r.totalInvestment)}</Td>
              <Td className={num}>{yuanToYi(r.contractInvestment)}</Td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="bg-slate-50 font-semibold text-slate-900">
            <th scope="row" colSpan={4} className="border-t-2 border-slate-300 px-3 py-2 text-left">
              {t("events.totalsLabel", { count: totals.count })}
            </th>
            <td className={`border-t-2 border-slate-300 px-3 py-2 ${num}`}>{yuanToYi(totals.totalInvestment)}</td>
            <td className={`border-t-2 border-slate-300 px-3 py-2 ${num}`}>{yuanToYi(totals.contractInvestment)}</td>
          </tr>
        </tfoot>
      </Table>
    </>
  );
}

import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { ParcelStatus } from "@/db/schema/enums";
import { formatMu, formatMuShort, formatSqm } from "@/lib/land/area";
import type { LandTotals as Totals } from "@/lib/land/queries";
import { PARCEL_STATUSES } from "@/lib/land/status";

type ByStatus = Map<ParcelStatus, { parcels: number; area: string }>;

/** The headline as the field reports put it: "1,071 亩，其中已腾空 800 亩，已出让 383 亩". */
export async function LandHeadline({ totals }: { totals: Totals }) {
  const t = await getTranslations("parks");
  return (
    <p className="text-sm text-slate-700">
      {t("headline", { total: formatMuShort(totals.area), cleared: formatMuShort(totals.cleared), transferred: formatMuShort(totals.transferred), parcels: totals.parcels })}
    </p>
  );
}

/**
 * Σ area by status, each row linking to the parcel list filtered to it. `filter` is the
 * list's query for the park or zone ("park=…").
 */
export async function LandByStatus({ totals, byStatus, filter, label }: { totals: Totals; byStatus: ByStatus; filter: string; label: string }) {
  const t = await getTranslations();
  return (
    <Table label={label}>
      <thead>
        <tr>
          <Th>{t("parcels.status")}</Th>
          <Th className="text-right">{t("parks.parcelCount")}</Th>
          <Th className="text-right">{t("parks.areaMuColumn")}</Th>
          <Th className="text-right">{t("parks.areaSqmColumn")}</Th>
        </tr>
      </thead>
      <tbody>
        {PARCEL_STATUSES.map((s) => {
          const row = byStatus.get(s) ?? { parcels: 0, area: "0" };
          return (
            <tr key={s}>
              <Td>
                {row.parcels > 0 ? (
                  <Link href={`/parcels?${filter}&status=${s}`} className="text-brand-700 hover:underline">
                    {t(`parcelStatuses.${s}`)}
                  </Link>
                ) : (
                  t(`parcelStatuses.${s}`)
                )}
              </Td>
              <Td className="text-right tabular-nums">{row.parcels}</Td>
              <Td className="text-right tabular-nums">{formatMu(row.area)}</Td>
              <Td className="text-right tabular-nums text-slate-600">{formatSqm(row.area)}</Td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr className="font-medium">
          <Td>{t("parks.totalRow")}</Td>
          <Td className="text-right tabular-nums">{totals.parcels}</Td>
          <Td className="text-right tabular-nums">{formatMu(totals.area)}</Td>
          <Td className="text-right tabular-nums text-slate-600">{formatSqm(totals.area)}</Td>
        </tr>
        <tr>
          <Td className="text-slate-600">{t("parks.clearedOrBeyond")}</Td>
          <Td />
          <Td className="text-right tabular-nums">{formatMu(totals.cleared)}</Td>
          <Td className="text-right tabular-nums text-slate-600">{formatSqm(totals.cleared)}</Td>
        </tr>
        <tr>
          <Td className="text-slate-600">{t("parks.transferredOrBeyond")}</Td>
          <Td />
          <Td className="text-right tabular-nums">{formatMu(totals.transferred)}</Td>
          <Td className="text-right tabular-nums text-slate-600">{formatSqm(totals.transferred)}</Td>
        </tr>
      </tfoot>
    </Table>
  );
}

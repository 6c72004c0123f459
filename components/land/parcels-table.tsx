import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { formatMu, formatSqm } from "@/lib/land/area";
import type { ParcelRow } from "@/lib/land/queries";
import { parcelQuery } from "@/lib/land/url";
import type { ParcelListParams, ParcelSort } from "@/lib/land/validation";
import { ParcelStatusBadge } from "./parcel-status-badge";

const COLUMNS: { key: string; sort?: ParcelSort; label: string; numeric?: boolean }[] = [
  { key: "code", sort: "code", label: "parcels.code" },
  { key: "park", sort: "park", label: "parcels.park" },
  { key: "zone", label: "parcels.zone" },
  { key: "area", sort: "area", label: "parcels.areaMuColumn", numeric: true },
  { key: "sqm", label: "parcels.areaSqmColumn", numeric: true },
  { key: "landUse", sort: "landUse", label: "parcels.landUse" },
  { key: "status", sort: "status", label: "parcels.status" },
  { key: "project", label: "parcels.matchedProject" },
];

/**
 * Parcels with their area in both units. With `params`, the sortable headers are links
 * (click to sort by that column, again to reverse); `hidePark` drops the park column.
 */
export async function ParcelsTable({ rows, label, params, hidePark }: { rows: ParcelRow[]; label: string; params?: ParcelListParams; hidePark?: boolean }) {
  const t = await getTranslations();
  const columns = COLUMNS.filter((c) => !(hidePark && c.key === "park"));
  return (
    <Table label={label}>
      <thead>
        <tr>
          {columns.map((c) => {
            const text = t(c.label as never);
            if (!params || !c.sort) return <Th key={c.key} className={c.numeric ? "text-right" : undefined}>{text}</Th>;
            const active = params.sort === c.sort;
            const dir = active ? (params.dir === "asc" ? "desc" : "asc") : c.numeric ? "desc" : "asc";
            return (
              <Th key={c.key} className={c.numeric ? "text-right" : undefined} aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
                <Link href={parcelQuery(params, { sort: c.sort, dir, page: 1 })} className="inline-flex items-center gap-1 hover:text-slate-900">
                  {text}
                  <span aria-hidden="true" className={active ? "text-brand-700" : "text-slate-300"}>
                    {active && params.dir === "desc" ? "▼" : "▲"}
                  </span>
                </Link>
              </Th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id} className="hover:bg-slate-50">
            <Td className="whitespace-nowrap">
              <Link href={`/parcels/${p.id}`} className="font-medium text-brand-700 hover:underline">
                {p.code}
              </Link>
              {p.location && <span className="block max-w-56 truncate text-xs text-slate-500">{p.location}</span>}
            </Td>
            {!hidePark && <Td className="min-w-36">{p.parkName}</Td>}
            <Td className="whitespace-nowrap">{p.zoneName ?? t("parks.none")}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{formatMu(p.areaMu)}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums text-slate-600">{formatSqm(p.areaMu)}</Td>
            <Td className="whitespace-nowrap">{t(`landUses.${p.landUse}`)}</Td>
            <Td className="whitespace-nowrap">
              <ParcelStatusBadge status={p.status} />
              {p.statusChangedOn && <span className="ml-1.5 text-xs text-slate-500 tabular-nums">{p.statusChangedOn}</span>}
            </Td>
            <Td className="min-w-40">
              {!p.matched ? (
                <span className="text-slate-500">{t("parcels.unmatched")}</span>
              ) : p.projectName ? (
                <Link href={`/projects/${p.projectId}`} className="text-brand-700 hover:underline">
                  {p.projectName}
                </Link>
              ) : (
                <span className="text-slate-600">{t("parcels.matchedHidden")}</span>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

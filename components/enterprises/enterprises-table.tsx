import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { EnterpriseRow } from "@/lib/enterprises/queries";
import type { EnterpriseListParams, EnterpriseSort } from "@/lib/enterprises/validation";
import { formatDateTime } from "@/lib/i18n/format";

/** The list URL with `changes` applied (empty values dropped, defaults left out). */
export function listHref(params: EnterpriseListParams, changes: Partial<Record<keyof EnterpriseListParams, string | number | undefined>>) {
  const merged: Record<string, string | number | undefined> = { ...params, ...changes };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === "") continue;
    if ((k === "page" && v === 1) || (k === "size" && v === 50) || (k === "sort" && v === "updatedAt") || (k === "dir" && v === "desc")) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `/enterprises?${s}` : "/enterprises";
}

async function SortableTh({ params, column, children }: { params: EnterpriseListParams; column: EnterpriseSort; children: React.ReactNode }) {
  const t = await getTranslations("enterprises");
  const current = params.sort === column;
  // A name sorts A→Z first; counts and dates largest / newest first.
  const firstDir = column === "name" ? "asc" : "desc";
  const nextDir = current ? (params.dir === "asc" ? "desc" : "asc") : firstDir;
  return (
    <Th aria-sort={current ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={listHref(params, { sort: column, dir: nextDir, page: 1 })} className="inline-flex items-center gap-1 underline-offset-2 hover:underline">
        {children}
        {current && <span aria-hidden="true">{params.dir === "asc" ? "↑" : "↓"}</span>}
        <span className="sr-only">（{nextDir === "asc" ? t("ascending") : t("descending")}）</span>
      </Link>
    </Th>
  );
}

/** A page of enterprises: name links to the detail; the table scrolls sideways on a phone. */
export async function EnterprisesTable({ rows, params }: { rows: EnterpriseRow[]; params: EnterpriseListParams }) {
  const t = await getTranslations();
  return (
    <Table label={t("enterprises.title")}>
      <thead>
        <tr>
          <SortableTh params={params} column="name">{t("enterprises.name")}</SortableTh>
          <Th>{t("enterprises.uscc")}</Th>
          <Th>{t("enterprises.ownershipType")}</Th>
          <Th>{t("enterprises.headquarters")}</Th>
          <Th>{t("enterprises.industryCodeShort")}</Th>
          <Th>{t("enterprises.tags")}</Th>
          <SortableTh params={params} column="projects">{t("enterprises.projectCount")}</SortableTh>
          <Th>{t("enterprises.unit")}</Th>
          <SortableTh params={params} column="updatedAt">{t("enterprises.updatedAt")}</SortableTh>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.id}>
            <Td className="min-w-48">
              <Link href={`/enterprises/${e.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                {e.name}
              </Link>
            </Td>
            <Td className="font-mono text-xs whitespace-nowrap">{e.uscc ?? t("enterprises.none")}</Td>
            <Td className="whitespace-nowrap">{e.ownershipType ? t(`ownershipTypes.${e.ownershipType}`) : t("enterprises.none")}</Td>
            <Td>{e.headquarters || t("enterprises.none")}</Td>
            <Td className="font-mono text-xs">{e.industryCode || t("enterprises.none")}</Td>
            <Td>
              <span className="flex flex-wrap gap-1">
                {e.tags.map((tag) => (
                  <Badge key={tag} tone="blue">{tag}</Badge>
                ))}
              </span>
            </Td>
            <Td className="text-right tabular-nums">{e.projectCount}</Td>
            <Td className="whitespace-nowrap">{e.unitName}</Td>
            <Td className="whitespace-nowrap tabular-nums">{formatDateTime(e.updatedAt)}</Td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <Td colSpan={9} className="py-8 text-center text-slate-500">
              <p>{t("enterprises.empty")}</p>
              <p className="mt-1 text-xs">{t("enterprises.emptyHint")}</p>
            </Td>
          </tr>
        )}
      </tbody>
    </Table>
  );
}

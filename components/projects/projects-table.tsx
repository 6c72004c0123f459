import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/i18n/format";
import { isOver100m, yuanToYi } from "@/lib/money";
import type { ProjectStage } from "@/db/schema/enums";
import type { ProjectRow } from "@/lib/projects/queries";
import { projectQuery } from "@/lib/projects/url";
import type { ProjectListParams, ProjectSort } from "@/lib/projects/validation";
import { StageBadge } from "./stage-badge";

const COLUMNS: { sort: ProjectSort; label: string; numeric?: boolean }[] = [
  { sort: "name", label: "projects.name" },
  { sort: "enterprise", label: "projects.enterprise" },
  { sort: "stage", label: "projects.stage" },
  { sort: "totalInvestment", label: "projects.totalInvestment", numeric: true },
  { sort: "chain", label: "projects.chain" },
  { sort: "owner", label: "projects.owner" },
  { sort: "unit", label: "projects.unit" },
  { sort: "source", label: "projects.source" },
  { sort: "updatedAt", label: "projects.updatedAt" },
];

/** Column headers are links: click to sort by that column, again to reverse. */
export async function ProjectsTable({ rows, params, pending }: { rows: ProjectRow[]; params: ProjectListParams; pending?: Map<string, ProjectStage[]> }) {
  const t = await getTranslations();
  return (
    <Table label={t("projects.title")}>
      <thead>
        <tr>
          {COLUMNS.map((c) => {
            const active = params.sort === c.sort;
            const dir = active && params.dir === "desc" ? "asc" : active ? "desc" : c.numeric || c.sort === "updatedAt" ? "desc" : "asc";
            return (
              <Th key={c.sort} className={c.numeric ? "text-right" : undefined} aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
                <Link href={projectQuery(params, { sort: c.sort, dir, page: 1 })} className="inline-flex items-center gap-1 hover:text-slate-900">
                  {t(c.label as never)}
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
        {rows.map((p) => (
          <tr key={p.id} className="hover:bg-slate-50">
            <Td className="min-w-48">
              <Link href={`/projects/${p.id}`} className="font-medium text-brand-700 hover:underline">
                {p.name}
              </Link>
              {p.isKey && (
                <Badge tone="amber" className="ml-1.5">
                  {t("projects.isKey")}
                </Badge>
              )}
            </Td>
            <Td className="min-w-40">{p.enterpriseName}</Td>
            <Td>
              <StageBadge stage={p.stage} status={p.status} pending={pending?.get(p.id)} />
            </Td>
            <Td className="text-right whitespace-nowrap tabular-nums">
              {yuanToYi(p.totalInvestment)}
              {isOver100m(p.totalInvestment) && <span className="sr-only">（{t("projects.over100m")}）</span>}
            </Td>
            <Td className="whitespace-nowrap">{p.chainName ?? t("projects.none")}</Td>
            <Td className="whitespace-nowrap">{p.ownerName}</Td>
            <Td className="whitespace-nowrap">{p.unitName}</Td>
            <Td className="whitespace-nowrap">{t(`sources.${p.source}`)}</Td>
            <Td className="whitespace-nowrap tabular-nums text-slate-600">{formatDateTime(p.updatedAt)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

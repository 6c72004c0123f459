import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ColumnTable, type ColumnSpec } from "@/components/ui/column-table";
import { SortHeader } from "@/components/ui/sort-header";
import { formatDateTime } from "@/lib/i18n/format";
import { isOver100m, yuanToYi } from "@/lib/money";
import type { ProjectStage } from "@/db/schema/enums";
import type { ProjectRow } from "@/lib/projects/queries";
import { projectQuery } from "@/lib/projects/url";
import type { ProjectListParams, ProjectSort } from "@/lib/projects/validation";
import { TABLES } from "@/lib/tables/columns";
import { StageBadge } from "./stage-badge";

type Key = (typeof TABLES.projects.keys)[number];
const SORTS: Record<Key, ProjectSort> = {
  name: "name",
  enterprise: "enterprise",
  stage: "stage",
  totalInvestment: "totalInvestment",
  chain: "chain",
  owner: "owner",
  unit: "unit",
  source: "source",
  updatedAt: "updatedAt",
};

/** The pipeline list: the columns the viewer chose; headers are links that sort (again to reverse). */
export async function ProjectsTable({
  rows,
  params,
  pending,
  shown,
}: {
  rows: ProjectRow[];
  params: ProjectListParams;
  pending?: Map<string, ProjectStage[]>;
  shown: string[];
}) {
  const t = await getTranslations();
  const columns: ColumnSpec[] = TABLES.projects.keys.map((key) => {
    const sort = SORTS[key];
    const label = t(`projects.${key === "totalInvestment" ? "totalInvestment" : key}`);
    const numeric = key === "totalInvestment";
    const active = params.sort === sort;
    const dir = active && params.dir === "desc" ? "asc" : active ? "desc" : numeric || sort === "updatedAt" ? "desc" : "asc";
    return {
      id: key,
      label,
      numeric,
      sorted: active ? (params.dir === "asc" ? "ascending" : "descending") : undefined,
      header: <SortHeader href={projectQuery(params, { sort, dir, page: 1 })} label={label} active={active} ascending={params.dir === "asc"} />,
    };
  });
  return (
    <ColumnTable
      table="projects"
      label={t("projects.title")}
      columns={columns}
      shown={shown}
      defaults={[...TABLES.projects.defaults]}
      rows={rows.map((p) => ({
        id: p.id,
        cells: {
          name: (
            <>
              <Link href={`/projects/${p.id}`} className="font-medium text-brand-700 hover:underline">
                {p.name}
              </Link>
              {p.isKey && (
                <Badge tone="amber" className="ml-1.5">
                  {t("projects.isKey")}
                </Badge>
              )}
            </>
          ),
          enterprise: <span className="inline-block min-w-32">{p.enterpriseName}</span>,
          stage: <StageBadge stage={p.stage} status={p.status} pending={pending?.get(p.id)} />,
          totalInvestment: (
            <>
              {yuanToYi(p.totalInvestment)}
              {isOver100m(p.totalInvestment) && <span className="sr-only">（{t("projects.over100m")}）</span>}
            </>
          ),
          chain: <span className="whitespace-nowrap">{p.chainName ?? t("projects.none")}</span>,
          owner: <span className="whitespace-nowrap">{p.ownerName}</span>,
          unit: <span className="whitespace-nowrap">{p.unitName}</span>,
          source: <span className="whitespace-nowrap">{t(`sources.${p.source}`)}</span>,
          updatedAt: <span className="whitespace-nowrap tabular-nums text-slate-600">{formatDateTime(p.updatedAt)}</span>,
        },
      }))}
    />
  );
}

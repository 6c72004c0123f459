/**
 * The 在谈项目清单: the /projects list (its filters, its order, what the viewer may see) as an
 * .xlsx or CSV file, streamed by the signed list's machinery (lib/signed/export.ts) with its own
 * columns — the pipeline's facts rather than the signing's — and the same totals row (count,
 * Σ 总投资, Σ 用地需求). Exported headers are ones the import reads, so the file imports back.
 */
import type { CapitalOrigin, ProjectSource, ProjectStage, ProjectStatus } from "@/db/schema/enums";
import zhProjects from "@/lib/i18n/messages/zh-CN/projects.json";
import { stageText, type ExportColumn } from "@/lib/signed/columns";
import { streamList, type ListExportOptions, type ListSpec } from "@/lib/signed/export";
import { filterNames } from "@/lib/signed/queries";
import { filterSummary } from "@/lib/signed/summary";
import { pipelineExportStatement } from "./queries";
import type { ProjectFilters, ProjectListParams } from "./validation";

/** One row of the 在谈项目清单 (pipelineRowColumns in lib/projects/queries.ts). Amounts in 元, areas in 亩, as numeric strings. */
export type PipelineRow = {
  name: string;
  enterpriseName: string;
  headquarters: string;
  tags: string[];
  capitalOrigin: CapitalOrigin;
  totalInvestment: string;
  chainName: string | null;
  source: ProjectSource;
  stage: ProjectStage;
  status: ProjectStatus;
  isKey: boolean;
  expectedSigningDate: string | null;
  parkName: string | null;
  landNeedMu: string | null;
  ownerName: string;
  unitName: string;
  responsibleLeader: string;
  lastActivityOn: string | null;
  updatedOn: string | null;
  description: string;
};

const capitalOrigins = zhProjects.capitalOrigins as Record<CapitalOrigin, string>;
const sources = zhProjects.sources as Record<ProjectSource, string>;

/** The 在谈项目清单's columns, 当前阶段 in the district's stage names (chineseStageNames). */
export function pipelineColumns(stages?: Record<ProjectStage, string>): ExportColumn<PipelineRow>[] {
  return [
    { header: "序号", kind: "index", width: 6 },
    { header: "项目名称", kind: "text", width: 32, value: (r) => r.name },
    { header: "投资方", kind: "text", width: 30, value: (r) => r.enterpriseName },
    { header: "投资方所在地", kind: "text", width: 16, value: (r) => r.headquarters },
    { header: "企业标签", kind: "text", width: 18, value: (r) => r.tags.join("、") },
    { header: "投资方来源地", kind: "text", width: 12, value: (r) => capitalOrigins[r.capitalOrigin] },
    { header: "总投资(亿元)", kind: "amount", width: 13, value: (r) => r.totalInvestment },
    { header: "所属产业链", kind: "text", width: 20, value: (r) => r.chainName },
    { header: "项目来源", kind: "text", width: 10, value: (r) => sources[r.source] },
    { header: "当前阶段", kind: "text", width: 12, value: (r) => stageText({ ...r, pendingStages: null }, stages) },
    { header: "重点项目", kind: "text", width: 8, value: (r) => (r.isKey ? "是" : "否") },
    { header: "预计签约时间", kind: "date", width: 12, value: (r) => r.expectedSigningDate },
    { header: "意向园区", kind: "text", width: 24, value: (r) => r.parkName },
    { header: "用地需求(亩)", kind: "mu", width: 12, value: (r) => r.landNeedMu },
    { header: "招商专员", kind: "text", width: 10, value: (r) => r.ownerName },
    { header: "所属单位", kind: "text", width: 20, value: (r) => r.unitName },
    { header: "包靠领导", kind: "text", width: 16, value: (r) => r.responsibleLeader },
    { header: "最近跟进", kind: "date", width: 12, value: (r) => r.lastActivityOn },
    { header: "最近更新", kind: "date", width: 12, value: (r) => r.updatedOn },
    { header: "建设内容", kind: "text", width: 40, value: (r) => r.description },
  ];
}

export const PIPELINE_COLUMNS = pipelineColumns();

export const PIPELINE_LIST: ListSpec<PipelineRow> = { name: "在谈项目清单", ascii: "pipeline-projects", entityType: "pipeline_projects", columns: PIPELINE_COLUMNS };

export type PipelineExportParams = ProjectFilters & Pick<ProjectListParams, "sort" | "dir">;

/** The 在谈项目清单 as a stream of bytes; the audit row (entity "pipeline_projects") is written when it ends. */
export async function exportPipeline(opts: ListExportOptions & { params: PipelineExportParams }): Promise<ReadableStream<Uint8Array>> {
  const [statement, names] = await Promise.all([pipelineExportStatement(opts.db, opts.viewer, opts.params), filterNames(opts.db, opts.params)]);
  const { sort, dir, ...filter } = opts.params;
  return streamList<PipelineRow>(opts, { ...PIPELINE_LIST, columns: pipelineColumns(names.stages) }, statement, { filter, sort, dir, summary: filterSummary(opts.params, names, "全部项目") });
}

/**
 * The filter of a list or an export in one line of Chinese, for the export's title row and the
 * audit log: "签约日期 2023-04-01 至 2023-04-30；签约活动：…；阶段：签约、注册". Pure.
 */
import type { ProjectSource, ProjectStage, ProjectStatus } from "@/db/schema/enums";
import zhProjects from "@/lib/i18n/messages/zh-CN/projects.json";
import zhSigned from "@/lib/i18n/messages/zh-CN/signed.json";
import type { ReviewFilter, SignedFilters } from "./validation";

/** Names of the records a filter points at by id (missing when the id matches nothing). */
export type FilterNames = { event?: string; park?: string; chain?: string; unit?: string; owner?: string };

const stages = zhProjects.stages as Record<ProjectStage, string>;
const statuses = zhProjects.statuses as Record<ProjectStatus, string>;
const sources = zhProjects.sources as Record<ProjectSource, string>;
const review = zhSigned.signed.reviewFilters as Record<ReviewFilter, string>;

function range(label: string, from?: string, to?: string, unit = ""): string | null {
  if (from && to) return `${label} ${from}${unit} 至 ${to}${unit}`;
  if (from) return `${label} ${from}${unit} 起`;
  if (to) return `${label}截至 ${to}${unit}`;
  return null;
}

export function filterSummary(f: SignedFilters, names: FilterNames = {}): string {
  const unknown = "（已不存在）";
  const parts = [
    range("签约日期", f.signedFrom, f.signedTo),
    f.event ? `签约活动：${names.event ?? unknown}` : null,
    f.park ? `落地园区：${names.park ?? unknown}` : null,
    f.stage?.length ? `阶段：${f.stage.map((s) => stages[s]).join("、")}` : null,
    f.review ? `审核：${review[f.review]}` : null,
    f.status?.length ? `状态：${f.status.map((s) => statuses[s]).join("、")}` : null,
    f.chain ? `产业链：${names.chain ?? unknown}` : null,
    f.unit ? `单位：${names.unit ?? unknown}（含下级）` : null,
    f.owner ? `招商专员：${names.owner ?? unknown}` : null,
    f.source?.length ? `来源：${f.source.map((s) => sources[s]).join("、")}` : null,
    f.minYi && f.maxYi ? `总投资 ${f.minYi}–${f.maxYi} 亿元` : f.minYi ? `总投资不低于 ${f.minYi} 亿元` : f.maxYi ? `总投资不高于 ${f.maxYi} 亿元` : null,
    range("创建日期", f.createdFrom, f.createdTo),
    range("更新日期", f.updatedFrom, f.updatedTo),
    f.key ? "重点项目" : null,
    f.q ? `搜索“${f.q}”` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join("；") : "全部签约项目";
}

/**
 * The filter of a list or an export in one line of Chinese, for the export's title row and the
 * audit log: "签约日期 2023-04-01 至 2023-04-30；签约活动：…；阶段：签约、注册". Pure.
 */
import type { ProjectSource, ProjectStage, ProjectStatus } from "@/db/schema/enums";
import zhProjects from "@/lib/i18n/messages/zh-CN/projects.json";
import zhSigned from "@/lib/i18n/messages/zh-CN/signed.json";
import type { ActivityKind } from "@/db/schema/enums";
import type { InvestorClass } from "@/lib/projects/validation";
import type { KeptFilter, ReviewFilter, SignedFilters } from "./validation";

/** Names of the records a filter points at by id (missing when the id matches nothing). */
export type FilterNames = {
  event?: string;
  park?: string;
  chain?: string;
  unit?: string;
  owner?: string;
  /** The stages as the district names them (admin → 阶段名称); the built-in names when missing. */
  stages?: Record<ProjectStage, string>;
};

const builtInStages = zhProjects.stages as Record<ProjectStage, string>;
const statuses = zhProjects.statuses as Record<ProjectStatus, string>;
const sources = zhProjects.sources as Record<ProjectSource, string>;
const review = zhSigned.signed.reviewFilters as Record<ReviewFilter, string>;
const kinds = zhProjects.activityKinds as Record<ActivityKind, string>;
const investors: Record<InvestorClass, string> = { top500: "三个500强", central_soe: "央企", listed: "上市公司" };
const kept: Record<KeptFilter, string> = { yes: "按计划履约", pending: "待审核后履约", no: "未按计划履约" };

function range(label: string, from?: string, to?: string, unit = ""): string | null {
  if (from && to) return `${label} ${from}${unit} 至 ${to}${unit}`;
  if (from) return `${label} ${from}${unit} 起`;
  if (to) return `${label}截至 ${to}${unit}`;
  return null;
}

/** `all` is what an empty filter says (the /projects list's export passes its own). */
export function filterSummary(f: SignedFilters, names: FilterNames = {}, all = "全部签约项目"): string {
  const unknown = "（已不存在）";
  const stages = names.stages ?? builtInStages;
  const parts = [
    range("签约日期", f.signedFrom, f.signedTo),
    f.event ? `签约活动：${names.event ?? unknown}` : null,
    f.park ? `落地园区：${f.park === "none" ? "未填" : (names.park ?? unknown)}` : null,
    f.stage?.length ? `阶段：${f.stage.map((s) => stages[s]).join("、")}` : null,
    f.review ? `审核：${review[f.review]}` : null,
    f.status?.length ? `状态：${f.status.map((s) => statuses[s]).join("、")}` : null,
    f.chain ? `产业链：${f.chain === "none" ? "未填" : (names.chain ?? unknown)}` : null,
    f.unit ? `单位：${names.unit ?? unknown}${f.unitOnly ? "（不含下级）" : "（含下级）"}` : null,
    f.owner ? `招商专员：${names.owner ?? unknown}` : null,
    f.source?.length ? `来源：${f.source.map((s) => sources[s]).join("、")}` : null,
    f.minYi && f.maxYi ? `总投资 ${f.minYi}–${f.maxYi} 亿元` : f.minYi ? `总投资不低于 ${f.minYi} 亿元` : f.maxYi ? `总投资不高于 ${f.maxYi} 亿元` : null,
    range("创建日期", f.createdFrom, f.createdTo),
    range("更新日期", f.updatedFrom, f.updatedTo),
    f.key ? "重点项目" : null,
    f.investor ? `投资方：${investors[f.investor]}` : null,
    f.asOf ? `截至 ${f.asOf} 的阶段和状态` : null,
    f.reached ? `到达${stages[f.reached]}及以后${f.asOf ? `（截至 ${f.asOf}）` : ""}` : null,
    f.activity?.length || f.activityFrom || f.activityTo
      ? `${range("跟进日期", f.activityFrom, f.activityTo) ?? "有跟进记录"}${f.activity?.length ? `（${f.activity.map((k) => kinds[k]).join("、")}）` : ""}`
      : null,
    f.stalled ? `连续 ${f.stalled} 天无跟进` : null,
    f.overdue ? "有逾期待办" : null,
    f.report ? `${range(`${stages[f.report]}及以后审核通过`, f.reportFrom, f.reportTo) ?? `已审核通过${stages[f.report]}及以后`}` : null,
    f.pending ? `${stages[f.pending]}及以后待审核${f.pendingBy ? `（截至 ${f.pendingBy}）` : ""}` : null,
    f.kept ? `履约：${kept[f.kept]}${f.keptBy ? `（截至 ${f.keptBy}）` : ""}` : null,
    f.fundsTo ? `到位资金截至 ${f.fundsTo}` : null,
    f.q ? `搜索“${f.q}”` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join("；") : all;
}

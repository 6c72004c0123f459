/**
 * What an import can fill, and how a spreadsheet's headers are matched to it. Headers are
 * matched after normalising (full-width brackets and letters to half-width, spaces, "*" and
 * "：" removed, lower case), against the Chinese names field tables use — the glossary's
 * 签约项目清单 columns, so an exported list imports back — and their English names. Pure.
 */
import type { ImportKind } from "@/db/schema/enums";

export type FieldDef = {
  key: string;
  /** Header names that map to it, Chinese and English (normalised when compared). */
  labels: string[];
};

/** Investors: the enterprise form's fields. */
export const ENTERPRISE_FIELDS: FieldDef[] = [
  { key: "name", labels: ["企业名称", "企业", "投资方", "投资主体", "单位名称", "名称", "enterprise", "enterprise name", "company", "name"] },
  { key: "uscc", labels: ["统一社会信用代码", "社会信用代码", "信用代码", "uscc", "unified social credit code", "credit code"] },
  { key: "ownershipType", labels: ["企业性质", "企业类型", "所有制", "ownership", "ownership type"] },
  { key: "headquarters", labels: ["所在地", "投资方所在地", "总部所在地", "总部", "注册地", "headquarters", "location"] },
  { key: "industryCode", labels: ["行业代码", "行业", "国民经济行业分类", "industry code", "industry"] },
  { key: "tags", labels: ["企业标签", "标签", "tags"] },
  { key: "website", labels: ["网址", "官网", "网站", "website"] },
  { key: "notes", labels: ["备注", "说明", "notes", "note", "remarks"] },
];

/** Projects, their investor (matched or created), and — for signed ones — the signing facts. */
export const PROJECT_FIELDS: FieldDef[] = [
  { key: "name", labels: ["项目名称", "项目", "project", "project name", "name"] },
  { key: "enterpriseName", labels: ["投资方", "投资企业", "投资主体", "企业名称", "签约企业", "investor", "enterprise", "company"] },
  { key: "enterpriseUscc", labels: ["统一社会信用代码", "社会信用代码", "信用代码", "投资方统一社会信用代码", "uscc", "credit code"] },
  { key: "headquarters", labels: ["投资方所在地", "所在地", "企业所在地", "headquarters"] },
  { key: "tags", labels: ["企业标签", "标签", "tags"] },
  { key: "industryCode", labels: ["行业", "行业代码", "国民经济行业分类", "industry", "industry code"] },
  // 投资方来源地 is the label everywhere; files made before it say 内外资 or 资金来源.
  { key: "capitalOrigin", labels: ["投资方来源地", "来源地", "内外资", "资金来源", "内资/外资", "investor's origin", "investor origin", "capital origin", "capital"] },
  { key: "totalInvestmentYi", labels: ["总投资(亿元)", "总投资", "计划总投资(亿元)", "计划总投资", "项目总投资(亿元)", "total investment", "total investment (100m yuan)"] },
  { key: "contractInvestmentYi", labels: ["协议投资额(亿元)", "协议投资额", "签约额(亿元)", "签约额", "合同投资额(亿元)", "contract investment"] },
  { key: "phase1InvestmentYi", labels: ["一期投资(亿元)", "一期投资", "phase 1 investment", "phase1 investment"] },
  { key: "description", labels: ["建设内容", "项目内容", "项目简介", "项目概况", "description"] },
  { key: "chain", labels: ["所属产业链", "产业链", "industry chain", "chain"] },
  { key: "source", labels: ["项目来源", "来源", "招商方式", "source"] },
  { key: "signingDate", labels: ["签约时间", "签约日期", "signing date", "signed on"] },
  { key: "event", labels: ["签约活动", "签约仪式", "signing event", "event"] },
  { key: "sourceEvent", labels: ["来源活动", "线索来源活动", "来源推介会", "source event", "lead source event"] },
  { key: "agreementType", labels: ["协议类型", "agreement type", "agreement"] },
  { key: "park", labels: ["落地园区", "意向园区", "园区", "所在园区", "park"] },
  { key: "landNeedMu", labels: ["用地(亩)", "用地面积(亩)", "用地需求(亩)", "用地", "land (mu)", "land need (mu)"] },
  { key: "stage", labels: ["当前阶段", "项目阶段", "阶段", "stage"] },
  { key: "progress", labels: ["项目进展", "进展情况", "进展", "progress"] },
  { key: "issues", labels: ["存在问题", "问题", "困难问题", "issues"] },
  { key: "responsibleLeader", labels: ["包靠领导", "包联领导", "责任领导", "responsible leader"] },
  { key: "responsibleUnit", labels: ["责任单位", "responsible unit"] },
  { key: "steward", labels: ["项目服务管家", "服务管家", "steward", "service steward"] },
  { key: "owner", labels: ["招商专员", "跟踪人", "负责人", "owner"] },
  { key: "unit", labels: ["所属单位", "招商单位", "单位", "unit"] },
  { key: "isKey", labels: ["重点项目", "是否重点项目", "key project"] },
  { key: "expectedSigningDate", labels: ["预计签约时间", "预计签约日期", "expected signing date"] },
  { key: "note", labels: ["备注", "notes", "note", "remarks"] },
];

/** Columns of the 签约项目清单 that are worked out, not typed: recognised, and left out of the import. */
export const IGNORED_HEADERS = ["序号", "no", "no.", "地块/载体", "地块", "到位资金(亿元)", "到位资金", "funds in place", "最近跟进", "最近更新"];

export function fieldsOf(kind: ImportKind): FieldDef[] {
  return kind === "enterprises" ? ENTERPRISE_FIELDS : PROJECT_FIELDS;
}

export function fieldKeys(kind: ImportKind): string[] {
  return fieldsOf(kind).map((f) => f.key);
}

/** "总投资（亿元）*" → "总投资(亿元)"; "Total  Investment" → "totalinvestment". */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKC")
    .replace(/[\s*：:]/g, "")
    .toLowerCase();
}

/**
 * The field each header maps to (or "" to leave the column out), the first header winning
 * when two name the same field. Headers are keyed as they appear in the file (see uniqueHeaders).
 */
export function autoMapping(kind: ImportKind, headers: string[]): Record<string, string> {
  const byLabel = new Map<string, string>();
  for (const f of fieldsOf(kind)) for (const l of f.labels) if (!byLabel.has(normaliseHeader(l))) byLabel.set(normaliseHeader(l), f.key);
  const taken = new Set<string>();
  const mapping: Record<string, string> = {};
  for (const h of headers) {
    const key = byLabel.get(normaliseHeader(h));
    if (key && !taken.has(key)) {
      mapping[h] = key;
      taken.add(key);
    } else mapping[h] = "";
  }
  return mapping;
}

/** How many of a row's cells read as headers of this kind (to find the header row under a title). */
export function headerScore(kind: ImportKind, cells: string[]): number {
  const known = new Set([...fieldsOf(kind).flatMap((f) => f.labels), ...IGNORED_HEADERS].map(normaliseHeader));
  return cells.filter((c) => c && known.has(normaliseHeader(c))).length;
}

/**
 * Header texts made unique and non-empty, so a mapping can be keyed by them: an empty header
 * becomes "第3列", a repeated one "备注 (2)".
 */
export function uniqueHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    const base = c.trim() || `第${i + 1}列`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** Fields every row must have for the import to make sense (checked on the mapping before any row). */
export function requiredFields(kind: ImportKind): string[] {
  return kind === "enterprises" ? ["name"] : ["name", "enterpriseName", "totalInvestmentYi"];
}

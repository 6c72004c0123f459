/**
 * Reading a spreadsheet cell as a form field: dates written any of the ways field tables write
 * them, amounts with thousands separators or a unit, and choices by their Chinese label (as the
 * export writes them) or their code. Anything that cannot be read is passed on as typed, so the
 * form's own zod schema reports it. Pure.
 */
import zhEnterprises from "@/lib/i18n/messages/zh-CN/enterprises.json";
import zhLanding from "@/lib/i18n/messages/zh-CN/landing.json";
import zhProjects from "@/lib/i18n/messages/zh-CN/projects.json";
import type { ProjectStage } from "@/db/schema/enums";

export { numberText } from "./number-text";

const pad = (n: number) => String(n).padStart(2, "0");

function validDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** An Excel serial day number (1900 system) → YYYY-MM-DD. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * 2023-04-06, 2023/4/6, 2023.4.6, 2023年4月6日, 20230406, or an Excel serial number (a date cell
 * read without its format) → "2023-04-06". Anything else is returned as typed (the schema refuses it).
 */
export function dateCell(value: string): string {
  const v = value.trim();
  if (!v) return "";
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? v;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? v;
  if (/^\d{5}(\.\d+)?$/.test(v)) return excelSerialDate(Number(v)) ?? v;
  return v;
}

/** "1,234.5", "60.5亿元", " 60.50 " → "1234.5", "60.5", "60.50": the 亿元 amount as the form takes it. */
export function yiCell(value: string): string {
  return value
    .trim()
    .replace(/[,，\s]/g, "")
    .replace(/(亿元|亿)$/, "");
}

/** "12.5亩", "1,071" → "12.5", "1071". */
export function muCell(value: string): string {
  return value
    .trim()
    .replace(/[,，\s]/g, "")
    .replace(/亩$/, "");
}

/** 是/否, √/×, yes/no, true/false, 1/0 → boolean; empty → undefined; anything else is kept for the schema to refuse. */
export function booleanCell(value: string): boolean | string | undefined {
  const v = value.trim().toLowerCase();
  if (!v) return undefined;
  if (["是", "√", "✓", "yes", "y", "true", "1", "重点", "重点项目"].includes(v)) return true;
  if (["否", "×", "no", "n", "false", "0"].includes(v)) return false;
  return value;
}

/** Splits 企业标签 as written in a cell: "世界500强、上市公司" or "a, b; c". */
export function listCell(value: string): string[] {
  return value
    .split(/[、,，;；/\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function choice<T extends string>(labels: Record<T, string>, extra: Partial<Record<string, T>> = {}) {
  const byText = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    byText.set(code.toLowerCase(), code);
    byText.set(label, code);
  }
  for (const [text, code] of Object.entries(extra)) byText.set(text, code as T);
  /** The code for a label or code; the text as typed when it is neither (the schema then says what is allowed). */
  return (value: string): T | string => {
    const v = value.trim();
    return byText.get(v) ?? byText.get(v.toLowerCase()) ?? v;
  };
}

export const capitalOriginCell = choice(zhProjects.capitalOrigins, { 内资: "local", 外资: "foreign", 港澳: "hk_macao_taiwan", 台资: "hk_macao_taiwan", 国外: "foreign" });
export const sourceCell = choice(zhProjects.sources, { 中介: "intermediary", 网络: "online", 上门: "walk_in" });
export const agreementTypeCell = choice(zhLanding.agreementTypes, { 框架: "framework", 投资: "investment", 合同: "formal_contract", 正式协议: "formal_contract" });
export const ownershipTypeCell = choice(zhEnterprises.ownershipTypes, { 中央企业: "central_soe", 国有企业: "local_soe", 地方国企: "local_soe", 民营企业: "private", 民营: "private", 外资企业: "foreign", 港澳台资: "hk_macao_taiwan" });

const STAGE_LABELS = zhProjects.stages as Record<ProjectStage, string>;
const STAGE_BY_TEXT = new Map<string, ProjectStage>([
  ...(Object.entries(STAGE_LABELS) as [ProjectStage, string][]).flatMap(([code, label]) => [
    [label, code] as [string, ProjectStage],
    [code, code] as [string, ProjectStage],
  ]),
  ["洽谈", "negotiating"],
  ["框架协议", "intent"],
  ["落户", "registered"],
  ["拿地", "land_secured"],
  ["运营", "operating"],
]);

/**
 * 当前阶段 as the 签约项目清单 writes it — "签约", "供地·搁置", "注册（开工审核中）" — → the stage it
 * names first (the district's stage names before the built-in ones); null when it names none.
 */
export function stageCell(value: string, district?: Record<ProjectStage, string>): ProjectStage | null {
  const v = value.trim();
  if (!v) return null;
  const head = v.split(/[·・（(\s]/)[0]!;
  // The district's own names first (admin → 阶段名称: what its exports write), then the built-in ones.
  const own = district ? (Object.keys(district) as ProjectStage[]).find((s) => district[s] === head) : undefined;
  return own ?? STAGE_BY_TEXT.get(head) ?? STAGE_BY_TEXT.get(head.toLowerCase()) ?? null;
}

/** The 合计 row an exported list ends with: not a project. */
export function isTotalsRow(values: Record<string, string>): boolean {
  return /^合计/.test(values.name ?? "") && !values.enterpriseName;
}

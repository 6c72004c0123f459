/**
 * The 签约项目清单 as managers send it upward (glossary): its 27 columns in order, and how
 * one project becomes one row of cells. Pure: the .xlsx and .csv writers and the tests share it.
 * Exports are in Chinese whatever the UI language: they are the government's table.
 */
import type { AgreementType, CapitalOrigin, ProjectStage, ProjectStatus } from "@/db/schema/enums";
import zhProjects from "@/lib/i18n/messages/zh-CN/projects.json";
import zhLanding from "@/lib/i18n/messages/zh-CN/landing.json";

/** What one exported project carries (a row of lib/signed/queries.ts). Amounts in 元, areas in 亩, as numeric strings. */
export type ExportRow = {
  name: string;
  enterpriseName: string;
  headquarters: string;
  tags: string[];
  capitalOrigin: CapitalOrigin;
  totalInvestment: string;
  contractInvestment: string;
  phase1Investment: string | null;
  description: string;
  chainName: string | null;
  industryCode: string;
  signingDate: string;
  eventName: string | null;
  agreementType: AgreementType;
  parkName: string | null;
  parcelCodes: string | null;
  landMu: string | null;
  stage: ProjectStage;
  status: ProjectStatus;
  /** Stages whose report waits for review (审核中), in order. */
  pendingStages: ProjectStage[] | null;
  progress: string;
  issues: string;
  responsibleLeader: string;
  responsibleUnitName: string | null;
  stewardName: string | null;
  ownerName: string;
  fundsInPlace: string;
  note: string;
};

/** index: 序号; amount: 元 shown as 亿元; mu: 亩; date: YYYY-MM-DD; text: anything else. */
export type CellKind = "index" | "text" | "amount" | "mu" | "date";
export type Cell = { kind: CellKind; value: string | number | null };

export type ExportColumn<R = ExportRow> = {
  header: string;
  kind: CellKind;
  /** Excel column width, in characters of the default font (a Chinese character takes about 2). */
  width: number;
  value?: (r: R) => string | null;
};

const L = {
  stages: zhProjects.stages as Record<ProjectStage, string>,
  statuses: zhProjects.statuses as Record<ProjectStatus, string>,
  capitalOrigins: zhProjects.capitalOrigins as Record<CapitalOrigin, string>,
  agreementTypes: zhLanding.agreementTypes as Record<AgreementType, string>,
};

/**
 * 当前阶段 as the list shows it: the approved stage, the status when the project is not
 * moving, and any report waiting for review beside it ("供地（开工审核中）").
 */
export function stageText(r: Pick<ExportRow, "stage" | "status" | "pendingStages">, stages: Record<ProjectStage, string> = L.stages): string {
  let s = stages[r.stage];
  if (r.status !== "active") s += `·${L.statuses[r.status]}`;
  if (r.pendingStages?.length) s += `（${r.pendingStages.map((p) => stages[p]).join("、")}审核中）`;
  return s;
}

/** The columns with 当前阶段 in the district's stage names (lib/reference/stage-labels.ts chineseStageNames). */
export function signedColumns(stages: Record<ProjectStage, string> = L.stages): ExportColumn[] {
  return [
    { header: "序号", kind: "index", width: 6 },
    { header: "项目名称", kind: "text", width: 32, value: (r) => r.name },
    { header: "投资方", kind: "text", width: 30, value: (r) => r.enterpriseName },
    { header: "投资方所在地", kind: "text", width: 16, value: (r) => r.headquarters },
    { header: "企业标签", kind: "text", width: 18, value: (r) => r.tags.join("、") },
    { header: "投资方来源地", kind: "text", width: 12, value: (r) => L.capitalOrigins[r.capitalOrigin] },
    { header: "总投资(亿元)", kind: "amount", width: 13, value: (r) => r.totalInvestment },
    { header: "协议投资额(亿元)", kind: "amount", width: 17, value: (r) => r.contractInvestment },
    { header: "一期投资(亿元)", kind: "amount", width: 15, value: (r) => r.phase1Investment },
    { header: "建设内容", kind: "text", width: 40, value: (r) => r.description },
    { header: "所属产业链", kind: "text", width: 20, value: (r) => r.chainName },
    { header: "行业", kind: "text", width: 8, value: (r) => r.industryCode },
    { header: "签约时间", kind: "date", width: 12, value: (r) => r.signingDate },
    { header: "签约活动", kind: "text", width: 36, value: (r) => r.eventName },
    { header: "协议类型", kind: "text", width: 10, value: (r) => L.agreementTypes[r.agreementType] },
    { header: "落地园区", kind: "text", width: 24, value: (r) => r.parkName },
    { header: "地块/载体", kind: "text", width: 16, value: (r) => r.parcelCodes },
    { header: "用地(亩)", kind: "mu", width: 10, value: (r) => r.landMu },
    { header: "当前阶段", kind: "text", width: 16, value: (r) => stageText(r, stages) },
    { header: "项目进展", kind: "text", width: 40, value: (r) => r.progress },
    { header: "存在问题", kind: "text", width: 30, value: (r) => r.issues },
    { header: "包靠领导", kind: "text", width: 24, value: (r) => r.responsibleLeader },
    { header: "责任单位", kind: "text", width: 20, value: (r) => r.responsibleUnitName },
    { header: "项目服务管家", kind: "text", width: 13, value: (r) => r.stewardName },
    { header: "招商专员", kind: "text", width: 10, value: (r) => r.ownerName },
    { header: "到位资金(亿元)", kind: "amount", width: 15, value: (r) => r.fundsInPlace },
    { header: "备注", kind: "text", width: 30, value: (r) => r.note },
  ];
}

/** The columns under the built-in stage names (the headers are the same whatever the names). */
export const EXPORT_COLUMNS: ExportColumn[] = signedColumns();

/** One record as a row of typed cells under `columns`; `index` is its 序号 (from 1). */
export function cellsOf<R>(columns: ExportColumn<R>[], r: R, index: number): Cell[] {
  return columns.map((c) => ({ kind: c.kind, value: c.kind === "index" ? index : (c.value!(r) ?? null) }));
}

/** One project as a row of the 签约项目清单. */
export function exportCells(r: ExportRow, index: number): Cell[] {
  return cellsOf(EXPORT_COLUMNS, r, index);
}

/** A decimal string written with at least 2 decimals and no trailing zeros beyond: "60.5000" → "60.50". */
function tidy(sign: string, whole: string, frac: string): string {
  let end = frac.length;
  while (end > 2 && frac.charCodeAt(end - 1) === 48) end--;
  return `${sign}${whole.replace(/^0+(?=\d)/, "") || "0"}.${frac.slice(0, end).padEnd(2, "0")}`;
}

/**
 * 元 → 亿元, exact, by moving the decimal point (no arithmetic, so nothing is lost and it is
 * cheap for 100,000 rows): "6050000000" → "60.50", "1512340000.37" → "15.1234000037".
 */
export function yiExact(yuan: string): string {
  const s = yuan.trim();
  const sign = s.startsWith("-") ? "-" : "";
  const [whole = "", frac = ""] = (sign ? s.slice(1) : s).split(".");
  const padded = whole.padStart(9, "0");
  return tidy(sign, padded.slice(0, -8), padded.slice(-8) + frac);
}

/** An area in 亩 (up to 6 decimals), written with at least 2 decimals and no trailing zeros beyond. */
export function muExact(mu: string): string {
  const s = mu.trim();
  const sign = s.startsWith("-") ? "-" : "";
  const [whole = "", frac = ""] = (sign ? s.slice(1) : s).split(".");
  return tidy(sign, whole, frac);
}

const SCALE = { amount: 2, mu: 6 } as const;

/** The digits of a decimal scaled to an integer: "12.5" at scale 2 → "1250" (sign apart). */
function scaledDigits(value: string, scale: number): { negative: boolean; digits: string } {
  const s = value.trim();
  const negative = s.startsWith("-");
  const [whole = "", frac = ""] = (negative ? s.slice(1) : s).split(".");
  return { negative, digits: (whole + frac.padEnd(scale, "0").slice(0, scale)).replace(/^0+(?=\d)/, "") || "0" };
}

const SAFE_DIGITS = 15; // below 2^53: a Number holds any integer of up to 15 digits exactly
const FLUSH_AT = 2 ** 52;

function unscaled(n: bigint, scale: number): string {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const base = 10n ** BigInt(scale);
  return `${negative ? "-" : ""}${abs / base}.${(abs % base).toString().padStart(scale, "0")}`;
}

/**
 * The totals row, summed exactly as the rows are written: the count, and Σ of every amount
 * and area column (元 and 亩 as decimal strings, like the database's own sums).
 */
export class ExportTotals<R = ExportRow> {
  count = 0;
  private sums: (bigint | null)[];
  // Integers gathered as Numbers while they are exact, moved into the BigInt sums before they could stop being so.
  private fast: number[];
  private readonly summed: { i: number; value: (r: R) => string | null; scale: number }[];

  constructor(private readonly columns: ExportColumn<R>[] = EXPORT_COLUMNS as unknown as ExportColumn<R>[]) {
    this.sums = columns.map((c) => (c.kind === "amount" || c.kind === "mu" ? 0n : null));
    this.fast = columns.map(() => 0);
    this.summed = columns.flatMap((c, i) => (c.kind === "amount" || c.kind === "mu" ? [{ i, value: c.value!, scale: SCALE[c.kind] }] : []));
  }

  add(r: R): void {
    this.count++;
    for (const { i, value, scale } of this.summed) {
      const v = value(r);
      if (v === null || v === "") continue;
      const { negative, digits } = scaledDigits(v, scale);
      if (digits.length > SAFE_DIGITS) {
        this.sums[i] = this.sums[i]! + (negative ? -BigInt(digits) : BigInt(digits));
        continue;
      }
      const next = this.fast[i]! + (negative ? -Number(digits) : Number(digits));
      if (Math.abs(next) >= FLUSH_AT) {
        this.sums[i] = this.sums[i]! + BigInt(next);
        this.fast[i] = 0;
      } else this.fast[i] = next;
    }
  }

  private total(i: number): bigint {
    return this.sums[i]! + BigInt(this.fast[i]!);
  }

  /** Σ of the column with this header, as a decimal string (元 or 亩). */
  sum(header: string): string {
    const i = this.columns.findIndex((c) => c.header === header);
    const c = this.columns[i];
    if (!c || (c.kind !== "amount" && c.kind !== "mu")) throw new Error(`no sum for column ${header}`);
    return unscaled(this.total(i), SCALE[c.kind]);
  }

  /** The totals row: "合计（N 个项目）" under 项目名称, the sums under theirs. */
  cells(): Cell[] {
    return this.columns.map((c, i) => {
      if (c.header === "项目名称") return { kind: "text", value: `合计（${this.count} 个项目）` };
      if (c.kind === "amount" || c.kind === "mu") return { kind: c.kind, value: unscaled(this.total(i), SCALE[c.kind]) };
      return { kind: "text", value: null };
    });
  }
}

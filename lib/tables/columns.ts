import { z } from "zod";

/**
 * The wide lists whose columns a user may choose. The first key is the row's name: it never
 * hides and stays put while the table scrolls sideways. `defaults` is the set that fits a
 * 1440 px screen; the rest are a column chooser away.
 */
export const TABLES = {
  signed: {
    keys: ["name", "enterprise", "signingDate", "event", "agreementType", "park", "totalInvestment", "contractInvestment", "phase1Investment", "landMu", "fundsInPlace", "stage", "steward", "owner"],
    defaults: ["name", "signingDate", "park", "totalInvestment", "contractInvestment", "phase1Investment", "landMu", "fundsInPlace", "stage", "owner"],
  },
  projects: {
    keys: ["name", "enterprise", "stage", "totalInvestment", "chain", "owner", "unit", "source", "updatedAt"],
    defaults: ["name", "enterprise", "stage", "totalInvestment", "owner", "unit", "updatedAt"],
  },
} as const satisfies Record<string, { keys: readonly string[]; defaults: readonly string[] }>;

export type TableKey = keyof typeof TABLES;
export const TABLE_KEYS = Object.keys(TABLES) as TableKey[];

/**
 * The columns to show: the stored choice (unknown keys dropped, the name column always kept,
 * in the table's own order) or the defaults when nothing usable is stored.
 */
export function shownColumns(table: TableKey, stored: readonly string[] | null | undefined): string[] {
  const { keys, defaults } = TABLES[table];
  const chosen = new Set(stored ?? []);
  const kept = keys.filter((k) => chosen.has(k));
  if (kept.length === 0) return [...defaults];
  return keys.filter((k, i) => i === 0 || chosen.has(k));
}

export const tableColumnsSchema = z
  .object({
    table: z.enum(TABLE_KEYS as [TableKey, ...TableKey[]]),
    columns: z.array(z.string().max(40)).max(40),
  })
  .superRefine((v, ctx) => {
    const known: readonly string[] = TABLES[v.table].keys;
    if (v.columns.some((c) => !known.includes(c))) ctx.addIssue({ code: "custom", path: ["columns"], message: "errors.invalidValue" });
  });

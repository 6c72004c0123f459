import type { z } from "zod";
import type { Tx } from "@/db/client";
import type { RowChange } from "./changes";
import type { ImportContext } from "./context";

/** One problem with one row: the spreadsheet's row number, the column (as headed in the file), an i18n key. */
export type RowIssue = { row: number; column: string | null; message: string; value?: string; params?: Record<string, string | number> };

/** A data row: its number in the file, its cells by field, and which header each field came from. */
export type RowInput = { number: number; values: Record<string, string>; columns: Record<string, string> };

export type Counts = {
  created: number;
  updated: number;
  unchanged: number;
  enterprisesCreated: number;
  enterprisesUpdated: number;
};

/** A batch of rows checked: per row its errors (none: the row will be written) and warnings. */
export type BatchPlan = {
  errors: Map<number, RowIssue[]>;
  warnings: RowIssue[];
  /** What the batch's valid rows would do: create, update (unchanged rows are counted in Counts). */
  planned: { creates: number; updates: number; enterpriseCreates: number };
  /** Each row the batch would create or update, field by field (before → after), in file order: exactly what `write` writes. */
  changes: RowChange[];
  /** Writes the valid rows of the batch (commit only); each change is recorded for revert. */
  write: (tx: Tx, importId: string) => Promise<void>;
};

export type ImportHandler = {
  plan: (tx: Tx, rows: RowInput[], commit: boolean) => Promise<BatchPlan>;
  counts: Counts;
};

export type HandlerFactory = (ctx: ImportContext) => ImportHandler;

/** The zod issues of a row's form schema as row issues, each on the column its field came from. */
export function issuesOf(row: RowInput, error: z.ZodError, fieldOf: (path: string) => string = (p) => p): RowIssue[] {
  return error.issues.map((issue) => {
    const field = fieldOf(String(issue.path[0] ?? ""));
    return { row: row.number, column: row.columns[field] ?? null, message: issue.message, value: row.values[field] };
  });
}

export function issue(row: RowInput, field: string | null, message: string, params?: RowIssue["params"]): RowIssue {
  return { row: row.number, column: field ? (row.columns[field] ?? null) : null, message, value: field ? row.values[field] : undefined, params };
}

/**
 * Imports (数据导入): a spreadsheet of enterprises or projects, read row by row as it comes in
 * (lib/imports/read.ts: spooled to disk, read in a worker thread within the import limits).
 *
 * - inspectSheet: the header row (found under a title row, as the 签约项目清单 export has one),
 *   the mapping worked out from the headers, and a few rows to show beside it.
 * - runImport, mode "dry": every row is checked — the forms' zod schemas, the same scope rules,
 *   the references — in a read-only transaction; nothing is written. The report names each bad
 *   row and column.
 * - runImport, mode "commit": the same checks, and the valid rows written in ONE transaction.
 *   With any invalid row the whole import is refused and nothing is written — unless the user
 *   chose to leave the invalid rows out (skipInvalid), then every valid row lands and the
 *   invalid ones are counted as skipped. The import is recorded (who, file, counts, every record
 *   it created or changed with what it was before) and an admin can revert it.
 *
 * Rows are handled 1,000 at a time (one lookup of investors and projects per batch, multi-row
 * inserts), so 100,000 rows import in bounded memory: only the file's keys (for duplicates
 * within it) grow with its length.
 */
import type { Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { imports } from "@/db/schema";
import type { ImportKind } from "@/db/schema/enums";
import { writeAudit } from "@/lib/audit";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { AppError, isUniqueViolation, ValidationError } from "@/lib/errors";
import { importContext } from "./context";
import { enterpriseImport } from "./enterprises";
import { autoMapping, fieldKeys, headerScore, requiredFields, uniqueHeaders } from "./fields";
import { projectImport } from "./projects";
import { formatOf, isBlank, readSheet, type SheetRow } from "./read";
import type { RowChange } from "./changes";
import type { RowInput, RowIssue } from "./types";
import type { ImportMode, Mapping } from "./validation";
import { isTotalsRow } from "./values";

const BATCH = 1000;
/** Rows looked at for the header (a title and notes may stand above it). */
const HEADER_SEARCH = 10;
/** Errors and warnings the report lists (all are counted; the .xlsx error report has every one). */
export const MAX_LISTED_ERRORS = 200;
const MAX_LISTED_WARNINGS = 50;
/** Rows the report lists with their changes (every one is counted; created + updated says how many there are). */
export const MAX_LISTED_CHANGES = 1000;

/** The whole import is refused (any invalid row, not skipped): nothing is written. */
class Refused extends Error {}

export type ImportProgress = { rows: number; bytes: number };

export type ImportReport = {
  kind: ImportKind;
  fileName: string;
  mode: ImportMode;
  headers: string[];
  mapping: Mapping;
  /** Data rows read (blank rows and an export's 合计 row are not counted). */
  totalRows: number;
  validRows: number;
  invalidRows: number;
  /** What the valid rows do (would do, in a dry run). */
  created: number;
  updated: number;
  unchanged: number;
  enterprisesCreated: number;
  errorCount: number;
  errors: RowIssue[];
  warnings: RowIssue[];
  /** The rows the import creates or updates (would, in a dry run), each changed field before → after; the first MAX_LISTED_CHANGES. */
  changes: RowChange[];
  committed: boolean;
  importId: string | null;
};

type Source = { input: Readable; fileName: string };

function formatFor(fileName: string) {
  const format = formatOf(fileName);
  if (!format) throw new ValidationError({ file: ["imports.errors.format"] }, "imports.errors.format");
  return format;
}

/** Reads up to the header row; the rows after it are read on from `rest`. */
async function readHeader(rows: AsyncGenerator<SheetRow>, kind: ImportKind) {
  const seen: SheetRow[] = [];
  for (;;) {
    if (seen.length >= HEADER_SEARCH) break;
    const next = await rows.next();
    if (next.done) break;
    if (!isBlank(next.value)) seen.push(next.value);
  }
  if (!seen.length) throw new ValidationError({ file: ["imports.errors.empty"] }, "imports.errors.empty");
  let best = 0;
  for (let i = 1; i < seen.length; i++) if (headerScore(kind, seen[i]!.cells) > headerScore(kind, seen[best]!.cells)) best = i;
  const header = seen[best]!;
  return { header, headers: uniqueHeaders(header.cells), pending: seen.slice(best + 1) };
}

/** The mapping as sent (or worked out), checked: known fields, each once, the required ones there. */
export function checkMapping(kind: ImportKind, headers: string[], mapping: Mapping): Mapping {
  const keys = new Set(fieldKeys(kind));
  const used = new Map<string, string>();
  const fields: Record<string, string[]> = {};
  const clean: Mapping = {};
  for (const h of headers) {
    const field = mapping[h] ?? "";
    clean[h] = field;
    if (!field) continue;
    if (!keys.has(field)) fields[h] = ["imports.errors.unknownField"];
    else if (used.has(field)) fields[h] = ["imports.errors.fieldTwice"];
    else used.set(field, h);
  }
  const missing = requiredFields(kind).filter((f) => !used.has(f));
  if (missing.length) fields._missing = missing;
  if (Object.keys(fields).length) throw new ValidationError(fields, "imports.errors.mapping");
  return clean;
}

/** The header, the suggested mapping and the first rows, for the mapping step. */
export async function inspectSheet(viewer: Viewer, kind: ImportKind, source: Source) {
  assertRole(viewer, "manager");
  const rows = readSheet(source.input, formatFor(source.fileName));
  try {
    const { header, headers, pending } = await readHeader(rows, kind);
    const samples: string[][] = pending.slice(0, 3).map((r) => headers.map((_, i) => r.cells[i] ?? ""));
    while (samples.length < 3) {
      const next = await rows.next();
      if (next.done) break;
      if (!isBlank(next.value)) samples.push(headers.map((_, i) => next.value.cells[i] ?? ""));
    }
    return { headerRow: header.number, headers, mapping: autoMapping(kind, headers), samples };
  } finally {
    // The rest of the upload is not needed.
    await rows.return(undefined);
    source.input.resume();
  }
}

export type RunOptions = Source & {
  kind: ImportKind;
  mode: ImportMode;
  mapping: Mapping | null;
  skipInvalid?: boolean;
  ip?: string | null;
  onProgress?: (p: ImportProgress) => void;
  /** Each data row with its issues, in file order (for the error report). */
  onRow?: (row: SheetRow, issues: RowIssue[]) => void | Promise<void>;
  /** Receives the header row before the data rows (for the error report). */
  onHeader?: (row: SheetRow, headers: string[]) => void | Promise<void>;
};

export async function runImport(db: Db, viewer: Viewer, opts: RunOptions): Promise<ImportReport> {
  assertRole(viewer, "manager");
  const progress: ImportProgress = { rows: 0, bytes: 0 };
  const rows = readSheet(opts.input, formatFor(opts.fileName), (bytes) => (progress.bytes = bytes));
  try {
    return await importRows(db, viewer, opts, rows, progress);
  } finally {
    // However it ends (a bad mapping after the header, a database error): the reader's worker
    // and temporary file go now.
    await rows.return(undefined);
  }
}

async function importRows(db: Db, viewer: Viewer, opts: RunOptions, rows: AsyncGenerator<SheetRow>, progress: ImportProgress): Promise<ImportReport> {
  const { header, headers, pending } = await readHeader(rows, opts.kind);
  const mapping = checkMapping(opts.kind, headers, opts.mapping ?? autoMapping(opts.kind, headers));
  await opts.onHeader?.(header, headers);
  const columnFields = headers.map((h) => mapping[h] ?? "");

  const report: ImportReport = {
    kind: opts.kind,
    fileName: opts.fileName,
    mode: opts.mode,
    headers,
    mapping,
    totalRows: 0,
    validRows: 0,
    invalidRows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    enterprisesCreated: 0,
    errorCount: 0,
    errors: [],
    warnings: [],
    changes: [],
    committed: false,
    importId: null,
  };
  const commit = opts.mode === "commit";

  const toInput = (row: SheetRow): RowInput => {
    const values: Record<string, string> = {};
    const columns: Record<string, string> = {};
    columnFields.forEach((field, i) => {
      if (!field) return;
      values[field] = row.cells[i] ?? "";
      columns[field] = headers[i]!;
    });
    return { number: row.number, values, columns };
  };

  async function work(tx: Tx) {
    const handler = (opts.kind === "projects" ? projectImport : enterpriseImport)(await importContext(tx, viewer));
    let importId: string | null = null;
    if (commit) {
      // One import at a time: two imports of the same file must not both create its records.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('crm:import'))`);
      const [row] = await tx.insert(imports).values({ kind: opts.kind, fileName: opts.fileName, mapping, createdById: viewer.id }).returning({ id: imports.id });
      importId = row!.id;
    }
    let refused = false;
    let batch: { sheet: SheetRow; input: RowInput }[] = [];

    const flush = async () => {
      if (!batch.length) return;
      const plan = await handler.plan(
        tx,
        batch.map((b) => b.input),
        commit,
      );
      for (const { sheet } of batch) {
        const issues = plan.errors.get(sheet.number) ?? [];
        if (issues.length) {
          report.invalidRows++;
          report.errorCount += issues.length;
          for (const i of issues) if (report.errors.length < MAX_LISTED_ERRORS) report.errors.push(i);
        } else report.validRows++;
        await opts.onRow?.(sheet, issues);
      }
      for (const c of plan.changes) if (report.changes.length < MAX_LISTED_CHANGES) report.changes.push(c);
      for (const w of plan.warnings) if (report.warnings.length < MAX_LISTED_WARNINGS) report.warnings.push(w);
      report.created += plan.planned.creates;
      report.updated += plan.planned.updates;
      report.enterprisesCreated += plan.planned.enterpriseCreates;
      if (plan.errors.size && !opts.skipInvalid) refused = true;
      if (commit && !refused) await plan.write(tx, importId!);
      batch = [];
      opts.onProgress?.(progress);
    };

    const take = async (sheet: SheetRow) => {
      if (isBlank(sheet)) return;
      const input = toInput(sheet);
      if (isTotalsRow(input.values)) return;
      report.totalRows++;
      progress.rows++;
      batch.push({ sheet, input });
      if (batch.length >= BATCH) await flush();
    };
    for (const sheet of pending) await take(sheet);
    for await (const sheet of rows) await take(sheet);
    await flush();
    report.unchanged = handler.counts.unchanged;

    if (!commit) return;
    const counts = handler.counts;
    // Nothing to write (every row invalid, or already as in the file): no import is recorded.
    if (refused || counts.created + counts.updated + counts.enterprisesCreated === 0) throw new Refused();
    await tx
      .update(imports)
      .set({ totalRows: report.totalRows, created: counts.created, updated: counts.updated })
      .where(eq(imports.id, importId!));
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "import",
      entityType: "import",
      entityId: importId,
      after: {
        kind: opts.kind,
        fileName: opts.fileName,
        totalRows: report.totalRows,
        created: counts.created,
        updated: counts.updated,
        unchanged: counts.unchanged,
        skipped: report.invalidRows,
        enterprisesCreated: counts.enterprisesCreated,
      },
      ip: opts.ip,
    });
    report.committed = true;
    report.importId = importId;
  }

  try {
    if (commit) await db.transaction(work);
    else await db.transaction(work, { isolationLevel: "repeatable read", accessMode: "read only" });
  } catch (e) {
    if (e instanceof Refused) return report;
    // Someone registered the same investor meanwhile: nothing was written; the next try sees it.
    if (isUniqueViolation(e, "enterprises_uscc_idx")) throw new AppError(409, "import_conflict", "imports.errors.conflict");
    throw e;
  }
  return report;
}

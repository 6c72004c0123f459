/**
 * What an uploaded spreadsheet may be, checked while it is read (lib/imports/sheet-source.ts, in a
 * worker thread: lib/imports/read.ts), so a hostile file is refused early instead of filling the
 * server's memory: the upload's size, what its zip parts expand to (in all, and as a ratio to
 * their compressed size), the shared strings (count and characters), rows, columns, and the
 * characters of a cell and of a row. Each can be set by an environment variable (README,
 * Configuration). Pure: no server-only imports, so the worker can load it.
 */

export type ImportLimits = {
  /** The uploaded file, in bytes (IMPORT_MAX_BYTES). */
  maxBytes: number;
  /** An .xlsx's parts once inflated, all together, in bytes (IMPORT_MAX_UNZIPPED_BYTES). */
  maxUnzippedBytes: number;
  /** Inflated ÷ compressed, per part (IMPORT_MAX_RATIO); real .xlsx files compress 5–20×, zip bombs 100× and more. */
  maxRatio: number;
  /** Distinct texts in an .xlsx's shared-string table (IMPORT_MAX_SHARED_STRINGS). */
  maxSharedStrings: number;
  /** Characters of the shared-string table in all. */
  maxSharedChars: number;
  /** Rows with content (IMPORT_MAX_ROWS). */
  maxRows: number;
  /** The last column with content (IMPORT_MAX_COLUMNS). */
  maxColumns: number;
  /** Characters in one cell (IMPORT_MAX_CELL_CHARS; 32,767 is Excel's own limit). */
  maxCellChars: number;
  /** Characters in one row, all its cells together: twice maxCellChars, 65,536 at least. */
  maxRowChars: number;
  /** Parts (files) in an .xlsx's zip. */
  maxEntries: number;
  /** The reading worker's V8 heap, in MB (IMPORT_WORKER_MEMORY_MB). */
  workerMemoryMb: number;
  /** Imports (inspect, dry run, commit, error report) running at once in this instance (IMPORT_CONCURRENCY). */
  concurrency: number;
};

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: ImportLimits = {
  maxBytes: 50 * MB,
  maxUnzippedBytes: 512 * MB,
  maxRatio: 100,
  maxSharedStrings: 1_000_000,
  maxSharedChars: 32_000_000,
  maxRows: 200_000,
  maxColumns: 500,
  maxCellChars: 32_767,
  maxRowChars: 65_536,
  maxEntries: 10_000,
  workerMemoryMb: 192,
  concurrency: 2,
};

/** The environment variable of each configurable limit. */
export const LIMIT_ENV: Partial<Record<keyof ImportLimits, string>> = {
  maxBytes: "IMPORT_MAX_BYTES",
  maxUnzippedBytes: "IMPORT_MAX_UNZIPPED_BYTES",
  maxRatio: "IMPORT_MAX_RATIO",
  maxSharedStrings: "IMPORT_MAX_SHARED_STRINGS",
  maxRows: "IMPORT_MAX_ROWS",
  maxColumns: "IMPORT_MAX_COLUMNS",
  maxCellChars: "IMPORT_MAX_CELL_CHARS",
  workerMemoryMb: "IMPORT_WORKER_MEMORY_MB",
  concurrency: "IMPORT_CONCURRENCY",
};

const SUFFIX: Record<string, number> = { "": 1, k: 1024, m: MB, g: 1024 * MB };

/** "52428800", "50M", "512 MB", "1_000_000" → a positive whole number; anything else → null. */
export function parseLimit(text: string | undefined): number | null {
  const m = /^\s*(\d[\d_]*)\s*([kmg]?)i?b?\s*$/i.exec(text ?? "");
  if (!m) return null;
  const n = Number(m[1]!.replaceAll("_", "")) * SUFFIX[m[2]!.toLowerCase()]!;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** The limits in force: the defaults, each overridden by its environment variable when that is set and valid. Read at every call. */
export function importLimits(env: Record<string, string | undefined> = process.env): ImportLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, name] of Object.entries(LIMIT_ENV) as [keyof ImportLimits, string][]) {
    const value = parseLimit(env[name]);
    if (value !== null) limits[key] = value;
  }
  // A row holds two cells of the largest size, and 65,536 characters at least.
  limits.maxRowChars = Math.max(DEFAULT_LIMITS.maxRowChars, 2 * limits.maxCellChars);
  return limits;
}

/** The limit a file went over, as the reader reports it (and the worker posts it). */
export type LimitName =
  | "bytes"
  | "unzipped"
  | "ratio"
  | "sharedStrings"
  | "sharedChars"
  | "sharedCell"
  | "rows"
  | "columns"
  | "cell"
  | "rowChars"
  | "entries";

/** Which ImportLimits field each limit is. */
export const LIMIT_FIELD: Record<LimitName, keyof ImportLimits> = {
  bytes: "maxBytes",
  unzipped: "maxUnzippedBytes",
  ratio: "maxRatio",
  sharedStrings: "maxSharedStrings",
  sharedChars: "maxSharedChars",
  sharedCell: "maxCellChars",
  rows: "maxRows",
  columns: "maxColumns",
  cell: "maxCellChars",
  rowChars: "maxRowChars",
  entries: "maxEntries",
};

/** Thrown by the reader: the file went over a limit (`row`: where, when known). */
export class SheetLimitError extends Error {
  constructor(
    readonly limit: LimitName,
    readonly max: number,
    readonly row?: number,
  ) {
    super(`import limit ${limit} (${max}) exceeded${row ? ` at row ${row}` : ""}`);
    this.name = "SheetLimitError";
  }
}

/** Thrown by the reader: not a spreadsheet it can read (not a zip, no worksheet, broken XML). */
export class SheetUnreadableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "SheetUnreadableError";
  }
}

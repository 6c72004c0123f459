/**
 * An upload refused before or while it is read — over a limit, unreadable, its reader stopped,
 * or too many imports at once — as an AppError whose message names the limit with its value
 * (`values` fill the message's {placeholders}: lib/imports/http.ts translates them). The API
 * answers it as 413 (the file or what it expands to is too large), 422 (its content goes over a
 * limit or cannot be read) or 429 (busy, with Retry-After); never a 5xx.
 */
import { AppError } from "@/lib/errors";
import { LIMIT_ENV, LIMIT_FIELD, type ImportLimits, type LimitName } from "./limits";

export type RefusedLimit = { name: LimitName; max: number; env?: string; row?: number };

export class ImportRefusedError extends AppError {
  constructor(
    status: number,
    code: string,
    message: string,
    values: Record<string, string | number> = {},
    readonly limit?: RefusedLimit,
    readonly retryAfter?: number,
  ) {
    super(status, code, message, { file: [message] }, values);
  }
}

const MB = 1024 * 1024;
const count = (n: number) => n.toLocaleString("en-US");
/** 52428800 → "50 MB"; 1536 → "1.5 KB". */
export function bytesText(n: number): string {
  if (n >= MB) return `${Number((n / MB).toFixed(1))} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${n} B`;
}

const MESSAGES: Record<LimitName, { status: number; key: string; text: (max: number) => string }> = {
  bytes: { status: 413, key: "imports.errors.tooLarge", text: bytesText },
  unzipped: { status: 413, key: "imports.errors.unzippedTooLarge", text: bytesText },
  ratio: { status: 422, key: "imports.errors.ratioTooHigh", text: count },
  sharedStrings: { status: 422, key: "imports.errors.tooManySharedStrings", text: count },
  sharedChars: { status: 422, key: "imports.errors.sharedTextTooLong", text: count },
  sharedCell: { status: 422, key: "imports.errors.cellTooLong", text: count },
  rows: { status: 422, key: "imports.errors.tooManyRows", text: count },
  columns: { status: 422, key: "imports.errors.tooManyColumns", text: count },
  cell: { status: 422, key: "imports.errors.cellTooLongAt", text: count },
  rowChars: { status: 422, key: "imports.errors.rowTooLong", text: count },
  entries: { status: 422, key: "imports.errors.tooManyParts", text: count },
};

/** The file went over `name` (at `row`, when known). */
export function limitRefusal(name: LimitName, max: number, row?: number): ImportRefusedError {
  const m = MESSAGES[name];
  // A cell's row is not known inside the shared strings: the message without it.
  const key = name === "cell" && !row ? MESSAGES.sharedCell.key : m.key;
  return new ImportRefusedError(m.status, m.status === 413 ? "import_too_large" : "import_limit", key, { limit: m.text(max), row: row ?? "" }, { name, max, env: LIMIT_ENV[LIMIT_FIELD[name]], ...(row ? { row } : {}) });
}

export const unreadable = () => new ImportRefusedError(422, "import_unreadable", "imports.errors.unreadable");

/** The reading worker ran out of its memory (or died otherwise) on this file. */
export const readerStopped = (limits: ImportLimits) => new ImportRefusedError(422, "import_unreadable", "imports.errors.crashed", { limit: `${limits.workerMemoryMb} MB` });

export const busyUser = () => new ImportRefusedError(429, "import_busy", "imports.errors.busyUser", {}, undefined, 5);
export const busyServer = () => new ImportRefusedError(429, "import_busy", "imports.errors.busyServer", {}, undefined, 15);

/**
 * Reads an uploaded .xlsx or .csv as it arrives, row by row, in bounded memory: exceljs's
 * streaming WorkbookReader (first worksheet; a sheet stored before its shared strings waits in a
 * temporary file, not in memory) or the streaming CSV reader. Cells come out as trimmed text:
 * numbers exactly, date cells as YYYY-MM-DD.
 */
import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import { CsvDecoder, CsvParser } from "./csv";
import { numberText } from "./values";

export const IMPORT_FORMATS = ["xlsx", "csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type SheetRow = { number: number; cells: string[] };

/** .xlsx or .csv from the file's name; null for anything else. */
export function formatOf(fileName: string): ImportFormat | null {
  const ext = fileName.toLowerCase().split(".").pop();
  return ext === "xlsx" ? "xlsx" : ext === "csv" ? "csv" : null;
}

/** A cell as text. exceljs gives date cells as UTC midnights, formulas with their result, rich text in runs. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("").trim();
    if ("formula" in value || "sharedFormula" in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("text" in value) return String((value as ExcelJS.CellHyperlinkValue).text).trim();
    if ("error" in value) return "";
  }
  return String(value).trim();
}

/** Counts the bytes read from `input` (for progress), passing them on unchanged. */
function counted(input: Readable, onBytes: (total: number) => void): Readable {
  let total = 0;
  const through = new PassThrough();
  input.on("data", (chunk: Buffer) => {
    total += chunk.length;
    onBytes(total);
  });
  input.on("error", (e) => through.destroy(e));
  input.pipe(through);
  return through;
}

async function* xlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    // Styles tell date cells from numbers; hyperlinks and entries are not needed.
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      yield { number: row.number, cells };
    }
    // The first worksheet only; the rest of the file is drained so the upload completes.
    break;
  }
  input.resume();
}

async function* csvRows(input: Readable): AsyncGenerator<SheetRow> {
  const decoder = new CsvDecoder();
  const parser = new CsvParser();
  let n = 0;
  for await (const chunk of input) {
    for (const cells of parser.push(decoder.decode(chunk as Uint8Array))) yield { number: ++n, cells: cells.map((c) => c.trim()) };
  }
  for (const cells of [...parser.push(decoder.end()), ...parser.end()]) yield { number: ++n, cells: cells.map((c) => c.trim()) };
}

/** The rows of the file, in order, with their row numbers as a spreadsheet shows them. */
export function readSheet(input: Readable, format: ImportFormat, onBytes: (total: number) => void = () => {}): AsyncGenerator<SheetRow> {
  const source = counted(input, onBytes);
  return format === "xlsx" ? xlsxRows(source) : csvRows(source);
}

export const isBlank = (row: SheetRow) => row.cells.every((c) => c === "");

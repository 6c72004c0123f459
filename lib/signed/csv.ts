/**
 * CSV as RFC 4180 writes it (CRLF line ends, fields with a comma, quote or line break in
 * double quotes, quotes doubled), UTF-8 with a byte-order mark so Excel reads the Chinese.
 */
import { EXPORT_COLUMNS, muExact, yiExact, type Cell, type ExportColumn } from "./columns";

export const CSV_BOM = "\uFEFF";

/**
 * Text that a spreadsheet would take for a formula (=, +, -, @, or a tab or CR first) gets a
 * leading apostrophe, so a project named "=HYPERLINK(…)" stays text (OWASP's CSV injection advice).
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(fields: string[]): string {
  return fields.map(csvField).join(",") + "\r\n";
}

/** One cell as CSV text: amounts in 亿元 and areas in 亩 exactly (at least 2 decimals), dates YYYY-MM-DD. */
export function csvCell(cell: Cell): string {
  if (cell.value === null || cell.value === "") return "";
  switch (cell.kind) {
    case "index":
      return String(cell.value);
    case "amount":
      return yiExact(String(cell.value));
    case "mu":
      return muExact(String(cell.value));
    case "date":
      return String(cell.value);
    case "text":
      return neutralizeFormula(String(cell.value));
  }
}

export const csvHeader = <R>(columns: ExportColumn<R>[]) => csvLine(columns.map((c) => c.header));
export const CSV_HEADER = csvHeader(EXPORT_COLUMNS);

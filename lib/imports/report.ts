/**
 * The error report: the uploaded file checked again (a dry run) and written back as .xlsx, every
 * row as it was with a first column 错误说明 saying what is wrong with it, bad rows marked. The
 * user fixes the rows in it and imports it again (the 错误说明 column is not imported). Streamed
 * as the upload is read, so a 100,000-row file never sits in memory.
 */
import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Db } from "@/db/client";
import type { ImportKind } from "@/db/schema/enums";
import type { Viewer } from "@/lib/auth/roles";
import { MESSAGES } from "@/lib/i18n/messages";
import { runImport } from "./service";
import type { RowIssue } from "./types";
import type { Mapping } from "./validation";

export const REPORT_COLUMN = "错误说明";
/** Compressed output that may wait for the client before more rows are read. */
const MAX_PENDING = 8 * 1024 * 1024;

/** An i18n key in Chinese (reports go to government offices in Chinese, like the exports), with {params} filled in. */
export function zhText(key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = MESSAGES["zh-CN"];
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  const text = typeof node === "string" ? node : key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function issueText(issues: RowIssue[]): string {
  return issues.map((i) => (i.column ? `${i.column}：` : "") + zhText(i.message, { value: i.value ?? "", ...i.params })).join("；");
}

const BAD = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFEE2E2" } } as const;

export type ErrorReport = { stream: ReadableStream<Uint8Array>; done: Promise<void> };

/**
 * Starts the report; resolves once the file's header has been read and checked (so a bad
 * mapping or file is an ordinary error response), with the .xlsx as a stream.
 */
export async function errorReport(db: Db, viewer: Viewer, opts: { kind: ImportKind; fileName: string; input: Readable; mapping: Mapping | null }): Promise<ErrorReport> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("错误报告", { views: [{ state: "frozen", ySplit: 1 }] });
  let headerSeen!: () => void;
  const header = new Promise<void>((resolve) => (headerSeen = resolve));
  let rows = 0;

  const done = runImport(db, viewer, {
    ...opts,
    mode: "dry",
    onHeader: (_row, headers) => {
      sheet.columns = [{ width: 40 }, ...headers.map((h) => ({ width: Math.min(40, Math.max(10, h.length * 2 + 2)) }))];
      const row = sheet.addRow([REPORT_COLUMN, ...headers]);
      row.font = { bold: true };
      row.commit();
      headerSeen();
    },
    onRow: async (sheetRow, issues) => {
      const row = sheet.addRow([issues.length ? issueText(issues) : "", ...sheetRow.cells]);
      if (issues.length) {
        row.getCell(1).fill = BAD;
        row.getCell(1).font = { color: { argb: "FFB91C1C" } };
      }
      row.commit();
      // Wait for a slow client rather than hold the file in memory.
      if (++rows % 500 === 0) while (out.readableLength > MAX_PENDING && !out.destroyed) await new Promise((r) => setTimeout(r, 5));
    },
  }).then(async () => {
    await workbook.commit();
  });

  // A failure before the header (a file that is not a spreadsheet, a bad mapping) is the caller's to report.
  await Promise.race([header, done]);
  done.catch((e: unknown) => {
    console.error("[import report] failed:", e);
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      out.on("data", (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk));
        if ((controller.desiredSize ?? 1) <= 0) out.pause();
      });
      out.on("end", () => controller.close());
      out.on("error", (e) => controller.error(e));
    },
    pull() {
      out.resume();
    },
    cancel() {
      out.destroy();
    },
  });
  return { stream, done: done.then(() => undefined) };
}

/**
 * The lists' exports (.xlsx and .csv) — the 签约项目清单 here, the 在谈项目清单 in
 * lib/projects/export.ts — streamed: rows come from a database cursor in batches on one
 * dedicated connection and go straight into the response, read only as fast as the client takes
 * them, so 100,000 rows never sit in memory. A list gives its name, columns and statement
 * (ListSpec) and streamList does the rest. The route handler and the benchmark both call
 * exportSignedProjects.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import pg from "pg";
import Cursor from "pg-cursor";
import type { Db } from "@/db/client";
import { writeAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/roles";
import { formatDateTime, todayInChina } from "@/lib/i18n/format";
import { cellsOf, EXPORT_COLUMNS, ExportTotals, signedColumns, yiExact, type Cell, type ExportColumn, type ExportRow } from "./columns";
import { CSV_BOM, csvCell, csvHeader, csvLine } from "./csv";
import { filterNames, signedExportStatement } from "./queries";
import { filterSummary } from "./summary";
import type { SignedExportParams } from "./validation";

export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/** Rows per cursor read. */
const BATCH = 1000;
/** The sheet's XML (about 1.2 MB a batch) that may wait for compression before the next batch is written. */
const MAX_PENDING_XML = 4 * 1024 * 1024;

export type ExportResult = { rows: number; completed: boolean };

/** What every list's export takes. */
export type ListExportOptions = {
  /** The app's pool: the cursor gets a connection of its own, released on finish, error and abort. */
  pool: pg.Pool;
  /** For the statement and the audit row (on the same pool). */
  db: Db;
  viewer: Viewer;
  format: ExportFormat;
  ip?: string | null;
  now?: Date;
  /** Called once the export has ended (finished, failed or cancelled), after its audit row. */
  onEnd?: (result: ExportResult) => void;
};

export type ExportOptions = ListExportOptions & { params: SignedExportParams };

/** A list as a file: its name (the sheet's, the title's and the file's), an ASCII file name, the audit entity, its columns. */
export type ListSpec<R> = { name: string; ascii: string; entityType: string; columns: ExportColumn<R>[] };

export const SIGNED_LIST: ListSpec<ExportRow> = { name: "签约项目清单", ascii: "signed-projects", entityType: "signed_projects", columns: EXPORT_COLUMNS };

/** 签约项目清单-20260315.xlsx: the Chinese name (for filename*) and an ASCII fallback. */
export function exportFilename(format: ExportFormat, now = new Date(), list: Pick<ListSpec<unknown>, "name" | "ascii"> = SIGNED_LIST) {
  const day = todayInChina(now).replaceAll("-", "");
  return { name: `${list.name}-${day}.${format}`, ascii: `${list.ascii}-${day}.${format}` };
}

/** Content-Disposition with the RFC 5987 filename* for the Chinese name. */
export function contentDisposition(format: ExportFormat, now = new Date(), list: Pick<ListSpec<unknown>, "name" | "ascii"> = SIGNED_LIST): string {
  const { name, ascii } = exportFilename(format, now, list);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

// Dates and times as the database writes them (like Drizzle), numeric as exact strings.
const RAW = new Set([pg.types.builtins.DATE, pg.types.builtins.TIMESTAMP, pg.types.builtins.TIMESTAMPTZ, pg.types.builtins.INTERVAL, pg.types.builtins.NUMERIC]);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    RAW.has(oid) ? (v: string) => v : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

type Source<R> = { read(): Promise<R[]>; close(error?: unknown): Promise<void> };
export type Statement = { text: string; values: unknown[]; fields: string[] };

/**
 * A cursor over the statement on a connection of its own; close() is safe at any time and more
 * than once. The next batch is fetched while the current one is written (the database and the
 * writer work side by side), so at most two batches are held.
 */
async function openCursor<R>(pool: pg.Pool, statement: Statement): Promise<Source<R>> {
  const client = await pool.connect();
  const cursor = client.query(new Cursor(statement.text, statement.values, { rowMode: "array", types }));
  let next: Promise<unknown[][]> | null = null;
  let reading: Promise<unknown> = Promise.resolve();
  let closed = false;
  const { fields } = statement;
  const fetch = () => {
    next = cursor.read(BATCH) as Promise<unknown[][]>;
    reading = next.catch(() => {});
    return next;
  };
  return {
    async read() {
      if (closed) return [];
      const rows = await (next ?? fetch());
      if (rows.length === BATCH && !closed) fetch();
      else next = Promise.resolve([]);
      return rows.map((a) => {
        const row: Record<string, unknown> = {};
        for (let i = 0; i < fields.length; i++) row[fields[i]!] = a[i];
        return row as R;
      });
    },
    async close(error) {
      if (closed) return;
      closed = true;
      await reading; // never close under a read in flight
      let broken = error;
      await cursor.close().catch((e: unknown) => void (broken ??= e));
      // A connection that failed mid-statement is discarded rather than handed to the next request.
      client.release(broken instanceof Error ? broken : broken ? new Error(String(broken)) : undefined);
    },
  };
}

/** The title row: the list's name, the viewer's unit, the filter in words and the time. */
export function titleOf(list: Pick<ListSpec<unknown>, "name">, viewer: Pick<Viewer, "unitName">, summary: string, now: Date) {
  return `${list.name}　${viewer.unitName}　筛选条件：${summary}　生成时间：${formatDateTime(now)}`;
}

type Writer = {
  /** The next bytes of the file, or null at its end. */
  next(): Promise<Uint8Array | null>;
  abort(): void;
};

function csvWriter<R>(source: Source<R>, totals: ExportTotals<R>, columns: ExportColumn<R>[]): Writer {
  const encoder = new TextEncoder();
  let started = false;
  let done = false;
  return {
    async next() {
      if (done) return null;
      const rows = await source.read();
      let text = started ? "" : CSV_BOM + csvHeader(columns);
      started = true;
      if (!rows.length) {
        // The same totals row as the .xlsx ends with.
        done = true;
        return encoder.encode(text + csvLine(totals.cells().map(csvCell)));
      }
      for (const r of rows) {
        totals.add(r);
        text += csvLine(cellsOf(columns, r, totals.count).map(csvCell));
      }
      return encoder.encode(text);
    },
    abort() {
      done = true;
    },
  };
}

const thin = { style: "thin", color: { argb: "FF94A3B8" } } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
/**
 * One style object per kind of cell, shared by every cell of that kind: exceljs remembers a
 * style object's id, where a fresh object per cell (its default) is worked out again each time.
 */
const STYLES: Record<Cell["kind"], Partial<ExcelJS.Style>> = {
  index: {},
  text: {},
  // At least 2 decimals, and every one there is: a sheet saved again as CSV "as shown" (LibreOffice's
  // default) keeps the exact amount, so it imports back unchanged.
  amount: { numFmt: "0.00########" },
  mu: { numFmt: "0.00####" },
  date: { numFmt: "yyyy-mm-dd" },
};
const TOTAL_STYLES = Object.fromEntries(Object.entries(STYLES).map(([k, v]) => [k, { ...v, font: { bold: true }, border: BORDER }])) as typeof STYLES;

/** A row of cells, committed: values as Excel stores them, each cell with its kind's shared style. */
function writeRow(sheet: ExcelJS.Worksheet, cells: Cell[], styles = STYLES) {
  const row = sheet.addRow(cells.map(xlsxValue));
  for (let i = 0; i < cells.length; i++) row.getCell(i + 1).style = styles[cells[i]!.kind];
  row.commit();
}

/** A cell's value as Excel stores it: numbers as numbers (亿元, 亩), dates as dates. */
function xlsxValue(cell: Cell): string | number | Date | null {
  if (cell.value === null || cell.value === "") return null;
  switch (cell.kind) {
    case "amount":
      return Number(yiExact(String(cell.value)));
    case "mu":
      return Number(cell.value);
    case "date": {
      const [y, m, d] = String(cell.value).split("-").map(Number);
      return new Date(Date.UTC(y!, m! - 1, d!));
    }
    default:
      return cell.value;
  }
}

function xlsxWriter<R>(source: Source<R>, totals: ExportTotals<R>, list: ListSpec<R>, title: string, now: Date): Writer {
  const columns = list.columns;
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "招商 CRM";
  workbook.created = now;
  const sheet = workbook.addWorksheet(list.name, {
    views: [{ state: "frozen", xSplit: 2, ySplit: 2 }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));

  const titleRow = sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, columns.length);
  titleRow.height = 36;
  titleRow.getCell(1).font = { bold: true, size: 13 };
  titleRow.getCell(1).alignment = { vertical: "middle", wrapText: true };
  titleRow.commit();
  const header = sheet.addRow(columns.map((c) => c.header));
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    cell.border = BORDER;
  });
  header.commit();

  // The zip's output is collected as it comes (compressed, so small); the next batch of rows is
  // read only when all of it has been handed on and the sheet's XML has gone into the deflate
  // stream: at most about one batch is in memory at a time, whatever the client's speed.
  const queue: Buffer[] = [];
  let failure: unknown = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const poke = () => {
    wake?.();
    wake = null;
  };
  out.on("data", (chunk: Buffer) => {
    queue.push(chunk);
    poke();
  });
  out.on("end", () => {
    ended = true;
    poke();
  });
  const fail = (e: unknown) => {
    failure ??= e;
    poke();
  };
  out.on("error", fail);
  const until = () => new Promise<void>((resolve) => (wake = resolve));
  // exceljs hands the sheet's XML to the zip through a stream it writes without waiting. A few
  // batches may queue there, so compression (on libuv's threads) runs while the next rows are
  // written; beyond that, the next batch waits.
  const sheetXml = (sheet as unknown as { stream: { pipes: (NodeJS.WritableStream & { writableLength?: number })[] } }).stream;
  const settle = async () => {
    for (;;) {
      if (failure) throw failure;
      const pending = sheetXml.pipes[0]?.writableLength ?? 0;
      if (pending <= MAX_PENDING_XML) return;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
  let rowsDone = false;
  let aborted = false;

  return {
    async next() {
      for (;;) {
        if (failure) throw failure;
        if (aborted) return null;
        if (queue.length) return queue.length === 1 ? queue.shift()! : Buffer.concat(queue.splice(0));
        if (ended) return null;
        if (rowsDone) {
          await until();
          continue;
        }
        const rows = await source.read();
        if (!rows.length) {
          rowsDone = true;
          writeRow(sheet, totals.cells(), TOTAL_STYLES);
          workbook.commit().catch(fail);
          continue;
        }
        for (const r of rows) {
          totals.add(r);
          writeRow(sheet, cellsOf(columns, r, totals.count));
        }
        await settle();
      }
    },
    abort() {
      aborted = true;
      out.destroy();
      poke();
    },
  };
}

/** The 签约项目清单 as a stream of bytes (see streamList). */
export async function exportSignedProjects(opts: ExportOptions): Promise<ReadableStream<Uint8Array>> {
  const [statement, names] = await Promise.all([signedExportStatement(opts.db, opts.viewer, opts.params), filterNames(opts.db, opts.params)]);
  const { sort, dir, ...filter } = opts.params;
  return streamList(opts, { ...SIGNED_LIST, columns: signedColumns(names.stages) }, statement, { filter, sort, dir, summary: filterSummary(opts.params, names) });
}

/**
 * A list's export as a stream of bytes. The statement runs on a connection of its own, released
 * when the stream ends, fails or is cancelled (the client went away); the audit row (action
 * "export", the list's entity, with the filter, its summary and the row count) is written then.
 */
export async function streamList<R>(
  opts: ListExportOptions,
  list: ListSpec<R>,
  statement: Statement,
  described: { filter: Record<string, unknown>; sort: string; dir: string; summary: string },
): Promise<ReadableStream<Uint8Array>> {
  const now = opts.now ?? new Date();
  const { summary } = described;
  const title = titleOf(list, opts.viewer, summary, now);
  const source = await openCursor<R>(opts.pool, statement);
  const totals = new ExportTotals<R>(list.columns);
  let writer: Writer;
  try {
    writer = opts.format === "xlsx" ? xlsxWriter(source, totals, list, title, now) : csvWriter(source, totals, list.columns);
  } catch (e) {
    await source.close(e);
    throw e;
  }

  let ended: Promise<void> | null = null;
  const end = (completed: boolean, error?: unknown) =>
    (ended ??= (async () => {
      if (!completed) writer.abort();
      await source.close(error);
      try {
        await writeAudit(opts.db, {
          actorId: opts.viewer.id,
          action: "export",
          entityType: list.entityType,
          after: { format: opts.format, ...described, rowCount: totals.count, completed },
          ip: opts.ip,
        });
      } catch (e) {
        console.error("[export] audit row not written:", e);
      }
      opts.onEnd?.({ rows: totals.count, completed });
    })());

  // Set when the client went away: a read still in flight then ends quietly.
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const chunk = await writer.next();
          if (cancelled) return;
          if (chunk) controller.enqueue(chunk);
          else {
            await end(true);
            controller.close();
          }
        } catch (e) {
          if (cancelled) return;
          console.error("[export] failed:", e);
          await end(false, e);
          // The response breaks off instead of ending as if complete.
          controller.error(e);
        }
      },
      async cancel() {
        cancelled = true;
        await end(false);
      },
    },
    // Nothing is made before the client asks for it (the cursor already reads one batch ahead).
    { highWaterMark: 0 },
  );
}

/**
 * Reads an uploaded .xlsx or .csv row by row without letting the file reach the server's memory:
 *
 * 1. The upload is written to a temporary file as it arrives, refused (413) past maxBytes — an
 *    .xlsx is a zip, whose directory is at its end, so it is read from disk with random access.
 * 2. A worker thread with its own heap limit (./sheet-worker.mjs, resourceLimits) reads the file
 *    with ./sheet-source.ts, checking every limit of ./limits.ts as it goes, and hands the rows
 *    over in batches, one batch ahead of the service. A file over a limit is refused with a
 *    message naming it (ImportRefusedError, 413/422); if the worker still runs out of memory it
 *    is that thread that stops, and the import is refused (422), the server unharmed.
 * 3. The temporary file is deleted and the worker ended when the rows are done, or when the
 *    caller stops early (the generator's return) or fails.
 *
 * Cells come out as trimmed text: numbers exactly, date cells as YYYY-MM-DD.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { importLimits, type ImportLimits, type LimitName } from "./limits";
import { busyServer, limitRefusal, readerStopped, unreadable } from "./refusal";
import type { SheetRow } from "./sheet-source";

export type { SheetRow } from "./sheet-source";

export const IMPORT_FORMATS = ["xlsx", "csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** .xlsx or .csv from the file's name; null for anything else. */
export function formatOf(fileName: string): ImportFormat | null {
  const ext = fileName.toLowerCase().split(".").pop();
  return ext === "xlsx" ? "xlsx" : ext === "csv" ? "csv" : null;
}

/**
 * The worker's file, by its path in the project's folder (where `next start`, the tests and the
 * scripts run): loaded by Node as it is, not bundled — Turbopack is told to leave the path and
 * the Worker alone (it would otherwise try to bundle the worker, and trace the whole project).
 */
const workerFile = () => path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "imports", "sheet-worker.mjs");

/** Writes the upload to `file`, refusing it once it passes `max` bytes; its size. */
async function spool(input: Readable, file: string, max: number): Promise<number> {
  const out = createWriteStream(file);
  let size = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > max) throw limitRefusal("bytes", max);
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    return size;
  } catch (e) {
    out.destroy();
    input.destroy();
    throw e;
  }
}

type WorkerMessage =
  | { type: "ready" }
  | { type: "rows"; rows: SheetRow[]; bytes: number; done: boolean }
  | { type: "limit"; limit: LimitName; max: number; row?: number }
  | { type: "unreadable"; reason: string }
  | { type: "failed"; message: string }
  | { type: "died"; error: Error | null; code: number };

/** Readers running in this process (each has its worker thread and heap). */
let readers = 0;

async function* inWorker(file: string, format: ImportFormat, limits: ImportLimits, onBytes: (bytes: number) => void): AsyncGenerator<SheetRow> {
  // A second line of defence behind the route's import slots (lib/imports/guard.ts): never more
  // worker heaps than the instance allows, whoever calls.
  if (readers >= limits.concurrency) throw busyServer();
  readers++;
  const worker = new Worker(/* turbopackIgnore: true */ workerFile(), {
    workerData: { file, format, limits },
    resourceLimits: { maxOldGenerationSizeMb: limits.workerMemoryMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    stdout: false,
    stderr: false,
  });
  const inbox: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  const deliver = (m: WorkerMessage) => {
    inbox.push(m);
    wake?.();
  };
  let ended = false;
  worker.on("message", (m: WorkerMessage) => deliver(m));
  worker.on("error", (error) => deliver({ type: "died", error, code: 1 }));
  worker.on("exit", (code) => {
    ended = true;
    deliver({ type: "died", error: null, code });
  });
  const next = async (): Promise<WorkerMessage> => {
    while (!inbox.length) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    return inbox.shift()!;
  };
  let ready = false;
  try {
    worker.postMessage("more");
    for (;;) {
      const m = await next();
      switch (m.type) {
        case "ready":
          ready = true;
          break;
        case "rows":
          onBytes(m.bytes);
          if (!m.done) worker.postMessage("more");
          for (const row of m.rows) yield row;
          if (m.done) return;
          break;
        case "limit":
          throw limitRefusal(m.limit, m.max, m.row);
        case "unreadable":
          throw unreadable();
        case "failed":
          // A bug of the reader on this file, not the file's fault alone: logged, and the file refused.
          console.error("[import] the reader failed:", m.message);
          throw unreadable();
        case "died":
          // Not even started: the server's own problem (the worker file or tsx missing), a 500.
          if (!ready) throw new Error(`the import reader did not start: ${m.error?.message ?? `exit code ${m.code}`}`);
          console.error("[import] the reader stopped:", m.error?.message ?? `exit code ${m.code}`);
          throw readerStopped(limits);
      }
    }
  } finally {
    readers--;
    if (!ended) await worker.terminate();
  }
}

/** The rows of the file, in order, with their row numbers as a spreadsheet shows them. */
export async function* readSheet(input: Readable, format: ImportFormat, onBytes: (total: number) => void = () => {}): AsyncGenerator<SheetRow> {
  const limits = importLimits();
  const dir = await mkdtemp(path.join(os.tmpdir(), "crm-import-"));
  try {
    const file = path.join(dir, `upload.${format}`);
    await spool(input, file, limits.maxBytes);
    yield* inWorker(file, format, limits, onBytes);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const isBlank = (row: SheetRow) => row.cells.every((c) => c === "");

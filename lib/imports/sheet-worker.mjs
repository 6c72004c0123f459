/**
 * The import's reading worker: a worker thread with a heap of its own (lib/imports/read.ts starts
 * it with resourceLimits), so a file that still manages to use too much memory ends this thread,
 * not the server. It reads the spooled upload with lib/imports/sheet-source.ts (TypeScript, loaded
 * through tsx: the same code under `next start`, the tests and the scripts) and posts the rows in
 * batches, each when the server asks for more, so at most a batch waits between the two threads.
 *
 * Plain .mjs, loaded by its path from the project's folder: it is not bundled.
 */
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

/** A batch is posted at this many rows or characters, whichever comes first. */
const BATCH_ROWS = 500;
const BATCH_CHARS = 1 << 20;

const port = parentPort;
let credit = 0;
let wake = null;
port.on("message", (message) => {
  if (message === "more") {
    credit++;
    wake?.();
  }
});
async function asked() {
  while (credit === 0) await new Promise((resolve) => (wake = resolve));
  wake = null;
  credit--;
}

const { sheetRows } = await tsImport("./sheet-source.ts", import.meta.url);
port.postMessage({ type: "ready" });

const { file, format, limits } = workerData;
let bytes = 0;
try {
  let rows = [];
  let chars = 0;
  for await (const row of sheetRows(file, format, limits, (b) => (bytes = b))) {
    rows.push(row);
    for (const c of row.cells) chars += c.length;
    if (rows.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
      await asked();
      port.postMessage({ type: "rows", rows, bytes, done: false });
      rows = [];
      chars = 0;
    }
  }
  await asked();
  port.postMessage({ type: "rows", rows, bytes, done: true });
} catch (e) {
  // By name: the classes loaded here may be other instances than the reader's.
  if (e?.name === "SheetLimitError") port.postMessage({ type: "limit", limit: e.limit, max: e.max, row: e.row });
  else if (e?.name === "SheetUnreadableError") port.postMessage({ type: "unreadable", reason: e.message });
  else port.postMessage({ type: "failed", message: String(e?.stack ?? e) });
}
port.close();

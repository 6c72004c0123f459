import { getDb } from "@/db";
import { ctxOf, queryOf } from "@/lib/api-v1/http";
import { requireApiViewer } from "@/lib/auth/api-viewer";
import { AppError } from "@/lib/errors";
import { takeImportSlot, withImportSlot } from "@/lib/imports/guard";
import { importRoute, refusalBody, uploadOf, withText } from "@/lib/imports/http";
import { ImportRefusedError } from "@/lib/imports/refusal";
import { runImport, type ImportReport, type RunOptions } from "@/lib/imports/service";
import { importRequestSchema } from "@/lib/imports/validation";

async function body(report: ImportReport) {
  return { ...report, errors: await withText(report.errors), warnings: await withText(report.warnings) };
}

/**
 * POST /api/v1/imports?kind=projects|enterprises&mode=dry|commit&fileName=…[&mapping=<JSON>][&skipInvalid=1],
 * the .xlsx or .csv as the body (managers and admins). Answers the import report as JSON; with
 * `progress=1`, as NDJSON lines — {"type":"progress","rows","bytes"} while it reads, then
 * {"type":"report",…} or {"type":"error","error":{…}} — so the page can show progress. The NDJSON
 * answer starts once the header row has been read and the mapping checked: a file refused
 * before that (too large, over a limit, unreadable, a bad mapping) is an ordinary 4xx JSON
 * error; one over a limit further down (too many rows) ends the lines with the error.
 */
export const POST = importRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request, "manager");
  const params = queryOf(request, importRequestSchema);
  const options: RunOptions = { ...params, input: uploadOf(request), ...ctxOf(request) };
  if (new URL(request.url).searchParams.get("progress") !== "1") {
    const report = await withImportSlot(getDb(), viewer, () => runImport(getDb(), viewer, options));
    return Response.json({ data: await body(report) });
  }
  const slot = await takeImportSlot(getDb(), viewer);
  const encoder = new TextEncoder();
  let send!: (line: unknown) => void;
  let close!: () => void;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      send = (line) => controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
      close = () => controller.close();
    },
  });
  let headerRead!: () => void;
  const header = new Promise<void>((resolve) => (headerRead = resolve));
  let last = 0;
  const done = runImport(getDb(), viewer, {
    ...options,
    onHeader: () => headerRead(),
    onProgress: (p) => {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      send({ type: "progress", ...p });
    },
  });
  try {
    await Promise.race([header, done]);
  } catch (e) {
    await slot.release();
    throw e;
  }
  void done.then(
    async (report) => {
      // The slot is free before the last line reaches the page, which may send the next request at once.
      const released = slot.release();
      send({ type: "report", ...(await body(report)) });
      close();
      await released;
    },
    async (e: unknown) => {
      const released = slot.release();
      // The same shape as any API error; the page shows it next to the file or the mapping.
      if (e instanceof ImportRefusedError) send({ type: "error", error: await refusalBody(e) });
      else {
        if (!(e instanceof AppError)) console.error("[import]", e);
        const { code, message, fields } = e instanceof AppError ? e : { code: "server_error", message: "errors.server", fields: undefined };
        send({ type: "error", error: { code, message, fields } });
      }
      close();
      await released;
    },
  );
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
});

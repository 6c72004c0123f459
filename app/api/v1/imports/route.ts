import { getDb } from "@/db";
import { apiRoute } from "@/lib/api";
import { ctxOf, queryOf } from "@/lib/api-v1/http";
import { requireApiViewer } from "@/lib/auth/api-viewer";
import { AppError } from "@/lib/errors";
import { uploadOf, withText } from "@/lib/imports/http";
import { runImport, type ImportReport, type RunOptions } from "@/lib/imports/service";
import { importRequestSchema } from "@/lib/imports/validation";

async function body(report: ImportReport) {
  return { ...report, errors: await withText(report.errors), warnings: await withText(report.warnings) };
}

/**
 * POST /api/v1/imports?kind=projects|enterprises&mode=dry|commit&fileName=…[&mapping=<JSON>][&skipInvalid=1],
 * the .xlsx or .csv as the body (managers and admins). Answers the import report as JSON; with
 * `progress=1`, as NDJSON lines — {"type":"progress","rows","bytes"} while it reads, then
 * {"type":"report",…} or {"type":"error","error":{…}} — so the page can show progress.
 */
export const POST = apiRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request, "manager");
  const params = queryOf(request, importRequestSchema);
  const options: RunOptions = { ...params, input: uploadOf(request), ...ctxOf(request) };
  if (new URL(request.url).searchParams.get("progress") !== "1") {
    return Response.json({ data: await body(await runImport(getDb(), viewer, options)) });
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
      let last = 0;
      try {
        const report = await runImport(getDb(), viewer, {
          ...options,
          onProgress: (p) => {
            const now = Date.now();
            if (now - last < 200) return;
            last = now;
            send({ type: "progress", ...p });
          },
        });
        send({ type: "report", ...(await body(report)) });
      } catch (e) {
        // The same shape as any API error; the page shows it next to the file or the mapping.
        if (!(e instanceof AppError)) console.error("[import]", e);
        const { code, message, fields } = e instanceof AppError ? e : { code: "server_error", message: "errors.server", fields: undefined };
        send({ type: "error", error: { code, message, fields } });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
});

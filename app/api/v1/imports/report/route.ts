import { getDb } from "@/db";
import { queryOf } from "@/lib/api-v1/http";
import { requireApiViewer } from "@/lib/auth/api-viewer";
import { takeImportSlot } from "@/lib/imports/guard";
import { importRoute, uploadOf } from "@/lib/imports/http";
import { errorReport } from "@/lib/imports/report";
import { importRequestSchema } from "@/lib/imports/validation";

/** POST /api/v1/imports/report?kind&fileName[&mapping], the file as the body: the file back as .xlsx with a 错误说明 column. */
export const POST = importRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request, "manager");
  const { kind, fileName, mapping } = queryOf(request, importRequestSchema);
  const input = uploadOf(request);
  // The slot is held while the report is written, which goes on after this answer starts.
  const slot = await takeImportSlot(getDb(), viewer);
  let stream: ReadableStream<Uint8Array>;
  try {
    const report = await errorReport(getDb(), viewer, { kind, fileName, mapping, input });
    stream = report.stream;
    void report.done.then(slot.release, slot.release);
  } catch (e) {
    await slot.release();
    throw e;
  }
  const base = fileName.replace(/\.(xlsx|csv)$/i, "");
  const name = `${base}-错误报告.xlsx`;
  return new Response(stream, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="import-errors.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

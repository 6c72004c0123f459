import { getDb } from "@/db";
import { queryOf } from "@/lib/api-v1/http";
import { requireApiViewer } from "@/lib/auth/api-viewer";
import { withImportSlot } from "@/lib/imports/guard";
import { importRoute, uploadOf } from "@/lib/imports/http";
import { listMappings } from "@/lib/imports/mappings";
import { inspectSheet } from "@/lib/imports/service";
import { importRequestSchema } from "@/lib/imports/validation";

/**
 * POST /api/v1/imports/inspect?kind=projects&fileName=清单.xlsx, the file as the body: its header
 * row, the mapping worked out from it, a few rows to show, and the saved mappings of this kind.
 * A file over a limit is a 413/422 naming it; a second import of the same user at once, a 429.
 */
export const POST = importRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request, "manager");
  const { kind, fileName } = queryOf(request, importRequestSchema);
  const input = uploadOf(request);
  const seen = await withImportSlot(getDb(), viewer, () => inspectSheet(viewer, kind, { input, fileName }));
  return Response.json({ data: { ...seen, saved: await listMappings(getDb(), kind) } });
});

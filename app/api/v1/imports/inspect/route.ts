import { getDb } from "@/db";
import { apiRoute } from "@/lib/api";
import { queryOf } from "@/lib/api-v1/http";
import { requireApiViewer } from "@/lib/auth/api-viewer";
import { uploadOf } from "@/lib/imports/http";
import { listMappings } from "@/lib/imports/mappings";
import { inspectSheet } from "@/lib/imports/service";
import { importRequestSchema } from "@/lib/imports/validation";

/**
 * POST /api/v1/imports/inspect?kind=projects&fileName=清单.xlsx, the file as the body: its header
 * row, the mapping worked out from it, a few rows to show, and the saved mappings of this kind.
 */
export const POST = apiRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request, "manager");
  const { kind, fileName } = queryOf(request, importRequestSchema);
  const seen = await inspectSheet(viewer, kind, { input: uploadOf(request), fileName });
  return Response.json({ data: { ...seen, saved: await listMappings(getDb(), kind) } });
});

import "server-only";
import { getDb, getPool } from "@/db";
import { apiRoute } from "@/lib/api";
import { requireApiViewer } from "@/lib/auth/api-viewer";
import { clientIp } from "@/lib/auth/request";
import { assertCanExportSigned } from "./access";
import { CONTENT_TYPES, contentDisposition, exportSignedProjects, type ExportFormat } from "./export";
import { searchParamsRecord, signedListSchema } from "./validation";

/**
 * GET /api/v1/exports/signed-projects.{xlsx,csv}?<the /signed query>: the whole filtered list
 * as a file, streamed. 401 signed out, 403 for staff unless EXPORT_ALLOW_STAFF=1; malformed
 * filter values are dropped as the list drops them.
 */
export function exportRoute(format: ExportFormat) {
  return apiRoute(async (request: Request) => {
    const viewer = await requireApiViewer(request);
    assertCanExportSigned(viewer);
    const { page: _page, size: _size, ...params } = signedListSchema.parse(searchParamsRecord(new URL(request.url).searchParams));
    const now = new Date();
    const stream = await exportSignedProjects({ pool: getPool(), db: getDb(), viewer, params, format, ip: clientIp(request.headers), now });
    return new Response(stream, {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": contentDisposition(format, now),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}

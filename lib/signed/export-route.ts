import "server-only";
import { getDb, getPool } from "@/db";
import { apiRoute } from "@/lib/api";
import { requireApiViewer } from "@/lib/auth/api-viewer";
import type { Viewer } from "@/lib/auth/roles";
import { clientIp } from "@/lib/auth/request";
import { exportPipeline, PIPELINE_LIST } from "@/lib/projects/export";
import { projectListSchema } from "@/lib/projects/validation";
import { assertCanExportSigned } from "./access";
import { CONTENT_TYPES, contentDisposition, exportSignedProjects, SIGNED_LIST, type ExportFormat, type ListExportOptions, type ListSpec } from "./export";
import { searchParamsRecord, signedListSchema } from "./validation";

/**
 * GET /api/v1/exports/<list>.{xlsx,csv}?<the list's query>: the whole filtered list as a file,
 * streamed. 401 signed out, 403 for staff unless EXPORT_ALLOW_STAFF=1; malformed filter values
 * are dropped as the list drops them.
 */
function listExportRoute<P>(
  format: ExportFormat,
  list: Pick<ListSpec<unknown>, "name" | "ascii">,
  parse: (query: Record<string, string | string[]>) => P,
  run: (opts: ListExportOptions & { params: P }) => Promise<ReadableStream<Uint8Array>>,
) {
  return apiRoute(async (request: Request) => {
    const viewer: Viewer = await requireApiViewer(request);
    assertCanExportSigned(viewer);
    const params = parse(searchParamsRecord(new URL(request.url).searchParams));
    const now = new Date();
    const stream = await run({ pool: getPool(), db: getDb(), viewer, params, format, ip: clientIp(request.headers), now });
    return new Response(stream, {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": contentDisposition(format, now, list),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}

/** /api/v1/exports/signed-projects.{xlsx,csv}?<the /signed query>: the 签约项目清单. */
export function exportRoute(format: ExportFormat) {
  return listExportRoute(
    format,
    SIGNED_LIST,
    (query) => {
      const { page: _page, size: _size, ...params } = signedListSchema.parse(query);
      return params;
    },
    exportSignedProjects,
  );
}

/** /api/v1/exports/pipeline-projects.{xlsx,csv}?<the /projects query>: the 在谈项目清单. */
export function pipelineExportRoute(format: ExportFormat) {
  return listExportRoute(
    format,
    PIPELINE_LIST,
    (query) => {
      const { page: _page, size: _size, ...params } = projectListSchema.parse(query);
      return params;
    },
    exportPipeline,
  );
}

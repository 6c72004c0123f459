import { getDb } from "@/db";
import { apiRoute } from "@/lib/api";
import { bodyOf, created, ctxOf, queryOf } from "@/lib/api-v1/http";
import { createParcelApi, listParcelsApi, parcelApiListSchema } from "@/lib/api-v1/land";
import { requireApiViewer } from "@/lib/auth/api-viewer";

/** GET /api/v1/parcels?<the /parcels filters>&sort&dir&limit&cursor */
export const GET = apiRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request);
  return Response.json(await listParcelsApi(getDb(), viewer, queryOf(request, parcelApiListSchema)));
});

/** POST /api/v1/parcels — managers and admins (403 for staff). */
export const POST = apiRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request);
  return created(await createParcelApi(getDb(), viewer, await bodyOf(request), ctxOf(request)));
});

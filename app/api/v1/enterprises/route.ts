import { getDb } from "@/db";
import { apiRoute } from "@/lib/api";
import { createEnterpriseApi, enterpriseApiListSchema, listEnterprisesApi } from "@/lib/api-v1/enterprises";
import { bodyOf, created, ctxOf, queryOf } from "@/lib/api-v1/http";
import { requireApiViewer } from "@/lib/auth/api-viewer";

/** GET /api/v1/enterprises?q&ownership&tag&sort&dir&limit&cursor — the investors the caller may see. */
export const GET = apiRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request);
  return Response.json(await listEnterprisesApi(getDb(), viewer, queryOf(request, enterpriseApiListSchema)));
});

/** POST /api/v1/enterprises — a new investor, registered for the caller's unit. */
export const POST = apiRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request);
  return created(await createEnterpriseApi(getDb(), viewer, await bodyOf(request), ctxOf(request)));
});

import { getDb } from "@/db";
import { apiRoute } from "@/lib/api";
import { bodyOf, created, ctxOf, queryOf } from "@/lib/api-v1/http";
import { listSignedApi, signedApiListSchema, signProjectApi } from "@/lib/api-v1/signed";
import { requireApiViewer } from "@/lib/auth/api-viewer";

/** GET /api/v1/signed-projects?<the /signed filters>&sort&dir&limit&cursor — the 签约项目清单 as JSON. */
export const GET = apiRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request);
  return Response.json(await listSignedApi(getDb(), viewer, queryOf(request, signedApiListSchema)));
});

/** POST /api/v1/signed-projects — signs a project: {projectId, version, signingDate, contractInvestmentYi, …}. */
export const POST = apiRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request);
  return created(await signProjectApi(getDb(), viewer, await bodyOf(request), ctxOf(request)));
});

import { getDb } from "@/db";
import { apiRoute } from "@/lib/api";
import { bodyOf, created, ctxOf, queryOf } from "@/lib/api-v1/http";
import { createProjectApi, listProjectsApi, projectApiListSchema } from "@/lib/api-v1/projects";
import { requireApiViewer } from "@/lib/auth/api-viewer";

/** GET /api/v1/projects?<the /projects filters>&sort&dir&limit&cursor — the projects the caller may see. */
export const GET = apiRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request);
  return Response.json(await listProjectsApi(getDb(), viewer, queryOf(request, projectApiListSchema)));
});

/** POST /api/v1/projects — a new project (the form's fields; 422 naming each bad field). */
export const POST = apiRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request);
  return created(await createProjectApi(getDb(), viewer, await bodyOf(request), ctxOf(request)));
});

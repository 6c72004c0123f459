import { getDb } from "@/db";
import { apiRoute } from "@/lib/api";
import { bodyOf, ctxOf, ok } from "@/lib/api-v1/http";
import { readProjectApi, updateProjectApi } from "@/lib/api-v1/projects";
import { requireApiViewer } from "@/lib/auth/api-viewer";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/projects/{id} — 404 when it is not the caller's to see (another unit's, archived, unknown). */
export const GET = apiRoute(async (request: Request, ctx: Ctx) => {
  const viewer = await requireApiViewer(request);
  return ok(await readProjectApi(getDb(), viewer, (await ctx.params).id));
});

/** PATCH /api/v1/projects/{id} — the fields sent, with the `version` read (409 if someone saved since). */
export const PATCH = apiRoute(async (request: Request, ctx: Ctx) => {
  const viewer = await requireApiViewer(request);
  return ok(await updateProjectApi(getDb(), viewer, (await ctx.params).id, await bodyOf(request), ctxOf(request)));
});

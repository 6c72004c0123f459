import { getDb } from "@/db";
import { apiRoute } from "@/lib/api";
import { bodyOf, ctxOf, ok } from "@/lib/api-v1/http";
import { readSignedApi, updateSigningApi } from "@/lib/api-v1/signed";
import { requireApiViewer } from "@/lib/auth/api-viewer";

type Ctx = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request: Request, ctx: Ctx) => {
  const viewer = await requireApiViewer(request);
  return ok(await readSignedApi(getDb(), viewer, (await ctx.params).id));
});

/** PATCH /api/v1/signed-projects/{id} — signing facts, with the signing's `version` (signingVersion). */
export const PATCH = apiRoute(async (request: Request, ctx: Ctx) => {
  const viewer = await requireApiViewer(request);
  return ok(await updateSigningApi(getDb(), viewer, (await ctx.params).id, await bodyOf(request), ctxOf(request)));
});

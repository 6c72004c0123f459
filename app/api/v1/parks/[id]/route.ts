import { getDb } from "@/db";
import { apiRoute } from "@/lib/api";
import { bodyOf, ctxOf, ok } from "@/lib/api-v1/http";
import { readParkApi, updateParkApi } from "@/lib/api-v1/land";
import { requireApiViewer } from "@/lib/auth/api-viewer";

type Ctx = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request: Request, ctx: Ctx) => {
  await requireApiViewer(request);
  return ok(await readParkApi(getDb(), (await ctx.params).id));
});

export const PATCH = apiRoute(async (request: Request, ctx: Ctx) => {
  const viewer = await requireApiViewer(request);
  return ok(await updateParkApi(getDb(), viewer, (await ctx.params).id, await bodyOf(request), ctxOf(request)));
});

import { z } from "zod";
import { getDb } from "@/db";
import { apiRoute } from "@/lib/api";
import { bodyOf, ctxOf } from "@/lib/api-v1/http";
import { requireApiViewer } from "@/lib/auth/api-viewer";
import { NotFoundError } from "@/lib/errors";
import { getUser } from "@/lib/users/queries";
import { setUserActive, updateUser } from "@/lib/users/service";

type Ctx = { params: Promise<{ id: string }> };

async function userId(ctx: Ctx) {
  const { id } = await ctx.params;
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
  return id;
}

export const GET = apiRoute(async (request: Request, ctx: Ctx) => {
  const viewer = await requireApiViewer(request, "admin");
  const user = await getUser(getDb(), viewer, await userId(ctx));
  if (!user) throw new NotFoundError();
  return Response.json({ data: user });
});

/** Body: any of {displayName, role, unitId} with the version read, to edit (only the fields sent are written), or {active, version} to (de)activate. */
export const PATCH = apiRoute(async (request: Request, ctx: Ctx) => {
  const viewer = await requireApiViewer(request, "admin");
  const id = await userId(ctx);
  const body = await bodyOf(request);
  const fields = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const user =
    "active" in fields && !("displayName" in fields)
      ? await setUserActive(getDb(), viewer, id, body, ctxOf(request))
      : await updateUser(getDb(), viewer, id, body, ctxOf(request));
  return Response.json({ data: user });
});

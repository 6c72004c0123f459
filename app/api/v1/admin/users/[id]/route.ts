import { z } from "zod";
import { getDb } from "@/db";
import { requestContext } from "@/lib/action";
import { apiRoute, readJson } from "@/lib/api";
import { requireViewer } from "@/lib/auth";
import { NotFoundError } from "@/lib/errors";
import { getUser } from "@/lib/users/queries";
import { setUserActive, updateUser } from "@/lib/users/service";

type Ctx = { params: Promise<{ id: string }> };

async function userId(ctx: Ctx) {
  const { id } = await ctx.params;
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
  return id;
}

export const GET = apiRoute(async (_request: Request, ctx: Ctx) => {
  const viewer = await requireViewer("admin");
  const user = await getUser(getDb(), viewer, await userId(ctx));
  if (!user) throw new NotFoundError();
  return Response.json({ data: user });
});

/** Body: {displayName, role, unitId, version} to edit, or {active, version} to (de)activate. */
export const PATCH = apiRoute(async (request: Request, ctx: Ctx) => {
  const viewer = await requireViewer("admin");
  const id = await userId(ctx);
  const body = (await readJson(request)) as Record<string, unknown>;
  const user =
    "active" in body && !("displayName" in body)
      ? await setUserActive(getDb(), viewer, id, body, await requestContext())
      : await updateUser(getDb(), viewer, id, body, await requestContext());
  return Response.json({ data: user });
});

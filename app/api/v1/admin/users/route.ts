import { getDb } from "@/db";
import { apiRoute } from "@/lib/api";
import { bodyOf, created, ctxOf } from "@/lib/api-v1/http";
import { requireApiViewer } from "@/lib/auth/api-viewer";
import { listUsers } from "@/lib/users/queries";
import { createUser } from "@/lib/users/service";
import { userListSchema } from "@/lib/users/validation";
import { parseOrThrow } from "@/lib/validation";

export const GET = apiRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request, "admin");
  const params = parseOrThrow(userListSchema, Object.fromEntries(new URL(request.url).searchParams));
  const { rows, total } = await listUsers(getDb(), viewer, params);
  return Response.json({ data: rows, total, page: params.page, pageSize: params.pageSize });
});

export const POST = apiRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request, "admin");
  return created(await createUser(getDb(), viewer, await bodyOf(request), ctxOf(request)));
});

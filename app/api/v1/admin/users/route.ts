import { getDb } from "@/db";
import { requestContext } from "@/lib/action";
import { apiRoute, readJson } from "@/lib/api";
import { requireViewer } from "@/lib/auth";
import { listUsers } from "@/lib/users/queries";
import { createUser } from "@/lib/users/service";
import { userListSchema } from "@/lib/users/validation";

export const GET = apiRoute(async (request: Request) => {
  const viewer = await requireViewer("admin");
  const params = userListSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { rows, total } = await listUsers(getDb(), viewer, params);
  return Response.json({ data: rows, total, page: params.page, pageSize: params.pageSize });
});

export const POST = apiRoute(async (request: Request) => {
  const viewer = await requireViewer("admin");
  const user = await createUser(getDb(), viewer, await readJson(request), await requestContext());
  return Response.json({ data: user }, { status: 201 });
});

import { getDb } from "@/db";
import { apiRoute } from "@/lib/api";
import { bodyOf, created, ctxOf } from "@/lib/api-v1/http";
import { createParkApi, listParksApi } from "@/lib/api-v1/land";
import { requireApiViewer } from "@/lib/auth/api-viewer";

/** GET /api/v1/parks — every park with its zones (few: not paged). */
export const GET = apiRoute(async (request: Request) => {
  await requireApiViewer(request);
  return Response.json({ data: await listParksApi(getDb()), nextCursor: null });
});

/** POST /api/v1/parks — admins (403 for others). */
export const POST = apiRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request);
  return created(await createParkApi(getDb(), viewer, await bodyOf(request), ctxOf(request)));
});

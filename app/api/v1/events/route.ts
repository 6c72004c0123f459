import { getDb } from "@/db";
import { apiRoute } from "@/lib/api";
import { createEventApi, eventApiListSchema, listEventsApi } from "@/lib/api-v1/events";
import { bodyOf, created, ctxOf, queryOf } from "@/lib/api-v1/http";
import { requireApiViewer } from "@/lib/auth/api-viewer";

/** GET /api/v1/events?q&kind&from&to&sort&dir&limit&cursor */
export const GET = apiRoute(async (request: Request) => {
  await requireApiViewer(request);
  return Response.json(await listEventsApi(getDb(), queryOf(request, eventApiListSchema)));
});

/** POST /api/v1/events — managers and admins. */
export const POST = apiRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request);
  return created(await createEventApi(getDb(), viewer, await bodyOf(request), ctxOf(request)));
});

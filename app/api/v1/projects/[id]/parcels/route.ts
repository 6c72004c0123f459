import { getDb } from "@/db";
import { apiRoute } from "@/lib/api";
import { bodyOf, ctxOf } from "@/lib/api-v1/http";
import { requireApiViewer } from "@/lib/auth/api-viewer";
import { linkParcel, unlinkParcel } from "@/lib/land/service";

type Params = { params: Promise<{ id: string }> };

/** 地块匹配 over JSON: POST {parcelId} links, DELETE {parcelId} unlinks. 409 when the parcel is taken. */
export const POST = apiRoute(async (request: Request, { params }: Params) => {
  const viewer = await requireApiViewer(request);
  const { id } = await params;
  const parcel = await linkParcel(getDb(), viewer, id, await bodyOf(request), ctxOf(request));
  return Response.json({ data: { parcelId: parcel.id, code: parcel.code, projectId: parcel.projectId } });
});

export const DELETE = apiRoute(async (request: Request, { params }: Params) => {
  const viewer = await requireApiViewer(request);
  const { id } = await params;
  const parcel = await unlinkParcel(getDb(), viewer, id, await bodyOf(request), ctxOf(request));
  return Response.json({ data: { parcelId: parcel.id, code: parcel.code, projectId: parcel.projectId } });
});

import { getDb } from "@/db";
import { requestContext } from "@/lib/action";
import { apiRoute, readJson } from "@/lib/api";
import { requireViewer } from "@/lib/auth";
import { linkParcel, unlinkParcel } from "@/lib/land/service";

type Params = { params: Promise<{ id: string }> };

/** 地块匹配 over JSON: POST {parcelId} links, DELETE {parcelId} unlinks. 409 when the parcel is taken. */
export const POST = apiRoute(async (request: Request, { params }: Params) => {
  const viewer = await requireViewer();
  const { id } = await params;
  const parcel = await linkParcel(getDb(), viewer, id, await readJson(request), await requestContext());
  return Response.json({ data: { parcelId: parcel.id, code: parcel.code, projectId: parcel.projectId } });
});

export const DELETE = apiRoute(async (request: Request, { params }: Params) => {
  const viewer = await requireViewer();
  const { id } = await params;
  const parcel = await unlinkParcel(getDb(), viewer, id, await readJson(request), await requestContext());
  return Response.json({ data: { parcelId: parcel.id, code: parcel.code, projectId: parcel.projectId } });
});

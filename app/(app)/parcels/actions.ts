"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth";
import { requestContext, runAction } from "@/lib/action";
import { changeParcelStatus, createParcel, linkParcel, unlinkParcel, updateLandNeed, updateParcel } from "@/lib/land/service";

// Thin: authorise, call lib/land (which checks roles and scope, validates and audits), revalidate.

export async function createParcelAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("manager");
    const parcel = await createParcel(getDb(), viewer, input, await requestContext());
    revalidatePath("/parcels");
    revalidatePath(`/parks/${parcel.parkId}`);
    return { id: parcel.id };
  });
}

export async function updateParcelAction(id: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("manager");
    const parcel = await updateParcel(getDb(), viewer, id, input, await requestContext());
    revalidatePath("/parcels");
    revalidatePath(`/parks/${parcel.parkId}`);
    return { id: parcel.id, version: parcel.version };
  });
}

export async function changeParcelStatusAction(id: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("manager");
    const parcel = await changeParcelStatus(getDb(), viewer, id, input, await requestContext());
    revalidatePath(`/parcels/${id}`);
    revalidatePath(`/parks/${parcel.parkId}`);
    return { status: parcel.status, version: parcel.version };
  });
}

/** A project's land need: whoever may change the project (checked in lib/land by scope and id). */
export async function updateLandNeedAction(projectId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const project = await updateLandNeed(getDb(), viewer, projectId, input, await requestContext());
    revalidatePath(`/projects/${projectId}`);
    return { version: project.version };
  });
}

export async function linkParcelAction(projectId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const parcel = await linkParcel(getDb(), viewer, projectId, input, await requestContext());
    revalidatePath(`/projects/${projectId}`);
    revalidatePath(`/parcels/${parcel.id}`);
    return { code: parcel.code };
  });
}

export async function unlinkParcelAction(projectId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const parcel = await unlinkParcel(getDb(), viewer, projectId, input, await requestContext());
    revalidatePath(`/projects/${projectId}`);
    revalidatePath(`/parcels/${parcel.id}`);
    return { code: parcel.code };
  });
}

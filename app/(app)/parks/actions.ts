"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth";
import { requestContext, runAction } from "@/lib/action";
import { createPark, updatePark } from "@/lib/land/service";

// Thin: authorise, call lib/land (which checks roles, validates and audits), revalidate.

export async function createParkAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    const park = await createPark(getDb(), viewer, input, await requestContext());
    revalidatePath("/parks");
    return { id: park.id };
  });
}

export async function updateParkAction(id: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    const park = await updatePark(getDb(), viewer, id, input, await requestContext());
    revalidatePath("/parks");
    revalidatePath(`/parks/${id}`);
    return { id: park.id, version: park.version };
  });
}

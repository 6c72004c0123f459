"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth";
import { requestContext, runAction } from "@/lib/action";
import { createTarget, updateTarget } from "@/lib/targets/service";

// Managers set their units' targets, admins everyone's: the service checks the unit and person.

export async function createTargetAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("manager");
    const target = await createTarget(getDb(), viewer, input, await requestContext());
    revalidatePath("/admin/targets");
    revalidatePath("/dashboard");
    return { id: target.id, year: target.year };
  });
}

export async function updateTargetAction(id: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("manager");
    const target = await updateTarget(getDb(), viewer, id, input, await requestContext());
    revalidatePath("/admin/targets");
    revalidatePath("/dashboard");
    return { id: target.id, year: target.year };
  });
}

"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth";
import { requestContext, runAction } from "@/lib/action";
import { createUnit, updateUnit } from "@/lib/units/service";

export async function createUnitAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    const unit = await createUnit(getDb(), viewer, input, await requestContext());
    revalidatePath("/admin/units");
    return { id: unit.id };
  });
}

export async function updateUnitAction(id: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    const unit = await updateUnit(getDb(), viewer, id, input, await requestContext());
    revalidatePath("/admin/units");
    return { version: unit.version };
  });
}

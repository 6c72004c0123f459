"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth";
import { requestContext, runAction } from "@/lib/action";
import { createUser, resetPassword, setUserActive, updateUser } from "@/lib/users/service";

// Thin: authorise, call lib/users (which checks the role again and validates), revalidate.

export async function createUserAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    const user = await createUser(getDb(), viewer, input, await requestContext());
    revalidatePath("/admin/users");
    return { id: user.id };
  });
}

export async function updateUserAction(id: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    const user = await updateUser(getDb(), viewer, id, input, await requestContext());
    revalidatePath("/admin/users");
    return { version: user.version };
  });
}

export async function setUserActiveAction(id: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    const user = await setUserActive(getDb(), viewer, id, input, await requestContext());
    revalidatePath("/admin/users");
    return { active: user.active, version: user.version };
  });
}

export async function resetPasswordAction(id: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    await resetPassword(getDb(), viewer, id, input, await requestContext());
    revalidatePath(`/admin/users/${id}`);
  });
}

"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth";
import { requestContext, runAction } from "@/lib/action";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { saveTableColumns } from "@/lib/tables/service";
import { changeOwnPassword } from "@/lib/users/service";

export async function changePasswordAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    await changeOwnPassword(getDb(), viewer, input, await requestContext());
  });
}

export async function createApiTokenAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const created = await createApiToken(getDb(), viewer, input, await requestContext());
    revalidatePath("/account");
    // The token itself goes back this once; only its hash is kept.
    return { token: created.token, name: created.name };
  });
}

export async function revokeApiTokenAction(id: string) {
  return runAction(async () => {
    const viewer = await requireViewer();
    await revokeApiToken(getDb(), viewer, id, await requestContext());
    revalidatePath("/account");
  });
}

/** The viewer's own choice of columns for a wide list (/signed, /projects). */
export async function saveTableColumnsAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    return { columns: await saveTableColumns(getDb(), viewer, input) };
  });
}

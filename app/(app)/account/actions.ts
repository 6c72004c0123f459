"use server";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth";
import { requestContext, runAction } from "@/lib/action";
import { changeOwnPassword } from "@/lib/users/service";

export async function changePasswordAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    await changeOwnPassword(getDb(), viewer, input, await requestContext());
  });
}

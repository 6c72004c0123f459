"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth";
import { requestContext, runAction } from "@/lib/action";
import { createChain, updateChain } from "@/lib/reference/service";

export async function createChainAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    const chain = await createChain(getDb(), viewer, input, await requestContext());
    revalidatePath("/admin/chains");
    return { id: chain.id };
  });
}

export async function updateChainAction(id: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    const chain = await updateChain(getDb(), viewer, id, input, await requestContext());
    revalidatePath("/admin/chains");
    return { id: chain.id };
  });
}

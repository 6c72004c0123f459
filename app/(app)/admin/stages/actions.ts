"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requestContext, runAction } from "@/lib/action";
import { requireViewer } from "@/lib/auth";
import { saveStageLabels } from "@/lib/reference/stage-labels";

export async function saveStageLabelsAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    await saveStageLabels(getDb(), viewer, input, await requestContext());
    // Stage names show on nearly every page.
    revalidatePath("/", "layout");
    return null;
  });
}

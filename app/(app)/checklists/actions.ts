"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth";
import { requestContext, runAction } from "@/lib/action";
import { NotFoundError } from "@/lib/errors";
import { applyTemplate, closeChecklistItem, updateChecklistItem } from "@/lib/workflows/service";

// Thin: the service decides who may start a checklist or change an item, validates and audits.

const id = z.uuid();

function revalidateChecklist(checklist: { id: string; projectId: string | null; parkId: string | null }) {
  revalidatePath(`/checklists/${checklist.id}`);
  revalidatePath("/service");
  revalidatePath("/");
  if (checklist.projectId) revalidatePath(`/projects/${checklist.projectId}`);
  if (checklist.parkId) revalidatePath(`/parks/${checklist.parkId}`);
}

export async function applyTemplateAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const checklist = await applyTemplate(getDb(), viewer, input, await requestContext());
    revalidateChecklist(checklist);
    return { id: checklist.id };
  });
}

export async function updateChecklistItemAction(itemId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    if (!id.safeParse(itemId).success) throw new NotFoundError();
    const item = await updateChecklistItem(getDb(), viewer, itemId, input, await requestContext());
    revalidatePath(`/checklists/${item.checklistId}`, "page");
    revalidatePath("/service");
    revalidatePath("/");
    revalidatePath("/projects/[id]", "page");
    return { version: item.version };
  });
}

export async function closeChecklistItemAction(itemId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    if (!id.safeParse(itemId).success) throw new NotFoundError();
    const item = await closeChecklistItem(getDb(), viewer, itemId, input, await requestContext());
    revalidatePath(`/checklists/${item.checklistId}`, "page");
    revalidatePath("/service");
    revalidatePath("/");
    revalidatePath("/projects/[id]", "page");
    return { version: item.version };
  });
}

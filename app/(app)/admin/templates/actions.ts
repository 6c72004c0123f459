"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth";
import { requestContext, runAction } from "@/lib/action";
import { NotFoundError } from "@/lib/errors";
import { addTemplateItem, createTemplate, deleteTemplateItem, moveTemplateItem, updateTemplate, updateTemplateItem } from "@/lib/workflows/service";

// Thin: admins only; lib/workflows validates, raises the revision and audits.

const id = z.uuid();
function checkId(value: string) {
  if (!id.safeParse(value).success) throw new NotFoundError();
}

function revalidateTemplate(templateId: string) {
  revalidatePath("/admin/templates");
  revalidatePath(`/admin/templates/${templateId}`);
}

export async function createTemplateAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    const template = await createTemplate(getDb(), viewer, input, await requestContext());
    revalidatePath("/admin/templates");
    return { id: template.id };
  });
}

export async function updateTemplateAction(templateId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    checkId(templateId);
    const template = await updateTemplate(getDb(), viewer, templateId, input, await requestContext());
    revalidateTemplate(templateId);
    return { revision: template.revision, version: template.version };
  });
}

export async function addTemplateItemAction(templateId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    checkId(templateId);
    await addTemplateItem(getDb(), viewer, templateId, input, await requestContext());
    revalidateTemplate(templateId);
  });
}

export async function updateTemplateItemAction(itemId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    checkId(itemId);
    const item = await updateTemplateItem(getDb(), viewer, itemId, input, await requestContext());
    revalidateTemplate(item.templateId);
  });
}

export async function deleteTemplateItemAction(itemId: string) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    checkId(itemId);
    await deleteTemplateItem(getDb(), viewer, itemId, await requestContext());
    revalidatePath("/admin/templates", "layout");
  });
}

export async function moveTemplateItemAction(itemId: string, direction: "up" | "down") {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    checkId(itemId);
    await moveTemplateItem(getDb(), viewer, itemId, direction === "up" ? "up" : "down", await requestContext());
    revalidatePath("/admin/templates", "layout");
  });
}

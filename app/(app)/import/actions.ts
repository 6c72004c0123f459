"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requestContext, runAction } from "@/lib/action";
import { requireViewer } from "@/lib/auth";
import { deleteMapping, saveMapping } from "@/lib/imports/mappings";
import { revertImport } from "@/lib/imports/revert";

// Thin: authorise, call lib/imports (which checks roles, validates and audits), revalidate.
// The import itself goes through POST /api/v1/imports, which streams the file.

export async function saveMappingAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("manager");
    const row = await saveMapping(getDb(), viewer, input, await requestContext());
    return { id: row.id, name: row.name, kind: row.kind, mapping: row.mapping };
  });
}

export async function deleteMappingAction(id: string) {
  return runAction(async () => {
    const viewer = await requireViewer("manager");
    await deleteMapping(getDb(), viewer, id, await requestContext());
  });
}

export async function revertImportAction(id: string) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    const result = await revertImport(getDb(), viewer, id, await requestContext());
    revalidatePath("/import");
    return result;
  });
}

"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requestContext, runAction } from "@/lib/action";
import { requireViewer } from "@/lib/auth";
import { findLikelyDuplicates, searchEnterprisesForPicker } from "@/lib/enterprises/queries";
import { createContact, createEnterprise, updateContact, updateEnterprise } from "@/lib/enterprises/service";
import type { DuplicateQuery } from "@/lib/enterprises/validation";

// Thin: authorise, call lib/enterprises (which scopes to what the viewer may see and validates), revalidate.

export async function createEnterpriseAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const enterprise = await createEnterprise(getDb(), viewer, input, await requestContext());
    revalidatePath("/enterprises");
    return { id: enterprise.id };
  });
}

export async function updateEnterpriseAction(id: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const enterprise = await updateEnterprise(getDb(), viewer, String(id), input, await requestContext());
    revalidatePath("/enterprises");
    revalidatePath(`/enterprises/${enterprise.id}`);
    return { id: enterprise.id, version: enterprise.version };
  });
}

export async function findDuplicatesAction(query: DuplicateQuery) {
  return runAction(async () => {
    const viewer = await requireViewer();
    return findLikelyDuplicates(getDb(), viewer, query);
  });
}

/** For the enterprise picker: up to 20 visible enterprises matching `q`. */
export async function searchEnterprisesAction(q: string) {
  return runAction(async () => {
    const viewer = await requireViewer();
    return searchEnterprisesForPicker(getDb(), viewer, typeof q === "string" ? q : "");
  });
}

export async function createContactAction(enterpriseId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const contact = await createContact(getDb(), viewer, String(enterpriseId), input, await requestContext());
    revalidatePath(`/enterprises/${contact.enterpriseId}`);
    return { id: contact.id };
  });
}

export async function updateContactAction(contactId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const contact = await updateContact(getDb(), viewer, String(contactId), input, await requestContext());
    revalidatePath(`/enterprises/${contact.enterpriseId}`);
    return { id: contact.id, version: contact.version };
  });
}

// "删除" on a contact archives it: archiveRecordAction("contact", …) in app/(app)/archive/actions.ts.

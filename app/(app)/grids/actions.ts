"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requestContext, runAction } from "@/lib/action";
import { requireViewer } from "@/lib/auth";
import { advanceRequest, assignEnterprise, createGrid, createRequest, unassignEnterprise, updateGrid } from "@/lib/grids/service";

// Thin: authorise, call lib/grids (which scopes, validates, checks who may do what and audits), revalidate.

export async function createGridAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("manager");
    const grid = await createGrid(getDb(), viewer, input, await requestContext());
    revalidatePath("/grids");
    return { id: grid.id };
  });
}

export async function updateGridAction(id: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("manager");
    const grid = await updateGrid(getDb(), viewer, String(id), input, await requestContext());
    revalidatePath("/grids");
    revalidatePath(`/grids/${grid.id}`);
    return { id: grid.id, version: grid.version };
  });
}

export async function assignEnterpriseAction(gridId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("manager");
    const enterprise = await assignEnterprise(getDb(), viewer, String(gridId), input, await requestContext());
    revalidatePath(`/grids/${gridId}`);
    revalidatePath(`/enterprises/${enterprise.id}`);
    return { name: enterprise.name };
  });
}

export async function unassignEnterpriseAction(gridId: string, enterpriseId: string) {
  return runAction(async () => {
    const viewer = await requireViewer("manager");
    await unassignEnterprise(getDb(), viewer, String(gridId), String(enterpriseId), await requestContext());
    revalidatePath(`/grids/${gridId}`);
    revalidatePath(`/enterprises/${enterpriseId}`);
  });
}

export async function createRequestAction(gridId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const request = await createRequest(getDb(), viewer, String(gridId), input, await requestContext());
    revalidatePath("/grids");
    revalidatePath(`/grids/${gridId}`);
    return { id: request.id };
  });
}

export async function advanceRequestAction(gridId: string, requestId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const request = await advanceRequest(getDb(), viewer, String(gridId), String(requestId), input, await requestContext());
    revalidatePath("/grids");
    revalidatePath(`/grids/${gridId}`);
    revalidatePath(`/grids/${gridId}/requests/${requestId}`);
    return { status: request.status, version: request.version };
  });
}

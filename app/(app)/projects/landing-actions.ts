"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth";
import { requestContext, runAction } from "@/lib/action";
import { NotFoundError } from "@/lib/errors";
import { projectMilestones, reportParcelOptions } from "@/lib/milestones/queries";
import { reviewReport, saveReport, setMilestonePlan } from "@/lib/milestones/service";
import { getProject } from "@/lib/projects/queries";
import { signingFormOptions } from "@/lib/signings/queries";
import { addFundsEntry, updateSigning } from "@/lib/signings/service";

// After signing: the signing form, stage reports and their review, 到位资金. Thin like the
// others: authorise, call lib (which scopes, validates and audits), revalidate.

const id = z.uuid();

function revalidateProject(projectId: string) {
  revalidatePath(`/projects/${projectId}`);
  revalidatePath("/projects");
  revalidatePath("/reviews");
}

/** What the signing fields offer, and the project's current leader to prefill — for the stage-change dialog. */
export async function signingOptionsAction(projectId: string) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const db = getDb();
    const project = id.safeParse(projectId).success ? await getProject(db, viewer, projectId) : null;
    if (!project) throw new NotFoundError();
    return { options: await signingFormOptions(db, viewer), responsibleLeader: project.responsibleLeader, unitId: project.unitId };
  });
}

/** What a stage report needs to be filled in: the report so far, the others (for ordering) and the parcels to pick from. */
export async function reportContextAction(projectId: string) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const db = getDb();
    const project = id.safeParse(projectId).success ? await getProject(db, viewer, projectId) : null;
    if (!project) throw new NotFoundError();
    const [milestones, parcels] = await Promise.all([projectMilestones(db, projectId), reportParcelOptions(db, projectId)]);
    return { milestones, parcels, signingDate: project.signingDate, projectStage: project.stage };
  });
}

export async function updateSigningAction(projectId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const signing = await updateSigning(getDb(), viewer, projectId, input, await requestContext());
    revalidateProject(projectId);
    return { version: signing.version };
  });
}

export async function addFundsAction(projectId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    await addFundsEntry(getDb(), viewer, projectId, input, await requestContext());
    revalidateProject(projectId);
  });
}

export async function saveReportAction(projectId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const report = await saveReport(getDb(), viewer, projectId, input, await requestContext());
    revalidateProject(projectId);
    return { status: report.reviewStatus, version: report.version };
  });
}

export async function reviewReportAction(milestoneId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const report = await reviewReport(getDb(), viewer, milestoneId, input, await requestContext());
    revalidateProject(report.projectId);
    return { status: report.reviewStatus };
  });
}

export async function setPlanAction(projectId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    await setMilestonePlan(getDb(), viewer, projectId, input, await requestContext());
    revalidateProject(projectId);
  });
}

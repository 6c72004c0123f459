import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { enterprises, milestones, parcels, parks, projects, signings, units, users } from "@/db/schema";
import type { ReviewStatus } from "@/db/schema/enums";
import { unitAncestors, unitSubtree } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { MILESTONE_STAGES, mayReview, type MilestoneStage } from "./rules";

const submitters = alias(users, "submitter");
const reviewers = alias(users, "reviewer");

// projectMilestones and reportParcelOptions take a project id as given: call them only for a
// project the viewer may see (getProject first).

/** The five milestones of a project in stage order, each with its report if there is one. */
export async function projectMilestones(db: DbOrTx, projectId: string) {
  const rows = await db
    .select({
      id: milestones.id,
      stage: milestones.stage,
      plannedDate: milestones.plannedDate,
      actualDate: milestones.actualDate,
      companyName: milestones.companyName,
      companyUscc: milestones.companyUscc,
      parcelId: milestones.parcelId,
      parcelCode: parcels.code,
      note: milestones.note,
      reviewStatus: milestones.reviewStatus,
      submittedAt: milestones.submittedAt,
      submittedById: milestones.submittedById,
      submittedBy: submitters.displayName,
      reviewedAt: milestones.reviewedAt,
      reviewedBy: reviewers.displayName,
      reviewComment: milestones.reviewComment,
      version: milestones.version,
    })
    .from(milestones)
    .leftJoin(parcels, eq(parcels.id, milestones.parcelId))
    .leftJoin(submitters, eq(submitters.id, milestones.submittedById))
    .leftJoin(reviewers, eq(reviewers.id, milestones.reviewedById))
    .where(eq(milestones.projectId, projectId));
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  return MILESTONE_STAGES.map((stage) => ({ stage, report: byStage.get(stage) ?? null }));
}
export type ProjectMilestone = Awaited<ReturnType<typeof projectMilestones>>[number];
export type MilestoneReport = NonNullable<ProjectMilestone["report"]>;

/** May the viewer approve or return reports on projects of this unit (ignoring who submitted)? */
export async function reviewerOf(db: DbOrTx, viewer: Viewer, projectUnitId: string): Promise<(submittedById: string | null) => boolean> {
  const ancestors = viewer.role === "manager" ? await unitAncestors(db, projectUnitId) : [];
  return (submittedById) => mayReview(viewer, { ancestors, submittedById });
}

/** Parcels a land report can name: those not matched to another project, plus the project's own. */
export async function reportParcelOptions(db: DbOrTx, projectId: string) {
  return db
    .select({ id: parcels.id, code: parcels.code, parkName: parks.name, areaMu: parcels.areaMu, status: parcels.status, projectId: parcels.projectId })
    .from(parcels)
    .innerJoin(parks, eq(parks.id, parcels.parkId))
    .where(and(isNull(parcels.archivedAt), or(isNull(parcels.projectId), eq(parcels.projectId, projectId))))
    .orderBy(sql`${parcels.projectId} is null`, asc(parks.sortOrder), asc(parcels.code))
    .limit(1000);
}

/**
 * 待审核: the submitted reports the viewer may approve or return — for a manager, those on
 * projects of the units below their own; for an admin, all — oldest first, never their own.
 */
export async function reviewQueue(db: DbOrTx, viewer: Viewer, status: ReviewStatus = "pending") {
  let unitCondition;
  if (viewer.role === "manager") {
    const below = (await unitSubtree(db, viewer.unitId)).filter((id) => id !== viewer.unitId);
    if (!below.length) return [];
    unitCondition = inArray(projects.unitId, below);
  } else if (viewer.role !== "admin") {
    return [];
  }
  return db
    .select({
      id: milestones.id,
      stage: milestones.stage,
      actualDate: milestones.actualDate,
      plannedDate: milestones.plannedDate,
      submittedAt: milestones.submittedAt,
      submittedBy: submitters.displayName,
      version: milestones.version,
      projectId: projects.id,
      projectName: projects.name,
      projectStage: projects.stage,
      enterpriseName: enterprises.name,
      unitName: units.name,
      signingDate: signings.signingDate,
    })
    .from(milestones)
    .innerJoin(projects, eq(projects.id, milestones.projectId))
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .innerJoin(units, eq(units.id, projects.unitId))
    .leftJoin(signings, eq(signings.projectId, projects.id))
    .leftJoin(submitters, eq(submitters.id, milestones.submittedById))
    .where(and(eq(milestones.reviewStatus, status), isNull(projects.archivedAt), unitCondition, or(isNull(milestones.submittedById), ne(milestones.submittedById, viewer.id))))
    .orderBy(status === "pending" ? asc(milestones.submittedAt) : desc(milestones.reviewedAt))
    .limit(500);
}
export type ReviewQueueItem = Awaited<ReturnType<typeof reviewQueue>>[number];

/** The stage of each of these projects that is waiting for review, if any — for lists that show pending reports as pending. */
export async function pendingStages(db: DbOrTx, projectIds: string[]): Promise<Map<string, MilestoneStage[]>> {
  if (!projectIds.length) return new Map();
  const rows = await db
    .select({ projectId: milestones.projectId, stage: milestones.stage })
    .from(milestones)
    .where(and(inArray(milestones.projectId, projectIds), eq(milestones.reviewStatus, "pending")))
    .orderBy(asc(milestones.stage));
  const out = new Map<string, MilestoneStage[]>();
  for (const r of rows) out.set(r.projectId, [...(out.get(r.projectId) ?? []), r.stage as MilestoneStage]);
  return out;
}

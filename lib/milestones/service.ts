import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { milestones, parcels, projects, signings, stageEvents, type Milestone } from "@/db/schema";
import { diffRows, writeAudit } from "@/lib/audit";
import { scopeOf, unitAncestors } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { AppError, asAppError, ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { visibleProjects } from "@/lib/projects/queries";
import { parseOrThrow } from "@/lib/validation";
import { fillLandDueDates } from "@/lib/workflows/service";
import { isEditable, mayReview, MILESTONE_STAGES, orderWarnings, REPORT_FACTS, stageAfterApproval, type OrderWarning } from "./rules";
import { bulkApproveSchema, planSchema, reportSchema, reviewSchema } from "./validation";

type Ctx = { ip?: string | null };

/** A report out of the usual order that the user has not confirmed: nothing is written; the warnings say why. */
export class OrderNotConfirmedError extends AppError {
  constructor(readonly warnings: OrderWarning[]) {
    super(422, "order_not_confirmed", "milestones.errors.outOfOrder", { confirmOrder: ["milestones.errors.outOfOrder"] });
  }
}

/** The signed project, locked, if the viewer may see (and so change) it. */
async function lockSignedProject(tx: Tx, viewer: Viewer, projectId: string) {
  const scope = await scopeOf(tx, viewer);
  const [row] = await tx
    .select({ id: projects.id, stage: projects.stage, status: projects.status, unitId: projects.unitId, version: projects.version, signingDate: signings.signingDate })
    .from(projects)
    .leftJoin(signings, eq(signings.projectId, projects.id))
    .where(and(eq(projects.id, projectId), visibleProjects(scope)))
    .for("update", { of: projects });
  if (!row) throw new NotFoundError();
  if (!row.signingDate) throw new ValidationError({ _form: ["milestones.errors.notSigned"] }, "milestones.errors.notSigned");
  return row;
}

/**
 * Saves a stage report (draft), or sends it for review (`submit`). Allowed to whoever may change
 * the project, while the report is new, saved or returned. Sending one out of the usual order
 * needs `confirmOrder`. Nothing moves the project's stage until a reviewer approves.
 */
export async function saveReport(db: Db, viewer: Viewer, projectId: string, input: unknown, ctx: Ctx = {}) {
  const data = parseOrThrow(reportSchema, input);
  return db.transaction(async (tx) => {
    const project = await lockSignedProject(tx, viewer, projectId);
    const existing = await tx.select().from(milestones).where(eq(milestones.projectId, projectId)).for("update");
    const before = existing.find((m) => m.stage === data.stage);
    if ((before?.version ?? 0) !== data.version) throw new ConflictError(before ?? {});
    if (before && !isEditable(before.reviewStatus)) {
      throw new ValidationError({ _form: [`milestones.errors.locked_${before.reviewStatus}`] }, `milestones.errors.locked_${before.reviewStatus}`);
    }
    if (data.parcelId) {
      const [parcel] = await tx.select({ projectId: parcels.projectId }).from(parcels).where(eq(parcels.id, data.parcelId));
      if (!parcel || (parcel.projectId && parcel.projectId !== projectId)) throw new ValidationError({ parcelId: ["milestones.errors.parcelTaken"] });
    }
    if (data.submit && !data.confirmOrder) {
      const warnings = orderWarnings({
        stage: data.stage,
        actualDate: data.actualDate,
        signingDate: project.signingDate,
        projectStage: project.stage,
        others: existing.map((m) => ({ stage: m.stage as (typeof MILESTONE_STAGES)[number], actualDate: m.actualDate, reviewStatus: m.reviewStatus })),
      });
      if (warnings.length) throw new OrderNotConfirmedError(warnings);
    }
    const facts = REPORT_FACTS[data.stage];
    const values = {
      actualDate: data.actualDate,
      companyName: facts.includes("companyName") ? data.companyName : null,
      companyUscc: facts.includes("companyUscc") ? data.companyUscc : null,
      parcelId: facts.includes("parcelId") ? data.parcelId : null,
      note: data.note,
      reviewStatus: data.submit ? ("pending" as const) : ("draft" as const),
      submittedAt: data.submit ? new Date() : null,
      submittedById: data.submit ? viewer.id : null,
    };
    let after: Milestone;
    if (before) {
      [after] = (await tx
        .update(milestones)
        .set({ ...values, version: sql`${milestones.version} + 1` })
        .where(eq(milestones.id, before.id))
        .returning()) as [Milestone];
      await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "milestone", entityId: before.id, ...diffRows(before, after), ip: ctx.ip });
    } else {
      [after] = (await tx.insert(milestones).values({ projectId, stage: data.stage, ...values }).returning()) as [Milestone];
      await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "milestone", entityId: after.id, after, ip: ctx.ip });
    }
    return after;
  });
}

/**
 * Approves or returns a submitted report. Only a manager of a unit above the project's unit,
 * or an admin, and never the person who submitted it. Approval moves the project forward to the
 * report's stage with a stage event; a land report's parcel is matched to the project if free.
 */
export async function reviewReport(db: Db, viewer: Viewer, milestoneId: string, input: unknown, ctx: Ctx = {}) {
  const data = parseOrThrow(reviewSchema, input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(milestones).where(eq(milestones.id, milestoneId)).for("update");
    if (!before) throw new NotFoundError();
    const scope = await scopeOf(tx, viewer);
    const [project] = await tx
      .select()
      .from(projects)
      .where(and(eq(projects.id, before.projectId), visibleProjects(scope)))
      .for("update");
    if (!project) throw new NotFoundError();
    const ancestors = viewer.role === "manager" ? await unitAncestors(tx, project.unitId) : [];
    if (!mayReview(viewer, { ancestors, submittedById: before.submittedById })) {
      throw new ValidationError({ _form: ["milestones.errors.mayNotReview"] }, before.submittedById === viewer.id ? "milestones.errors.ownReport" : "milestones.errors.mayNotReview");
    }
    if (before.version !== data.version) throw new ConflictError(before);
    if (before.reviewStatus !== "pending") throw new ValidationError({ _form: ["milestones.errors.notPending"] }, "milestones.errors.notPending");

    const approve = data.decision === "approve";
    const [after] = await tx
      .update(milestones)
      .set({
        reviewStatus: approve ? "approved" : "rejected",
        reviewedAt: new Date(),
        reviewedById: viewer.id,
        reviewComment: data.comment,
        version: sql`${milestones.version} + 1`,
      })
      .where(eq(milestones.id, milestoneId))
      .returning();
    await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "milestone", entityId: milestoneId, ...diffRows(before, after!), ip: ctx.ip });

    if (approve) {
      const stage = stageAfterApproval(project.stage, before.stage as (typeof MILESTONE_STAGES)[number]);
      if (stage !== project.stage) {
        const [moved] = await tx
          .update(projects)
          .set({ stage, stageChangedAt: new Date(), version: sql`${projects.version} + 1` })
          .where(eq(projects.id, project.id))
          .returning();
        await tx.insert(stageEvents).values({
          projectId: project.id,
          fromStage: project.stage,
          toStage: stage,
          fromStatus: project.status,
          toStatus: project.status,
          note: data.comment,
          actorId: viewer.id,
        });
        await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "project", entityId: project.id, ...diffRows({ stage: project.stage }, { stage: moved!.stage }), ip: ctx.ip });
      }
      // Service items counted from the land date (用地一件事) get their due dates now.
      if (before.stage === "land_secured" && before.actualDate) await fillLandDueDates(tx, project.id, before.actualDate, viewer.id, ctx);
      if (before.parcelId) {
        const [parcel] = await tx
          .update(parcels)
          .set({ projectId: project.id, version: sql`${parcels.version} + 1` })
          .where(and(eq(parcels.id, before.parcelId), isNull(parcels.projectId)))
          .returning({ id: parcels.id });
        if (parcel) {
          await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "parcel", entityId: parcel.id, before: { projectId: null }, after: { projectId: project.id }, ip: ctx.ip });
        }
      }
    }
    return after!;
  });
}

export type BulkApproveResult = { id: string; ok: true; stage: string } | { id: string; ok: false; code: string; message: string };

/**
 * 批量通过 on 待审核: approves each chosen report on its own, exactly as one by one — its own
 * transaction, checks (scope, reviewer, never one's own, the version seen, still pending) and
 * audit rows — so one refused report leaves the others approved. Returns a result per report,
 * in the order given (a project's 注册 before its 供地, as the queue lists them).
 */
export async function approveReports(db: Db, viewer: Viewer, input: unknown, ctx: Ctx = {}): Promise<BulkApproveResult[]> {
  const { reports } = parseOrThrow(bulkApproveSchema, input);
  const results: BulkApproveResult[] = [];
  for (const { id, version } of new Map(reports.map((r) => [r.id, r])).values()) {
    try {
      const approved = await reviewReport(db, viewer, id, { decision: "approve", comment: "", version }, ctx);
      results.push({ id, ok: true, stage: approved.stage });
    } catch (caught) {
      const e = asAppError(caught);
      if (!(e instanceof AppError)) throw e;
      results.push({ id, ok: false, code: e.code, message: e.message });
    }
  }
  return results;
}

/** Sets the planned dates of a signed project's milestones (履约 is measured against them). */
export async function setMilestonePlan(db: Db, viewer: Viewer, projectId: string, input: unknown, ctx: Ctx = {}) {
  const data = parseOrThrow(planSchema, input);
  return db.transaction(async (tx) => {
    await lockSignedProject(tx, viewer, projectId);
    const existing = await tx.select().from(milestones).where(eq(milestones.projectId, projectId)).for("update");
    const stale = MILESTONE_STAGES.filter((s) => (existing.find((m) => m.stage === s)?.version ?? 0) !== data.versions[s]);
    if (stale.length) throw new ConflictError(Object.fromEntries(existing.map((m) => [m.stage, m.plannedDate])));
    for (const stage of MILESTONE_STAGES) {
      const planned = data.dates[stage];
      const before = existing.find((m) => m.stage === stage);
      if ((before?.plannedDate ?? null) === planned) continue;
      if (before) {
        const [after] = await tx
          .update(milestones)
          .set({ plannedDate: planned, version: sql`${milestones.version} + 1` })
          .where(eq(milestones.id, before.id))
          .returning();
        await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "milestone", entityId: before.id, ...diffRows(before, after!), ip: ctx.ip });
      } else {
        const [created] = await tx.insert(milestones).values({ projectId, stage, plannedDate: planned }).returning();
        await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "milestone", entityId: created!.id, after: created, ip: ctx.ip });
      }
    }
  });
}

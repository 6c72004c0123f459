import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { activities, enterprises, events, projects, signings, stageEvents, tasks, users, type Project } from "@/db/schema";
import { diffRows, writeAudit } from "@/lib/audit";
import { scopeIncludesUnit, scopeOf, type Scope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { visibleEnterprises } from "@/lib/enterprises/scope";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { yiToYuan } from "@/lib/money";
import { checkSigningReferences, signingColumns } from "@/lib/signings/service";
import { signingFactsSchema } from "@/lib/signings/validation";
import { parseOrThrow, parseVersionedSave } from "@/lib/validation";
import { visibleProjects } from "./queries";
import { checkTransition } from "./stages";
import { activitySchema, projectFormValues, projectSchema, stageChangeSchema, taskSchema, updateProjectSchema, type ProjectValues } from "./validation";

type Ctx = { ip?: string | null };

/** The project row, locked for the change, if the viewer may see (and so change) it. */
async function lockVisibleProject(tx: Tx, scope: Scope, id: string): Promise<Project> {
  const [row] = await tx
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), visibleProjects(scope)))
    .for("update");
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * Who may own a project of which unit: the unit must be in the viewer's scope, and the owner
 * an active user of a unit in that scope (staff: their own unit).
 */
async function checkAssignment(db: DbOrTx, scope: Scope, data: ProjectValues) {
  const fields: Record<string, string[]> = {};
  if (!scopeIncludesUnit(scope, data.unitId)) fields.unitId = ["projects.errors.unitOutOfScope"];
  const [owner] = await db.select({ unitId: users.unitId, active: users.active }).from(users).where(eq(users.id, data.ownerId));
  if (!owner || !owner.active || !scopeIncludesUnit(scope, owner.unitId)) fields.ownerId = ["projects.errors.ownerOutOfScope"];
  const [enterprise] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.id, data.enterpriseId), visibleEnterprises(scope)));
  if (!enterprise) fields.enterpriseId = ["projects.errors.enterpriseRequired"];
  if (data.sourceEventId) {
    const [event] = await db.select({ id: events.id }).from(events).where(and(eq(events.id, data.sourceEventId), isNull(events.archivedAt)));
    if (!event) fields.sourceEventId = ["projects.errors.sourceEvent"];
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
}

function toColumns(data: ProjectValues) {
  const { totalInvestmentYi, ...rest } = data;
  return { ...rest, totalInvestment: yiToYuan(totalInvestmentYi)! };
}

export async function createProject(db: Db, viewer: Viewer, input: unknown, ctx: Ctx = {}) {
  const data = parseOrThrow(projectSchema, input);
  const scope = await scopeOf(db, viewer);
  await checkAssignment(db, scope, data);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(projects)
      .values({ ...toColumns(data), createdById: viewer.id })
      .returning();
    await tx.insert(stageEvents).values({ projectId: created!.id, toStage: created!.stage, toStatus: created!.status, actorId: viewer.id, note: "" });
    await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "project", entityId: created!.id, after: created, ip: ctx.ip });
    return created!;
  });
}

/**
 * Saves the fields the user changed (a form sends only those; a PATCH the ones it names);
 * refused (nothing written) when someone saved a newer version first.
 */
export async function updateProject(db: Db, viewer: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const before = await lockVisibleProject(tx, scope, id);
    // Only the fields sent (those the user changed) are written; the rest stay as they are now.
    const { version: _version, ...data } = parseVersionedSave(updateProjectSchema, projectFormValues(before), input);
    await checkAssignment(tx, scope, data);
    const [after] = await tx
      .update(projects)
      .set({ ...toColumns(data), version: sql`${projects.version} + 1` })
      .where(eq(projects.id, id))
      .returning();
    const changes = diffRows(before, after!);
    if (Object.keys(changes.after).length) {
      await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "project", entityId: id, ...changes, ip: ctx.ip });
    }
    return after!;
  });
}

/**
 * Moves a project to another stage and/or status by the pipeline's rules. The row, the
 * stage event, the signing facts (when first signed) and the audit row land together.
 */
export async function changeStage(db: Db, viewer: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const before = await lockVisibleProject(tx, scope, id);
    const [signing] = await tx.select({ projectId: signings.projectId }).from(signings).where(eq(signings.projectId, id));
    const from = { stage: before.stage, status: before.status, hasSigning: Boolean(signing) };
    const data = parseOrThrow(stageChangeSchema(from), input);
    if (before.version !== data.version) throw new ConflictError(before);
    const result = checkTransition(from, { stage: data.toStage, status: data.toStatus });
    const needs = "needs" in result ? result.needs : [];

    // The leader is typed in the dialog prefilled with the current one; an empty field leaves it.
    let responsibleLeader = before.responsibleLeader;
    if (needs.includes("signing")) {
      const facts = parseOrThrow(signingFactsSchema, data);
      await checkSigningReferences(tx, facts);
      await tx.insert(signings).values({ projectId: id, ...signingColumns(facts) });
      if (facts.responsibleLeader) responsibleLeader = facts.responsibleLeader;
    }
    const [after] = await tx
      .update(projects)
      .set({
        responsibleLeader,
        stage: data.toStage,
        status: data.toStatus,
        statusReason: data.toStatus === "active" ? "" : data.reason,
        stageChangedAt: new Date(),
        version: sql`${projects.version} + 1`,
      })
      .where(eq(projects.id, id))
      .returning();
    await tx.insert(stageEvents).values({
      projectId: id,
      fromStage: before.stage,
      toStage: data.toStage,
      fromStatus: before.status,
      toStatus: data.toStatus,
      note: data.reason,
      actorId: viewer.id,
    });
    const changes = diffRows(
      { stage: before.stage, status: before.status, statusReason: before.statusReason, responsibleLeader: before.responsibleLeader },
      { stage: after!.stage, status: after!.status, statusReason: after!.statusReason, responsibleLeader: after!.responsibleLeader },
    );
    await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "project", entityId: id, ...changes, ip: ctx.ip });
    return after!;
  });
}

export async function addActivity(db: Db, viewer: Viewer, projectId: string, input: unknown, ctx: Ctx = {}) {
  const data = parseOrThrow(activitySchema, input);
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    await lockVisibleProject(tx, scope, projectId);
    const [created] = await tx.insert(activities).values({ ...data, projectId, createdById: viewer.id }).returning();
    // The newest activity date, so "no activity for N days" is a cheap indexed read.
    await tx
      .update(projects)
      .set({ lastActivityAt: sql`greatest(coalesce(${projects.lastActivityAt}, '-infinity'), ${data.occurredOn}::date::timestamptz)` })
      .where(eq(projects.id, projectId));
    await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "activity", entityId: created!.id, after: created, ip: ctx.ip });
    return created!;
  });
}

/** A task on a project, for anyone who may see the project; the assignee must be in the viewer's scope. */
export async function addTask(db: Db, viewer: Viewer, projectId: string, input: unknown, ctx: Ctx = {}) {
  const data = parseOrThrow(taskSchema, input);
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const project = await lockVisibleProject(tx, scope, projectId);
    const [assignee] = await tx.select({ unitId: users.unitId, active: users.active }).from(users).where(eq(users.id, data.assigneeId));
    // Staff may hand a task to anyone in the project's unit; managers and admins within their scope.
    const allowed = assignee?.active && (scopeIncludesUnit(scope, assignee.unitId) || assignee.unitId === project.unitId);
    if (!allowed) throw new ValidationError({ assigneeId: ["projects.errors.assigneeOutOfScope"] });
    const [created] = await tx.insert(tasks).values({ ...data, projectId, createdById: viewer.id }).returning();
    await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "task", entityId: created!.id, after: created, ip: ctx.ip });
    return created!;
  });
}

/** Marks a task done (or open again). The assignee, and anyone who may see its project, may. */
export async function setTaskDone(db: Db, viewer: Viewer, taskId: string, done: boolean, ctx: Ctx = {}) {
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, taskId)).for("update");
    if (!task) throw new NotFoundError();
    if (task.assigneeId !== viewer.id) {
      const visible = task.projectId
        ? await tx
            .select({ id: projects.id })
            .from(projects)
            .where(and(eq(projects.id, task.projectId), visibleProjects(scope)))
        : [];
      if (!visible.length) throw new NotFoundError();
    }
    const [after] = await tx
      .update(tasks)
      .set({ status: done ? "done" : "open", completedAt: done ? new Date() : null, version: sql`${tasks.version} + 1` })
      .where(eq(tasks.id, taskId))
      .returning();
    await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "task", entityId: taskId, ...diffRows(task, after!), ip: ctx.ip });
    return after!;
  });
}

/** Users a viewer may choose as owner or assignee: active users of the units in their scope. */
export async function assignableUsers(db: DbOrTx, viewer: Viewer) {
  const scope = await scopeOf(db, viewer);
  const where = scope.all ? eq(users.active, true) : and(eq(users.active, true), inArray(users.unitId, scope.unitIds));
  return db.select({ id: users.id, displayName: users.displayName, unitId: users.unitId }).from(users).where(where).orderBy(users.displayName);
}

import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { enterprises, gridOfficers, grids, holidays, serviceRequests, users, type ServiceRequest } from "@/db/schema";
import { diffRows, writeAudit } from "@/lib/audit";
import { scopeIncludesUnit, scopeOf, type Scope } from "@/lib/auth/scope";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { visibleEnterprises } from "@/lib/enterprises/scope";
import { ConflictError, ForbiddenError, isUniqueViolation, NotFoundError, ValidationError } from "@/lib/errors";
import { dateString, parseOrThrow } from "@/lib/validation";
import { canManageGrid, isGridOfficer, visibleGrids } from "./scope";
import { gridSchema, holidaySchema, NEXT_STEP, requestSchema, stepSchema, updateGridSchema, type GridValues } from "./validation";

type Ctx = { ip?: string | null };

const CODE_UNIQUE = "grids_code_unique";
const codeTaken = () => new ValidationError({ code: ["grids.errors.codeTaken"] });

function assertId(id: string) {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
}

/** The grid, locked for the change, if the viewer may see it; with what they may do. */
async function lockVisibleGrid(tx: Tx, viewer: Viewer, scope: Scope, id: string, lock: "update" | "key share" = "update") {
  assertId(id);
  const [grid] = await tx
    .select()
    .from(grids)
    .where(and(eq(grids.id, id), visibleGrids(scope, viewer.id)))
    .for(lock);
  if (!grid) throw new NotFoundError();
  const canManage = canManageGrid(viewer, scope, grid.unitId);
  return { grid, canManage, canHandle: canManage || (await isGridOfficer(tx, id, viewer.id)) };
}

/**
 * A grid's unit must be in the manager's scope; its officers active users the manager may
 * choose (admins: anyone active), or people already serving on the grid (`keep`).
 */
async function checkGrid(db: DbOrTx, scope: Scope, data: GridValues, keep: string[] = []) {
  const fields: Record<string, string[]> = {};
  if (!scopeIncludesUnit(scope, data.unitId)) fields.unitId = ["grids.errors.unitOutOfScope"];
  const ids = data.officers.map((o) => o.userId);
  if (ids.length) {
    const people = await db.select({ id: users.id, unitId: users.unitId, active: users.active }).from(users).where(inArray(users.id, ids));
    const allowed = new Set(people.filter((p) => p.active && (scopeIncludesUnit(scope, p.unitId) || keep.includes(p.id))).map((p) => p.id));
    data.officers.forEach((o, i) => {
      if (!allowed.has(o.userId)) fields[`officers.${i}.userId`] = ["grids.errors.officerOutOfScope"];
    });
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
}

async function mappingCodeRace<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e, CODE_UNIQUE)) throw codeTaken();
    throw e;
  }
}

async function assertCodeFree(db: DbOrTx, code: string, exceptId?: string) {
  const [taken] = await db.select({ id: grids.id }).from(grids).where(eq(grids.code, code));
  if (taken && taken.id !== exceptId) throw codeTaken();
}

const officerList = (rows: { userId: string; role: string }[]) =>
  [...rows].sort((a, b) => (a.role === b.role ? a.userId.localeCompare(b.userId) : a.role === "lead" ? -1 : 1)).map((o) => ({ userId: o.userId, role: o.role }));

/** Creates a grid with its officers (managers and admins). */
export async function createGrid(db: Db, viewer: Viewer, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, "manager");
  const { officers, ...data } = parseOrThrow(gridSchema, input);
  const scope = await scopeOf(db, viewer);
  await checkGrid(db, scope, { ...data, officers });
  await assertCodeFree(db, data.code);
  return mappingCodeRace(() =>
    db.transaction(async (tx) => {
      const [created] = await tx.insert(grids).values(data).returning();
      if (officers.length) await tx.insert(gridOfficers).values(officers.map((o) => ({ gridId: created!.id, ...o })));
      await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "grid", entityId: created!.id, after: { ...created, officers: officerList(officers) }, ip: ctx.ip });
      return created!;
    }),
  );
}

/** Saves the grid form, officers included; refused (nothing written) over a newer version. */
export async function updateGrid(db: Db, viewer: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, "manager");
  const { version, officers, ...data } = parseOrThrow(updateGridSchema, input);
  assertId(id);
  const scope = await scopeOf(db, viewer);
  const serving = await db.select({ userId: gridOfficers.userId }).from(gridOfficers).where(eq(gridOfficers.gridId, id));
  await checkGrid(
    db,
    scope,
    { ...data, officers },
    serving.map((o) => o.userId),
  );
  return mappingCodeRace(() =>
    db.transaction(async (tx) => {
      const { grid: before, canManage } = await lockVisibleGrid(tx, viewer, scope, id);
      if (!canManage) throw new ForbiddenError();
      if (before.version !== version) throw new ConflictError(before);
      if (data.code !== before.code) await assertCodeFree(tx, data.code, id);
      const oldOfficers = await tx.select({ userId: gridOfficers.userId, role: gridOfficers.role }).from(gridOfficers).where(eq(gridOfficers.gridId, id));
      const [after] = await tx
        .update(grids)
        .set({ ...data, version: sql`${grids.version} + 1` })
        .where(eq(grids.id, id))
        .returning();
      await tx.delete(gridOfficers).where(eq(gridOfficers.gridId, id));
      if (officers.length) await tx.insert(gridOfficers).values(officers.map((o) => ({ gridId: id, ...o })));
      const changes = diffRows({ ...before, officers: officerList(oldOfficers) }, { ...after!, officers: officerList(officers) });
      if (Object.keys(changes.after).length) {
        await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "grid", entityId: id, ...changes, ip: ctx.ip });
      }
      return after!;
    }),
  );
}

const assignSchema = z.object({ enterpriseId: z.uuid({ error: "grids.errors.enterpriseRequired" }) });

/**
 * Puts an enterprise the manager may see into the grid. One already in another grid is
 * refused: it is moved out of that grid first, by whoever manages it.
 */
export async function assignEnterprise(db: Db, viewer: Viewer, gridId: string, input: unknown, ctx: Ctx = {}) {
  const { enterpriseId } = parseOrThrow(assignSchema, input);
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const { canManage } = await lockVisibleGrid(tx, viewer, scope, gridId, "key share");
    if (!canManage) throw new ForbiddenError();
    const [enterprise] = await tx
      .select({ id: enterprises.id, gridId: enterprises.gridId, name: enterprises.name })
      .from(enterprises)
      .where(and(eq(enterprises.id, enterpriseId), visibleEnterprises(scope)))
      .for("update", { of: enterprises });
    if (!enterprise) throw new ValidationError({ enterpriseId: ["grids.errors.enterpriseRequired"] });
    if (enterprise.gridId === gridId) return enterprise;
    if (enterprise.gridId) throw new ValidationError({ enterpriseId: ["grids.errors.inAnotherGrid"] });
    await tx.update(enterprises).set({ gridId }).where(eq(enterprises.id, enterpriseId));
    await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "enterprise", entityId: enterpriseId, before: { gridId: null }, after: { gridId }, ip: ctx.ip });
    return { ...enterprise, gridId };
  });
}

/** Takes an enterprise out of the grid (its past requests keep the grid they came in through). */
export async function unassignEnterprise(db: Db, viewer: Viewer, gridId: string, enterpriseId: string, ctx: Ctx = {}) {
  assertId(enterpriseId);
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const { canManage } = await lockVisibleGrid(tx, viewer, scope, gridId, "key share");
    if (!canManage) throw new ForbiddenError();
    const [enterprise] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eq(enterprises.id, enterpriseId), eq(enterprises.gridId, gridId)))
      .for("update");
    if (!enterprise) throw new NotFoundError();
    await tx.update(enterprises).set({ gridId: null }).where(eq(enterprises.id, enterpriseId));
    await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "enterprise", entityId: enterpriseId, before: { gridId }, after: { gridId: null }, ip: ctx.ip });
  });
}

/** Logs a request of one of the grid's enterprises (its officers, and managers above it). */
export async function createRequest(db: Db, viewer: Viewer, gridId: string, input: unknown, ctx: Ctx = {}) {
  const data = parseOrThrow(requestSchema, input);
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const { canHandle } = await lockVisibleGrid(tx, viewer, scope, gridId, "key share");
    if (!canHandle) throw new ForbiddenError();
    const [enterprise] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eq(enterprises.id, data.enterpriseId), eq(enterprises.gridId, gridId)));
    if (!enterprise) throw new ValidationError({ enterpriseId: ["grids.errors.enterpriseNotInGrid"] });
    const [created] = await tx
      .insert(serviceRequests)
      .values({
        enterpriseId: data.enterpriseId,
        gridId,
        category: data.category,
        title: data.title,
        description: data.description,
        receivedAt: data.receivedAt ?? new Date(),
        createdById: viewer.id,
      })
      .returning();
    await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "service_request", entityId: created!.id, after: created, ip: ctx.ip });
    return created!;
  });
}

const STEP_TIME: Record<"accept" | "reply" | "resolve", { previous: keyof ServiceRequest; own: "acceptedAt" | "repliedAt" | "resolvedAt" }> = {
  accept: { previous: "receivedAt", own: "acceptedAt" },
  reply: { previous: "acceptedAt", own: "repliedAt" },
  resolve: { previous: "repliedAt", own: "resolvedAt" },
};

/**
 * Moves a request through its next step — accept (with its handler), reply (with the reply),
 * resolve (with the resolution) — stamped now or at a past time typed for a record entered
 * after the fact: never in the future, never before the step before. Steps go in order; a
 * request someone else moved meanwhile is refused as stale.
 */
export async function advanceRequest(db: Db, viewer: Viewer, gridId: string, requestId: string, input: unknown, ctx: Ctx = {}) {
  const data = parseOrThrow(stepSchema, input);
  assertId(requestId);
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const { canHandle } = await lockVisibleGrid(tx, viewer, scope, gridId, "key share");
    const [before] = await tx
      .select()
      .from(serviceRequests)
      .where(and(eq(serviceRequests.id, requestId), eq(serviceRequests.gridId, gridId)))
      .for("update");
    if (!before) throw new NotFoundError();
    if (!canHandle) throw new ForbiddenError();
    if (before.version !== data.version) throw new ConflictError(before);
    const next = NEXT_STEP[before.status];
    if (!next || next.step !== data.step) throw new ValidationError({ step: ["grids.errors.stepOrder"] });

    let at = data.at ?? new Date();
    const previous = before[STEP_TIME[data.step].previous] as Date;
    if (at.getTime() < previous.getTime()) {
      // Times are typed to the minute: the same minute as the step before counts as just after it.
      const minute = (d: Date) => Math.floor(d.getTime() / 60_000);
      if (minute(at) !== minute(previous)) throw new ValidationError({ at: [`grids.errors.before.${data.step}`] });
      at = previous;
    }

    const set: Partial<ServiceRequest> = { status: next.to, [STEP_TIME[data.step].own]: at };
    if (data.step === "accept") {
      const allowed = data.handlerId === viewer.id || (await isGridOfficer(tx, gridId, data.handlerId));
      if (!allowed) throw new ValidationError({ handlerId: ["grids.errors.handlerNotOfficer"] });
      set.handlerId = data.handlerId;
    }
    if (data.step === "reply") set.reply = data.reply;
    if (data.step === "resolve") set.resolution = data.resolution;
    const [after] = await tx
      .update(serviceRequests)
      .set({ ...set, version: sql`${serviceRequests.version} + 1` })
      .where(eq(serviceRequests.id, requestId))
      .returning();
    await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "service_request", entityId: requestId, ...diffRows(before, after!), ip: ctx.ip });
    return after!;
  });
}

const removeHolidaySchema = z.object({ day: dateString });

/** Adds a day off or a 调休 make-up working day (admins). */
export async function addHoliday(db: Db, viewer: Viewer, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, "admin");
  const data = parseOrThrow(holidaySchema, input);
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(holidays).values(data).onConflictDoNothing().returning();
    if (!created) throw new ValidationError({ day: ["grids.errors.dayTaken"] });
    await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "holiday", entityId: created.day, after: created, ip: ctx.ip });
    return created;
  });
}

/**
 * Removes a holiday row. The table is configuration without an archive flag, so the row
 * goes; the audit row keeps all of it.
 */
export async function removeHoliday(db: Db, viewer: Viewer, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, "admin");
  const { day } = parseOrThrow(removeHolidaySchema, input);
  return db.transaction(async (tx) => {
    const [removed] = await tx.delete(holidays).where(eq(holidays.day, day)).returning();
    if (!removed) throw new NotFoundError();
    await writeAudit(tx, { actorId: viewer.id, action: "delete", entityType: "holiday", entityId: day, before: removed, ip: ctx.ip });
    return removed;
  });
}


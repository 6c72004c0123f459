import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { eventProjects, events, projects, units, type Event } from "@/db/schema";
import { diffRows, writeAudit } from "@/lib/audit";
import { scopeIncludesUnit, scopeOf, type Scope } from "@/lib/auth/scope";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { visibleProjects } from "@/lib/projects/queries";
import { parseOrThrow, parseVersionedSave } from "@/lib/validation";
import { eventFormValues, eventProjectSchema, eventSchema, updateEventSchema, type EventValues } from "./validation";

type Ctx = { ip?: string | null };

function assertId(id: string) {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
}

/**
 * Who may change an event's facts: admins any; managers those hosted by a unit of their
 * subtree (or by no unit). Everyone may read events.
 */
export function mayEditEvent(viewer: Viewer, scope: Scope, event: Pick<Event, "hostUnitId">): boolean {
  if (viewer.role === "admin") return true;
  if (viewer.role !== "manager") return false;
  return event.hostUnitId === null || scopeIncludesUnit(scope, event.hostUnitId);
}

/** A host unit must exist and, for a manager, be one of their own units. */
async function checkHost(tx: Tx, scope: Scope, data: EventValues) {
  if (!data.hostUnitId) return;
  const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.id, data.hostUnitId));
  if (!unit || !scopeIncludesUnit(scope, unit.id)) throw new ValidationError({ hostUnitId: ["events.errors.hostOutOfScope"] });
}

async function lockEvent(tx: Tx, id: string): Promise<Event> {
  assertId(id);
  const [row] = await tx
    .select()
    .from(events)
    .where(and(eq(events.id, id), isNull(events.archivedAt)))
    .for("update");
  if (!row) throw new NotFoundError();
  return row;
}

export async function createEvent(db: Db, viewer: Viewer, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, "manager");
  const data = parseOrThrow(eventSchema, input);
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    await checkHost(tx, scope, data);
    const [created] = await tx.insert(events).values(data).returning();
    await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "event", entityId: created!.id, after: created, ip: ctx.ip });
    return created!;
  });
}

/** Saves the form; refused (nothing written) when someone saved a newer version first. */
export async function updateEvent(db: Db, viewer: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, "manager");
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const before = await lockEvent(tx, id);
    if (!mayEditEvent(viewer, scope, before)) throw new ForbiddenError();
    // Only the fields sent (those the user changed) are written; the rest stay as they are now.
    const { version: _version, ...data } = parseVersionedSave(updateEventSchema, eventFormValues(before), input);
    await checkHost(tx, scope, data);
    const [after] = await tx
      .update(events)
      .set({ ...data, version: sql`${events.version} + 1` })
      .where(eq(events.id, id))
      .returning();
    const changes = diffRows(before, after!);
    if (Object.keys(changes.after).length) {
      await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "event", entityId: id, ...changes, ip: ctx.ip });
    }
    return after!;
  });
}

/** The project, if the viewer may see it: linking is limited to one's own visible projects. */
async function visibleProject(tx: Tx, scope: Scope, projectId: string) {
  const [row] = await tx
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(and(eq(projects.id, projectId), visibleProjects(scope)));
  return row ?? null;
}

/** Records that a project was met (pitched, negotiated) at the event. Managers and admins, for projects they can see. */
export async function addEventProject(db: Db, viewer: Viewer, eventId: string, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, "manager");
  const { projectId } = parseOrThrow(eventProjectSchema, input);
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const project = await visibleProject(tx, scope, projectId);
    if (!project) throw new ValidationError({ projectId: ["events.errors.projectRequired"] });
    const [created] = await tx.insert(eventProjects).values({ eventId, projectId }).onConflictDoNothing().returning();
    if (!created) throw new ValidationError({ projectId: ["events.errors.alreadyLinked"] });
    await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "event_project", entityId: `${eventId}/${projectId}`, after: { eventId, projectId, projectName: project.name }, ip: ctx.ip });
    return created;
  });
}

/** Takes a met project off the event. Managers and admins, for projects they can see (another unit's stay). */
export async function removeEventProject(db: Db, viewer: Viewer, eventId: string, projectId: string, ctx: Ctx = {}) {
  assertRole(viewer, "manager");
  assertId(projectId);
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const project = await visibleProject(tx, scope, projectId);
    if (!project) throw new NotFoundError();
    const [removed] = await tx
      .delete(eventProjects)
      .where(and(eq(eventProjects.eventId, eventId), eq(eventProjects.projectId, projectId)))
      .returning();
    if (!removed) throw new NotFoundError();
    await writeAudit(tx, { actorId: viewer.id, action: "delete", entityType: "event_project", entityId: `${eventId}/${projectId}`, before: { eventId, projectId, projectName: project.name }, ip: ctx.ip });
  });
}

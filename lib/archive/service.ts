/**
 * Archive (归档) and restore. "删除" in the UI never deletes: the record gets `archived_at`, and
 * every read (visibleProjects, visibleEnterprises, the contact, parcel and event queries) leaves it out,
 * so it is hidden everywhere while kept in the database. An admin sees archived records
 * (/admin/archive) and restores them. ARCHIVE_PURGE_DAYS lets `npm run archive:purge` delete
 * archives older than N days. Every archive, restore and purge is an audit row written in the
 * same transaction.
 */
import { and, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { contacts, enterprises, events, parcels, projects, serviceRequests } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { scopeOf } from "@/lib/auth/scope";
import { visibleEnterprises } from "@/lib/enterprises/scope";
import { mayEditEvent } from "@/lib/events/service";
import { AppError, ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { visibleProjects } from "@/lib/projects/queries";
import { parseOrThrow } from "@/lib/validation";
import { archiveSchema, type ArchiveType } from "./validation";

type Ctx = { ip?: string | null };

/** An enterprise that still has projects (not archived) is not archived: archive its projects first. */
export class EnterpriseHasProjectsError extends AppError {
  constructor(readonly projectCount: number) {
    super(409, "has_projects", "archive.errors.enterpriseHasProjects");
  }
}

function assertId(id: string) {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
}

const TABLES = { project: projects, enterprise: enterprises, contact: contacts, parcel: parcels, event: events } as const;

/**
 * What an audit row says about an archived record: its name (the parcel's code), and for a
 * contact its enterprise's id too, by which the enterprise's history finds the entry.
 */
function label(type: ArchiveType, row: Record<string, unknown>): Record<string, unknown> {
  if (type === "contact") return { name: row.name, enterpriseId: row.enterpriseId };
  return { name: String(type === "parcel" ? row.code : row.name) };
}

async function markArchived(tx: Tx, viewer: Viewer, type: ArchiveType, row: { id: string; version: number } & Record<string, unknown>, ctx: Ctx) {
  const table = TABLES[type];
  const now = new Date();
  const [after] = await tx
    .update(table)
    .set({ archivedAt: now, archivedById: viewer.id, version: sql`${table.version} + 1` })
    .where(eq(table.id, row.id))
    .returning({ id: table.id, archivedAt: table.archivedAt, version: table.version });
  await writeAudit(tx, {
    actorId: viewer.id,
    action: "archive",
    entityType: type,
    entityId: row.id,
    before: { ...label(type, row), archivedAt: null },
    after: { ...label(type, row), archivedAt: after!.archivedAt },
    ip: ctx.ip,
  });
  return after!;
}

/** Archives a project the viewer may change (it is in their scope). Its signing, milestones and checklists go with it. */
export async function archiveProject(db: Db, viewer: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertId(id);
  const { version } = parseOrThrow(archiveSchema, input);
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(projects)
      .where(and(eq(projects.id, id), visibleProjects(scope)))
      .for("update");
    if (!row) throw new NotFoundError();
    if (row.version !== version) throw new ConflictError(row);
    return markArchived(tx, viewer, "project", row, ctx);
  });
}

/**
 * Archives an enterprise the viewer may change — refused while it has projects that are not
 * archived (any unit's: an investor behind live projects must stay), so nothing visible is
 * left pointing at a hidden investor.
 */
export async function archiveEnterprise(db: Db, viewer: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertId(id);
  const { version } = parseOrThrow(archiveSchema, input);
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(enterprises)
      .where(and(eq(enterprises.id, id), visibleEnterprises(scope)))
      .for("update", { of: enterprises });
    if (!row) throw new NotFoundError();
    if (row.version !== version) throw new ConflictError(row);
    // A shared lock on the projects: none can be created or restored under the archive.
    const live = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.enterpriseId, id), isNull(projects.archivedAt)))
      .for("key share");
    if (live.length) throw new EnterpriseHasProjectsError(live.length);
    return markArchived(tx, viewer, "enterprise", row, ctx);
  });
}

/**
 * Archives a contact of an enterprise the viewer may change (the enterprise is in their scope,
 * as for editing the contact). Its enterprise's page and its projects' pages no longer show it.
 */
export async function archiveContact(db: Db, viewer: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertId(id);
  const { version } = parseOrThrow(archiveSchema, input);
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ contact: contacts })
      .from(contacts)
      .innerJoin(enterprises, eq(enterprises.id, contacts.enterpriseId))
      .where(and(eq(contacts.id, id), isNull(contacts.archivedAt), visibleEnterprises(scope)))
      .for("update", { of: contacts });
    if (!found) throw new NotFoundError();
    const row = found.contact;
    if (row.version !== version) throw new ConflictError(row);
    return { ...(await markArchived(tx, viewer, "contact", row, ctx)), enterpriseId: row.enterpriseId };
  });
}

/** Archives a parcel (managers and admins, who keep parcels). A project matched to it keeps the link, hidden. */
export async function archiveParcel(db: Db, viewer: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, "manager");
  assertId(id);
  const { version } = parseOrThrow(archiveSchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(parcels)
      .where(and(eq(parcels.id, id), isNull(parcels.archivedAt)))
      .for("update");
    if (!row) throw new NotFoundError();
    if (row.version !== version) throw new ConflictError(row);
    return markArchived(tx, viewer, "parcel", row, ctx);
  });
}

/** Archives an event (whoever may edit it). Signings made there keep pointing at it, shown without it. */
export async function archiveEvent(db: Db, viewer: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, "manager");
  assertId(id);
  const { version } = parseOrThrow(archiveSchema, input);
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(events)
      .where(and(eq(events.id, id), isNull(events.archivedAt)))
      .for("update");
    if (!row) throw new NotFoundError();
    if (!mayEditEvent(viewer, scope, row)) throw new ForbiddenError();
    if (row.version !== version) throw new ConflictError(row);
    return markArchived(tx, viewer, "event", row, ctx);
  });
}

/** "删除" on a record's page: archives it by its type's rules. */
export function archiveRecord(db: Db, viewer: Viewer, type: ArchiveType, id: string, input: unknown, ctx: Ctx = {}) {
  switch (type) {
    case "project":
      return archiveProject(db, viewer, id, input, ctx);
    case "enterprise":
      return archiveEnterprise(db, viewer, id, input, ctx);
    case "contact":
      return archiveContact(db, viewer, id, input, ctx);
    case "parcel":
      return archiveParcel(db, viewer, id, input, ctx);
    case "event":
      return archiveEvent(db, viewer, id, input, ctx);
  }
}

async function unarchive(tx: Tx, viewer: Viewer, type: ArchiveType, id: string, ctx: Ctx) {
  const table = TABLES[type];
  const [row] = await tx
    .select()
    .from(table)
    .where(and(eq(table.id, id), isNotNull(table.archivedAt)))
    .for("update");
  if (!row) return null;
  const [after] = await tx
    .update(table)
    .set({ archivedAt: null, archivedById: null, version: sql`${table.version} + 1` })
    .where(eq(table.id, id))
    .returning({ id: table.id, version: table.version });
  await writeAudit(tx, {
    actorId: viewer.id,
    action: "restore",
    entityType: type,
    entityId: id,
    before: { ...label(type, row), archivedAt: row.archivedAt },
    after: { ...label(type, row), archivedAt: null },
    ip: ctx.ip,
  });
  return after!;
}

/**
 * Restores an archived record (admins only). A project whose investor was archived after it
 * brings the investor back too, so the restored project is whole; so does a contact whose
 * enterprise was archived, or it would come back to a page nobody can open.
 */
export async function restoreRecord(db: Db, viewer: Viewer, type: ArchiveType, id: string, ctx: Ctx = {}) {
  assertRole(viewer, "admin");
  assertId(id);
  return db.transaction(async (tx) => {
    const restored = await unarchive(tx, viewer, type, id, ctx);
    if (!restored) throw new NotFoundError();
    if (type === "project") {
      const [project] = await tx.select({ enterpriseId: projects.enterpriseId }).from(projects).where(eq(projects.id, id));
      await unarchive(tx, viewer, "enterprise", project!.enterpriseId, ctx);
    }
    if (type === "contact") {
      const [contact] = await tx.select({ enterpriseId: contacts.enterpriseId }).from(contacts).where(eq(contacts.id, id));
      await unarchive(tx, viewer, "enterprise", contact!.enterpriseId, ctx);
    }
    return restored;
  });
}

export type PurgeResult = { projects: number; enterprises: number; contacts: number; parcels: number; events: number; keptEnterprises: number };

/**
 * Deletes for good the records archived before `now - days`. Projects go first (with their
 * signings, milestones, activities, tasks and checklists, by the foreign keys' cascades), then
 * contacts, parcels and events (references to them become empty), then enterprises left without any
 * project or grid request — an enterprise still referenced stays archived and is counted in
 * `keptEnterprises`. One transaction; one audit row ("delete", with what the row was) each.
 */
export async function purgeArchives(db: Db, opts: { days: number; now?: Date; actorId?: string | null }): Promise<PurgeResult> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.days * 86_400_000);
  const actorId = opts.actorId ?? null;
  return db.transaction(async (tx) => {
    const result: PurgeResult = { projects: 0, enterprises: 0, contacts: 0, parcels: 0, events: 0, keptEnterprises: 0 };
    for (const type of ["project", "contact", "parcel", "event"] as const) {
      const table = TABLES[type];
      const gone = await tx.delete(table).where(lt(table.archivedAt, cutoff)).returning();
      for (const row of gone) await writeAudit(tx, { actorId, action: "delete", entityType: type, entityId: row.id, before: row });
      result[`${type}s`] = gone.length;
    }
    const old = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(lt(enterprises.archivedAt, cutoff))
      .for("update");
    if (old.length) {
      const ids = old.map((e) => e.id);
      const referenced = new Set([
        ...(await tx.select({ id: projects.enterpriseId }).from(projects).where(inArray(projects.enterpriseId, ids))).map((r) => r.id),
        ...(await tx.select({ id: serviceRequests.enterpriseId }).from(serviceRequests).where(inArray(serviceRequests.enterpriseId, ids))).map((r) => r.id),
      ]);
      const free = ids.filter((id) => !referenced.has(id));
      result.keptEnterprises = ids.length - free.length;
      if (free.length) {
        const gone = await tx.delete(enterprises).where(inArray(enterprises.id, free)).returning();
        for (const row of gone) await writeAudit(tx, { actorId, action: "delete", entityType: "enterprise", entityId: row.id, before: row });
        result.enterprises = gone.length;
      }
    }
    return result;
  });
}

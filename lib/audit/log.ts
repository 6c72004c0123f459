/**
 * The audit log viewer (/admin/audit): every change, sign-in, export and import, filtered by
 * who, which record (type and id), what and when, newest first. Paged by keyset on (at, id),
 * so any page of a log with millions of rows is an index range read; every filter has an
 * index behind it (actor, record, time).
 */
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import {
  auditLog,
  checklistItems,
  contacts,
  enterprises,
  events,
  grids,
  industryChains,
  milestones,
  parcels,
  parks,
  projects,
  serviceRequests,
  tasks,
  units,
  users,
  workflowTemplates,
  zones,
} from "@/db/schema";
import { auditActionEnum } from "@/db/schema/enums";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { optionalFilterDate, text } from "@/lib/validation";

export const AUDIT_PAGE_SIZE = 50;

/** The filters in the URL; anything malformed is dropped. `before` is the cursor of the next (older) page. */
export const auditListSchema = z.object({
  actor: z.uuid().optional().catch(undefined),
  type: z
    .string()
    .trim()
    .regex(/^[a-z_]{1,40}$/)
    .optional()
    .catch(undefined),
  id: text().max(100).optional().catch(undefined),
  action: z.enum(auditActionEnum.enumValues).optional().catch(undefined),
  from: optionalFilterDate,
  to: optionalFilterDate,
  before: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?\|\d{1,19}$/)
    .optional()
    .catch(undefined),
});
export type AuditListParams = z.output<typeof auditListSchema>;

/** Day boundaries in China time, whatever the server's zone. */
const dayStart = (d: string) => sql`(${d}::date::timestamp at time zone 'Asia/Shanghai')`;

function conditions(p: AuditListParams): SQL[] {
  const where: SQL[] = [];
  if (p.actor) where.push(eq(auditLog.actorId, p.actor));
  if (p.type) where.push(eq(auditLog.entityType, p.type));
  if (p.id) where.push(eq(auditLog.entityId, p.id));
  if (p.action) where.push(eq(auditLog.action, p.action));
  if (p.from) where.push(gte(auditLog.at, dayStart(p.from)));
  if (p.to) where.push(lt(auditLog.at, sql`${dayStart(p.to)} + interval '1 day'`));
  if (p.before) {
    const [at, id] = p.before.split("|") as [string, string];
    where.push(sql`(${auditLog.at}, ${auditLog.id}) < (${at}::timestamptz, ${id}::bigint)`);
  }
  return where;
}

export async function listAudit(db: DbOrTx, viewer: Viewer, params: AuditListParams) {
  assertRole(viewer, "admin");
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      atText: sql<string>`${auditLog.at}::text`,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
      actorId: auditLog.actorId,
      actorName: users.displayName,
      actorUsername: users.username,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conditions(params)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const more = rows.length > AUDIT_PAGE_SIZE;
  const page = more ? rows.slice(0, AUDIT_PAGE_SIZE) : rows;
  const last = page[page.length - 1];
  return {
    rows: page.map(({ atText: _t, ...r }) => r),
    next: more && last ? `${last.atText}|${last.id}` : null,
  };
}
export type AuditRow = Awaited<ReturnType<typeof listAudit>>["rows"][number];

/**
 * The record types that occur in the log, for the filter: read off the (entity_type, …) index
 * one type at a time (a loose index scan), so it stays quick however long the log.
 */
export async function auditEntityTypes(db: DbOrTx): Promise<string[]> {
  const { rows } = await db.execute<{ t: string }>(sql`
    with recursive types as (
      (select entity_type as t from audit_log order by entity_type limit 1)
      union all
      select (select entity_type from audit_log where entity_type > types.t order by entity_type limit 1) from types where types.t is not null
    )
    select t from types where t is not null`);
  return rows.map((r) => r.t);
}

/** Everyone who can appear as the actor, for the filter. */
export async function auditActors(db: DbOrTx) {
  return db.select({ id: users.id, name: users.displayName, username: users.username }).from(users).orderBy(users.displayName);
}

/** Record pages the viewer can open from a log entry. */
export const RECORD_PATHS: Record<string, string> = {
  project: "/projects/",
  enterprise: "/enterprises/",
  parcel: "/parcels/",
  park: "/parks/",
  event: "/events/",
  user: "/admin/users/",
  unit: "/admin/units/",
  signing: "/projects/",
  project_land: "/projects/",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Names for the ids on a page of the log — the records it is about and the ids their fields hold
 * (owner, unit, investor, park, event …) — so an entry reads "招商专员 张华 → 李明" rather than
 * ids. Archived records are named too: the log is their history. One query per table.
 */
export async function auditNames(db: DbOrTx, rows: (Pick<AuditRow, "before" | "after"> & { entityId?: string | null })[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const r of rows) {
    if (r.entityId && UUID.test(r.entityId)) ids.add(r.entityId);
    for (const side of [r.before, r.after]) {
      for (const [k, v] of Object.entries(side ?? {})) if (k.endsWith("Id") && typeof v === "string" && UUID.test(v)) ids.add(v);
    }
  }
  if (!ids.size) return new Map();
  const list = [...ids];
  const tables = [
    db.select({ id: projects.id, name: projects.name }).from(projects).where(inArray(projects.id, list)),
    db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, list)),
    db.select({ id: parcels.id, name: parcels.code }).from(parcels).where(inArray(parcels.id, list)),
    db.select({ id: parks.id, name: parks.name }).from(parks).where(inArray(parks.id, list)),
    db.select({ id: events.id, name: events.name }).from(events).where(inArray(events.id, list)),
    db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list)),
    db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, list)),
    db.select({ id: industryChains.id, name: industryChains.name }).from(industryChains).where(inArray(industryChains.id, list)),
    // A stage report is named by its project.
    db.select({ id: milestones.id, name: projects.name }).from(milestones).innerJoin(projects, eq(projects.id, milestones.projectId)).where(inArray(milestones.id, list)),
    db.select({ id: tasks.id, name: tasks.title }).from(tasks).where(inArray(tasks.id, list)),
    db.select({ id: zones.id, name: zones.name }).from(zones).where(inArray(zones.id, list)),
    db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(inArray(contacts.id, list)),
    db.select({ id: grids.id, name: grids.name }).from(grids).where(inArray(grids.id, list)),
    db.select({ id: serviceRequests.id, name: serviceRequests.title }).from(serviceRequests).where(inArray(serviceRequests.id, list)),
    db.select({ id: checklistItems.id, name: checklistItems.title }).from(checklistItems).where(inArray(checklistItems.id, list)),
    db.select({ id: workflowTemplates.id, name: workflowTemplates.name }).from(workflowTemplates).where(inArray(workflowTemplates.id, list)),
  ];
  const found = (await Promise.all(tables)).flat();
  return new Map(found.map((r) => [r.id, r.name]));
}

/** Fields every create repeats that the entry's own header already says (when, which record). */
export const QUIET_FIELDS = new Set(["id", "version", "createdAt", "updatedAt", "stageChangedAt"]);

/** The fields an entry changed, with their values before and after (a create has only after, a delete only before). */
export function fieldChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): { field: string; before: unknown; after: unknown }[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.map((field) => ({ field, before: before?.[field], after: after?.[field] }));
}

/** A value as the viewer reads it: text as is, anything else as compact JSON; missing as "". */
export function showValue(value: unknown): string {
  if (value === undefined) return "";
  if (value === null) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

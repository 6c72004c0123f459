import { and, asc, count, desc, eq, inArray, isNotNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { checklistItems, checklists, parks, projects, signings, templateItems, units, users, workflowTemplates, zones } from "@/db/schema";
import type { TemplateKind } from "@/db/schema/enums";
import { inScope, scopeOf, type Scope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { todayInChina } from "@/lib/i18n/format";

const owners = alias(users, "owner");

// ── Templates (reference data: everyone signed in may read them) ─────────────

export async function listTemplates(db: DbOrTx, opts: { kind?: TemplateKind; activeOnly?: boolean } = {}) {
  const where = and(opts.kind ? eq(workflowTemplates.kind, opts.kind) : undefined, opts.activeOnly ? eq(workflowTemplates.active, true) : undefined);
  return db
    .select({
      id: workflowTemplates.id,
      code: workflowTemplates.code,
      kind: workflowTemplates.kind,
      name: workflowTemplates.name,
      description: workflowTemplates.description,
      phases: workflowTemplates.phases,
      revision: workflowTemplates.revision,
      active: workflowTemplates.active,
      items: sql<number>`(select count(*)::int from ${templateItems} where ${templateItems.templateId} = ${workflowTemplates.id})`,
      checklists: sql<number>`(select count(*)::int from ${checklists} where ${checklists.templateId} = ${workflowTemplates.id})`,
    })
    .from(workflowTemplates)
    .where(where)
    .orderBy(asc(workflowTemplates.sortOrder), asc(workflowTemplates.name));
}

export async function getTemplate(db: DbOrTx, id: string) {
  const [template] = await db.select().from(workflowTemplates).where(eq(workflowTemplates.id, id));
  if (!template) return null;
  const items = await db.select().from(templateItems).where(eq(templateItems.templateId, id)).orderBy(asc(templateItems.sortOrder), asc(templateItems.createdAt));
  return { ...template, items };
}
export type TemplateDetail = NonNullable<Awaited<ReturnType<typeof getTemplate>>>;

// ── Checklists: who may see them ───────────────────────────────────────────────

/**
 * Checklists a viewer may see. A park's (or zone's): its responsible unit in the viewer's
 * scope, or the viewer owns it or one of its items. A project's: the project is visible to
 * the viewer, or the viewer is its 项目服务管家, owns the checklist or one of its items.
 */
export function visibleChecklists(scope: Scope, viewer: Pick<Viewer, "id">): SQL | undefined {
  if (scope.all) return undefined;
  const ownsSomething = or(
    eq(checklists.ownerId, viewer.id),
    sql`exists (select 1 from ${checklistItems} where ${checklistItems.checklistId} = ${checklists.id} and ${checklistItems.ownerId} = ${viewer.id})`,
  );
  const projectVisible = sql`exists (select 1 from ${projects} where ${projects.id} = ${checklists.projectId} and ${inScope(scope, projects.unitId, projects.ownerId)})`;
  const steward = sql`exists (select 1 from ${signings} where ${signings.projectId} = ${checklists.projectId} and ${signings.stewardId} = ${viewer.id})`;
  return or(
    and(sql`${checklists.projectId} is null`, or(inScope(scope, checklists.unitId), ownsSomething)),
    and(isNotNull(checklists.projectId), or(projectVisible, steward, ownsSomething)),
  );
}

/** Per checklist: item counts by status and overdue, in SQL. */
function progressColumns(today: string) {
  const item = (cond: SQL) => sql<number>`(select count(*)::int from ${checklistItems} where ${checklistItems.checklistId} = ${checklists.id} and ${cond})`;
  return {
    total: item(sql`true`),
    done: item(sql`${checklistItems.status} = 'done'`),
    inProgress: item(sql`${checklistItems.status} = 'in_progress'`),
    overdue: item(sql`${checklistItems.status} <> 'done' and ${checklistItems.dueDate} < ${today}`),
  };
}

const checklistColumns = (today: string) => ({
  id: checklists.id,
  name: checklists.name,
  kind: checklists.kind,
  templateId: checklists.templateId,
  templateRevision: checklists.templateRevision,
  phases: checklists.phases,
  parkId: checklists.parkId,
  parkName: parks.name,
  zoneId: checklists.zoneId,
  zoneName: zones.name,
  projectId: checklists.projectId,
  projectName: projects.name,
  unitId: checklists.unitId,
  unitName: units.name,
  ownerId: checklists.ownerId,
  ownerName: owners.displayName,
  startedOn: checklists.startedOn,
  version: checklists.version,
  ...progressColumns(today),
});

function checklistQuery(db: DbOrTx, today: string) {
  return db
    .select(checklistColumns(today))
    .from(checklists)
    .leftJoin(parks, eq(parks.id, checklists.parkId))
    .leftJoin(zones, eq(zones.id, checklists.zoneId))
    .leftJoin(projects, eq(projects.id, checklists.projectId))
    .innerJoin(units, eq(units.id, checklists.unitId))
    .leftJoin(owners, eq(owners.id, checklists.ownerId));
}
export type ChecklistSummary = Awaited<ReturnType<ReturnType<typeof checklistQuery>["execute"]>>[number];

/** The checklists of a park (and its zones) or of a project that the viewer may see, with their progress. */
export async function listChecklists(db: DbOrTx, viewer: Viewer, target: { parkId: string } | { projectId: string }, today = todayInChina()) {
  const scope = await scopeOf(db, viewer);
  const byTarget = "parkId" in target ? eq(checklists.parkId, target.parkId) : eq(checklists.projectId, target.projectId);
  return checklistQuery(db, today)
    .where(and(byTarget, visibleChecklists(scope, viewer)))
    .orderBy(asc(checklists.zoneId), asc(checklists.createdAt));
}

/** One checklist with its items, or null when it does not exist or the viewer may not see it. */
export async function getChecklist(db: DbOrTx, viewer: Viewer, id: string, today = todayInChina()) {
  const scope = await scopeOf(db, viewer);
  const [checklist] = await checklistQuery(db, today).where(and(eq(checklists.id, id), visibleChecklists(scope, viewer)));
  if (!checklist) return null;
  const itemOwners = alias(users, "item_owner");
  const items = await db
    .select({
      id: checklistItems.id,
      phase: checklistItems.phase,
      category: checklistItems.category,
      title: checklistItems.title,
      description: checklistItems.description,
      responsibleDepartment: checklistItems.responsibleDepartment,
      evidenceRequired: checklistItems.evidenceRequired,
      ownerId: checklistItems.ownerId,
      ownerName: itemOwners.displayName,
      status: checklistItems.status,
      dueDate: checklistItems.dueDate,
      dueOffsetDays: checklistItems.dueOffsetDays,
      dueAnchor: checklistItems.dueAnchor,
      completedOn: checklistItems.completedOn,
      progressNote: checklistItems.progressNote,
      evidence: checklistItems.evidence,
      version: checklistItems.version,
      updatedAt: checklistItems.updatedAt,
    })
    .from(checklistItems)
    .leftJoin(itemOwners, eq(itemOwners.id, checklistItems.ownerId))
    .where(eq(checklistItems.checklistId, id))
    .orderBy(asc(checklistItems.sortOrder));
  return { ...checklist, items };
}
export type ChecklistDetail = NonNullable<Awaited<ReturnType<typeof getChecklist>>>;
export type ChecklistItemRow = ChecklistDetail["items"][number];

/**
 * 服务管家工作台: the open items the viewer is answerable for — every open item of the projects
 * they are 项目服务管家 of, and any item they own — earliest due first (undated last).
 */
export async function stewardWorklist(db: DbOrTx, viewer: Viewer, opts: { limit?: number } = {}) {
  const today = todayInChina();
  const stewarded = sql`exists (select 1 from ${signings} where ${signings.projectId} = ${checklists.projectId} and ${signings.stewardId} = ${viewer.id})`;
  return db
    .select({
      id: checklistItems.id,
      title: checklistItems.title,
      phase: checklistItems.phase,
      category: checklistItems.category,
      responsibleDepartment: checklistItems.responsibleDepartment,
      status: checklistItems.status,
      dueDate: checklistItems.dueDate,
      evidenceRequired: checklistItems.evidenceRequired,
      evidence: checklistItems.evidence,
      version: checklistItems.version,
      ownerName: owners.displayName,
      checklistId: checklists.id,
      checklistName: checklists.name,
      projectId: projects.id,
      projectName: projects.name,
      parkId: parks.id,
      parkName: parks.name,
      overdue: sql<boolean>`${checklistItems.dueDate} < ${today}`,
    })
    .from(checklistItems)
    .innerJoin(checklists, eq(checklists.id, checklistItems.checklistId))
    .leftJoin(projects, eq(projects.id, checklists.projectId))
    .leftJoin(parks, eq(parks.id, checklists.parkId))
    .leftJoin(owners, eq(owners.id, checklistItems.ownerId))
    .where(and(ne(checklistItems.status, "done"), or(stewarded, eq(checklistItems.ownerId, viewer.id))))
    .orderBy(sql`${checklistItems.dueDate} asc nulls last`, asc(projects.name), asc(checklistItems.sortOrder))
    .limit(opts.limit ?? 1000);
}
export type WorklistItem = Awaited<ReturnType<typeof stewardWorklist>>[number];

/** Mechanism progress per park (all its checklists' items), for park lists and the dashboard. */
export async function parkMechanismProgress(db: DbOrTx, parkIds: string[], today = todayInChina()) {
  if (!parkIds.length) return new Map<string, { total: number; done: number; overdue: number }>();
  const rows = await db
    .select({
      parkId: checklists.parkId,
      total: count(),
      done: sql<number>`count(*) filter (where ${checklistItems.status} = 'done')::int`,
      overdue: sql<number>`count(*) filter (where ${checklistItems.status} <> 'done' and ${checklistItems.dueDate} < ${today})::int`,
    })
    .from(checklistItems)
    .innerJoin(checklists, eq(checklists.id, checklistItems.checklistId))
    .where(inArray(checklists.parkId, parkIds))
    .groupBy(checklists.parkId);
  return new Map(rows.map((r) => [r.parkId!, { total: r.total, done: r.done, overdue: r.overdue }]));
}

/** Newest checklists first, for the admin's template page: where this template is in use. */
export async function checklistsOfTemplate(db: DbOrTx, templateId: string, limit = 50) {
  return checklistQuery(db, todayInChina()).where(eq(checklists.templateId, templateId)).orderBy(desc(checklists.createdAt)).limit(limit);
}

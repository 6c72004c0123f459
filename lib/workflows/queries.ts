import { and, asc, count, desc, eq, inArray, isNotNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { checklistItems, checklists, parks, projects, signings, templateItems, units, users, workflowTemplates, zones } from "@/db/schema";
import type { TemplateKind } from "@/db/schema/enums";
import { inScope, scopeIncludesUnit, scopeOf, type Scope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { todayInChina } from "@/lib/i18n/format";
import { visibleProjects } from "@/lib/projects/queries";
import { getUnitTree } from "@/lib/units/queries";
import { pickablePeople } from "@/lib/users/people";
import { mayEditItem, orderByPhase } from "./rules";

const owners = alias(users, "owner");

// ── Templates (reference data: everyone signed in may read them) ─────────────

export async function listTemplates(db: DbOrTx, opts: { kind?: TemplateKind; activeOnly?: boolean } = {}) {
  const where = and(opts.kind ? eq(workflowTemplates.kind, opts.kind) : undefined, opts.activeOnly ? eq(workflowTemplates.active, true) : undefined);
  // Spelled out: in a one-table select drizzle leaves columns unqualified, and a bare "id" in
  // the subqueries would mean the inner table's.
  const templateId = sql`${workflowTemplates}."id"`;
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
      items: sql<number>`(select count(*)::int from ${templateItems} where ${templateItems.templateId} = ${templateId})`,
      checklists: sql<number>`(select count(*)::int from ${checklists} where ${checklists.templateId} = ${templateId})`,
    })
    .from(workflowTemplates)
    .where(where)
    .orderBy(asc(workflowTemplates.sortOrder), asc(workflowTemplates.name));
}

export async function getTemplate(db: DbOrTx, id: string) {
  const [template] = await db.select().from(workflowTemplates).where(eq(workflowTemplates.id, id));
  if (!template) return null;
  const items = await db.select().from(templateItems).where(eq(templateItems.templateId, id)).orderBy(asc(templateItems.sortOrder), asc(templateItems.createdAt));
  return { ...template, items: orderByPhase(items, template.phases) };
}
export type TemplateDetail = NonNullable<Awaited<ReturnType<typeof getTemplate>>>;

// ── Checklists: who may see them ───────────────────────────────────────────────

/**
 * Checklists a viewer may see. A park's (or zone's): its responsible unit in the viewer's
 * scope, or the viewer owns it or one of its items. A project's: the project is visible to
 * the viewer, or the viewer is its 项目服务管家, owns the checklist or one of its items.
 */
export function visibleChecklists(scope: Scope, viewer: Pick<Viewer, "id">): SQL | undefined {
  // A project's checklists go with the project when it is archived (归档), for everyone.
  const liveProject = sql`not exists (select 1 from ${projects} where ${projects.id} = ${checklists.projectId} and ${projects.archivedAt} is not null)`;
  if (scope.all) return liveProject;
  const ownsSomething = or(
    eq(checklists.ownerId, viewer.id),
    sql`exists (select 1 from ${checklistItems} where ${checklistItems.checklistId} = ${checklists.id} and ${checklistItems.ownerId} = ${viewer.id})`,
  );
  const projectVisible = sql`exists (select 1 from ${projects} where ${projects.id} = ${checklists.projectId} and ${visibleProjects(scope)})`;
  const steward = sql`exists (select 1 from ${signings} where ${signings.projectId} = ${checklists.projectId} and ${signings.stewardId} = ${viewer.id})`;
  return or(
    and(sql`${checklists.projectId} is null`, or(inScope(scope, checklists.unitId), ownsSomething)),
    and(isNotNull(checklists.projectId), liveProject, or(projectVisible, steward, ownsSomething)),
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

/** Whether the checklist's project (if any) is one the viewer may open: only then is it linked by id. */
function projectVisibleColumn(scope: Scope) {
  return sql<boolean>`coalesce(exists (select 1 from ${projects} where ${projects.id} = ${checklists.projectId} and ${visibleProjects(scope)}), false)`;
}

const checklistColumns = (today: string, scope: Scope) => ({
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
  /** Named to whoever may open the checklist (it is the work they were given); linked only when `projectVisible`. */
  projectName: projects.name,
  projectVisible: projectVisibleColumn(scope),
  unitId: checklists.unitId,
  unitName: units.name,
  ownerId: checklists.ownerId,
  ownerName: owners.displayName,
  startedOn: checklists.startedOn,
  version: checklists.version,
  /** The template's revision today: a checklist started from an older one keeps its own items. */
  currentRevision: workflowTemplates.revision,
  ...progressColumns(today),
});

function checklistQuery(db: DbOrTx, today: string, scope: Scope) {
  return db
    .select(checklistColumns(today, scope))
    .from(checklists)
    .leftJoin(parks, eq(parks.id, checklists.parkId))
    .leftJoin(zones, eq(zones.id, checklists.zoneId))
    .leftJoin(projects, eq(projects.id, checklists.projectId))
    .innerJoin(units, eq(units.id, checklists.unitId))
    .leftJoin(owners, eq(owners.id, checklists.ownerId))
    .leftJoin(workflowTemplates, eq(workflowTemplates.id, checklists.templateId));
}
export type ChecklistSummary = Awaited<ReturnType<ReturnType<typeof checklistQuery>["execute"]>>[number];

/** The checklists of a park (and its zones) or of a project that the viewer may see, with their progress. */
export async function listChecklists(db: DbOrTx, viewer: Viewer, target: { parkId: string } | { projectId: string }, today = todayInChina()) {
  const scope = await scopeOf(db, viewer);
  const byTarget = "parkId" in target ? eq(checklists.parkId, target.parkId) : eq(checklists.projectId, target.projectId);
  return checklistQuery(db, today, scope)
    .where(and(byTarget, visibleChecklists(scope, viewer)))
    // The whole park's first, then each zone's in the park's order.
    .orderBy(sql`${checklists.zoneId} is not null`, asc(zones.sortOrder), asc(zones.name), asc(checklists.createdAt));
}

/** One checklist with its items, or null when it does not exist or the viewer may not see it. */
export async function getChecklist(db: DbOrTx, viewer: Viewer, id: string, today = todayInChina()) {
  const scope = await scopeOf(db, viewer);
  const [checklist] = await checklistQuery(db, today, scope).where(and(eq(checklists.id, id), visibleChecklists(scope, viewer)));
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
 * 服务事项: whose open items the worklist holds — every item of the projects the viewer is
 * 项目服务管家 of, of the checklists they lead, and any item they own. Each of these they may
 * also change (see mayEditItem), so every row can be closed from the list.
 */
function worklistWhere(viewer: Viewer) {
  const stewarded = sql`exists (select 1 from ${signings} where ${signings.projectId} = ${checklists.projectId} and ${signings.stewardId} = ${viewer.id})`;
  const liveProject = sql`not exists (select 1 from ${projects} where ${projects.id} = ${checklists.projectId} and ${projects.archivedAt} is not null)`;
  return and(ne(checklistItems.status, "done"), liveProject, or(stewarded, eq(checklists.ownerId, viewer.id), eq(checklistItems.ownerId, viewer.id)));
}

/**
 * 服务管家工作台: the viewer's open items (see worklistWhere), overdue first then by due date
 * (undated last); optionally those of one project or park only.
 */
export async function stewardWorklist(db: DbOrTx, viewer: Viewer, opts: { projectId?: string; parkId?: string; checklistId?: string; overdueOnly?: boolean; limit?: number } = {}, today = todayInChina()) {
  const visible = projectVisibleColumn(await scopeOf(db, viewer));
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
      progressNote: checklistItems.progressNote,
      version: checklistItems.version,
      ownerName: owners.displayName,
      checklistId: checklists.id,
      checklistName: checklists.name,
      // The project is named (the item is work on it) but its id given only to who may open it.
      projectId: sql<string | null>`case when ${visible} then ${projects.id} end`,
      projectName: projects.name,
      parkId: parks.id,
      parkName: parks.name,
      zoneName: zones.name,
      overdue: sql<boolean>`coalesce(${checklistItems.dueDate} < ${today}, false)`,
    })
    .from(checklistItems)
    .innerJoin(checklists, eq(checklists.id, checklistItems.checklistId))
    .leftJoin(projects, eq(projects.id, checklists.projectId))
    .leftJoin(parks, eq(parks.id, checklists.parkId))
    .leftJoin(zones, eq(zones.id, checklists.zoneId))
    .leftJoin(owners, eq(owners.id, checklistItems.ownerId))
    .where(
      and(
        worklistWhere(viewer),
        opts.projectId ? eq(checklists.projectId, opts.projectId) : undefined,
        opts.parkId ? eq(checklists.parkId, opts.parkId) : undefined,
        opts.checklistId ? eq(checklists.id, opts.checklistId) : undefined,
        opts.overdueOnly ? sql`${checklistItems.dueDate} < ${today}` : undefined,
      ),
    )
    .orderBy(sql`${checklistItems.dueDate} asc nulls last`, asc(projects.name), asc(parks.name), asc(checklistItems.sortOrder))
    .limit(opts.limit ?? 1000);
}
export type WorklistItem = Awaited<ReturnType<typeof stewardWorklist>>[number];

/** The projects and parks the viewer's open items belong to, with how many each (overdue among them), for the worklist's filter. */
export async function worklistTargets(db: DbOrTx, viewer: Viewer, today = todayInChina()) {
  const visible = projectVisibleColumn(await scopeOf(db, viewer));
  // The filter's value: a park, a project the viewer may open, or else the checklist itself (no project id).
  const key = sql<string>`case when ${checklists.projectId} is null then 'park:' || ${checklists.parkId} when ${visible} then 'project:' || ${checklists.projectId} else 'checklist:' || ${checklists.id} end`;
  return db
    .select({
      key,
      projectName: projects.name,
      parkName: parks.name,
      open: count(),
      overdue: sql<number>`count(*) filter (where ${checklistItems.dueDate} < ${today})::int`,
    })
    .from(checklistItems)
    .innerJoin(checklists, eq(checklists.id, checklistItems.checklistId))
    .leftJoin(projects, eq(projects.id, checklists.projectId))
    .leftJoin(parks, eq(parks.id, checklists.parkId))
    .where(worklistWhere(viewer))
    // By position: the key's parameters are bound twice otherwise, and PostgreSQL would not see one expression.
    .groupBy(sql`1`, projects.name, parks.name)
    .orderBy(asc(projects.name), asc(parks.name));
}

/** How many of the viewer's open service items are overdue (for "my work"). */
export async function overdueServiceCount(db: DbOrTx, viewer: Viewer, today = todayInChina()): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(checklistItems)
    .innerJoin(checklists, eq(checklists.id, checklistItems.checklistId))
    .where(and(worklistWhere(viewer), sql`${checklistItems.dueDate} < ${today}`));
  return row?.n ?? 0;
}

/**
 * The facts mayEditItem needs about a checklist, for this viewer: whether its unit is in their
 * scope and, for a project's, whether they may change the project or are its 项目服务管家.
 */
export async function checklistEditFacts(db: DbOrTx, viewer: Viewer, checklist: { unitId: string; ownerId: string | null; projectId: string | null }) {
  const scope = await scopeOf(db, viewer);
  let mayChangeProject = false;
  if (checklist.projectId) {
    const [project] = await db
      .select({ visible: sql<boolean>`coalesce(${visibleProjects(scope) ?? sql`true`}, false)`, stewardId: signings.stewardId })
      .from(projects)
      .leftJoin(signings, eq(signings.projectId, projects.id))
      .where(eq(projects.id, checklist.projectId));
    mayChangeProject = Boolean(project && (project.visible || project.stewardId === viewer.id));
  }
  return { checklistOwnerId: checklist.ownerId, unitInScope: scopeIncludesUnit(scope, checklist.unitId), mayChangeProject };
}

/** The ids of a checklist's items this viewer may change (the page offers "更新" on these; the service checks again). */
export async function editableItemIds(db: DbOrTx, viewer: Viewer, checklist: ChecklistDetail): Promise<Set<string>> {
  const facts = await checklistEditFacts(db, viewer, checklist);
  return new Set(checklist.items.filter((i) => mayEditItem(viewer, { ...facts, itemOwnerId: i.ownerId })).map((i) => i.id));
}

/** Per checklist and phase: item counts, done and overdue — the card's per-phase progress. */
export async function phaseProgress(db: DbOrTx, checklistIds: string[], today = todayInChina()) {
  const out = new Map<string, { phase: string; total: number; done: number; overdue: number }[]>();
  if (!checklistIds.length) return out;
  // Phases in the checklist's own order; an item of a phase it no longer lists comes last.
  const position = sql`array_position(${checklists.phases}, ${checklistItems.phase})`;
  const rows = await db
    .select({
      checklistId: checklistItems.checklistId,
      phase: checklistItems.phase,
      total: count(),
      done: sql<number>`count(*) filter (where ${checklistItems.status} = 'done')::int`,
      overdue: sql<number>`count(*) filter (where ${checklistItems.status} <> 'done' and ${checklistItems.dueDate} < ${today})::int`,
    })
    .from(checklistItems)
    .innerJoin(checklists, eq(checklists.id, checklistItems.checklistId))
    .where(inArray(checklistItems.checklistId, checklistIds))
    .groupBy(checklistItems.checklistId, checklistItems.phase, checklists.phases)
    .orderBy(sql`${position} nulls last`, asc(checklistItems.phase));
  for (const { checklistId, phase, total, done, overdue } of rows) out.set(checklistId, [...(out.get(checklistId) ?? []), { phase, total, done, overdue }]);
  return out;
}

/** Active users with their unit, for choosing an owner (stewards and 落地办 staff often sit in another unit). */
export async function ownerOptions(db: DbOrTx, viewer: Viewer) {
  const rows = await db
    .select({ id: users.id, name: users.displayName, unitId: users.unitId, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.active, true))
    .orderBy(asc(units.sortOrder), asc(users.displayName));
  return pickablePeople(rows, viewer.unitId);
}
export type OwnerOption = Awaited<ReturnType<typeof ownerOptions>>[number];

/**
 * What the "启用清单" form offers for a target: the active templates of the right kind (for a
 * project, those it does not have yet), the people to lead it and, for a park, its zones and
 * the units in the viewer's scope.
 */
export async function applyOptions(db: DbOrTx, viewer: Viewer, target: { parkId: string } | { projectId: string }) {
  const isPark = "parkId" in target;
  const [templates, people] = await Promise.all([listTemplates(db, { kind: isPark ? "park_mechanism" : "project_service", activeOnly: true }), ownerOptions(db, viewer)]);
  if (!isPark) {
    const used = await db.select({ templateId: checklists.templateId }).from(checklists).where(eq(checklists.projectId, target.projectId));
    const taken = new Set(used.map((u) => u.templateId));
    return { templates: templates.filter((t) => !taken.has(t.id)).map(({ id, name }) => ({ id, name })), people, zones: [], units: [] };
  }
  const [scope, tree, zoneRows] = await Promise.all([
    scopeOf(db, viewer),
    getUnitTree(db),
    db.select({ id: zones.id, name: zones.name }).from(zones).where(eq(zones.parkId, target.parkId)).orderBy(asc(zones.sortOrder), asc(zones.name)),
  ]);
  const inScopeUnits = tree.filter((u) => scopeIncludesUnit(scope, u.id));
  const minDepth = Math.min(...inScopeUnits.map((u) => u.depth));
  return {
    templates: templates.map(({ id, name }) => ({ id, name })),
    people,
    zones: zoneRows,
    units: inScopeUnits.map((u) => ({ id: u.id, name: u.name, depth: u.depth - minDepth })),
  };
}
export type ApplyOptions = Awaited<ReturnType<typeof applyOptions>>;

/** Mechanism progress per park (the items of its checklists the viewer may see), for park lists and the dashboard. */
export async function parkMechanismProgress(db: DbOrTx, viewer: Viewer, parkIds: string[], today = todayInChina()) {
  if (!parkIds.length) return new Map<string, { total: number; done: number; overdue: number }>();
  const scope = await scopeOf(db, viewer);
  const rows = await db
    .select({
      parkId: checklists.parkId,
      total: count(),
      done: sql<number>`count(*) filter (where ${checklistItems.status} = 'done')::int`,
      overdue: sql<number>`count(*) filter (where ${checklistItems.status} <> 'done' and ${checklistItems.dueDate} < ${today})::int`,
    })
    .from(checklistItems)
    .innerJoin(checklists, eq(checklists.id, checklistItems.checklistId))
    .where(and(inArray(checklists.parkId, parkIds), visibleChecklists(scope, viewer)))
    .groupBy(checklists.parkId);
  return new Map(rows.map((r) => [r.parkId!, { total: r.total, done: r.done, overdue: r.overdue }]));
}

/** Newest checklists first, for the admin's template page: where this template is in use. */
export async function checklistsOfTemplate(db: DbOrTx, templateId: string, limit = 50) {
  // Admins only (the template pages): every project is visible to them.
  return checklistQuery(db, todayInChina(), { all: true }).where(eq(checklists.templateId, templateId)).orderBy(desc(checklists.createdAt)).limit(limit);
}

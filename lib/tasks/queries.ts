import { aliasedTable, and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { projects, tasks, units, users } from "@/db/schema";
import { inScope, scopeOf, unitSubtree, type Scope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { filterConditions, overdueTaskMatch, visibleProjects } from "@/lib/projects/queries";
import { TASK_PAGE_SIZE, type TaskFilters, type TaskListParams } from "./validation";

/** The assignee of a task, joined as `assignees`. */
export const assignees = aliasedTable(users, "assignees");

/**
 * The tasks a viewer may see, as for projects: the tasks of the projects they may see, a task
 * without a project when its assignee is in their scope, and their own tasks (on a project they
 * may not see, the project stays unnamed); an archived project's tasks go with it. Needs
 * `projects` joined by `joinVisibleProject` and `assignees` joined.
 */
export function visibleTasks(scope: Scope, viewerId: string): SQL {
  return and(
    sql`not exists (select 1 from ${projects} p where p.id = ${tasks.projectId} and p.archived_at is not null)`,
    or(isNotNull(projects.id), and(isNull(tasks.projectId), inScope(scope, assignees.unitId, assignees.id) ?? sql`true`), eq(tasks.assigneeId, viewerId)),
  )!;
}

/** The task's project, joined only when the viewer may see it (its columns are null otherwise). */
export const joinVisibleProject = (scope: Scope) => and(eq(projects.id, tasks.projectId), visibleProjects(scope))!;

/** The list's filters (visibility added separately). `today` is China's date. */
export async function taskConditions(db: DbOrTx, f: TaskFilters, today: string): Promise<SQL[]> {
  const where: SQL[] = [];
  const status = f.status ?? "open";
  if (status !== "all") where.push(eq(tasks.status, status));
  if (f.overdue) where.push(overdueTaskMatch(today));
  if (f.assignee) where.push(eq(tasks.assigneeId, f.assignee));
  if (f.dueFrom) where.push(gte(tasks.dueDate, f.dueFrom));
  if (f.dueTo) where.push(lte(tasks.dueDate, f.dueTo));
  if (f.project) where.push(eq(tasks.projectId, f.project));
  if (f.unit) where.push(inArray(sql`coalesce(${projects.unitId}, ${assignees.unitId})`, await unitSubtree(db, f.unit)));
  // The project's own filters, as /projects applies them (a task without a project has none of these).
  where.push(...(await filterConditions(db, { chain: f.chain, park: f.park, owner: f.owner }, today)));
  return where;
}

/** /tasks: the viewer's visible tasks under the filters, overdue first, then by due date; a page at a time with the total. */
export async function listTasks(db: DbOrTx, viewer: Viewer, params: TaskListParams, today: string) {
  const scope = await scopeOf(db, viewer);
  const where = and(visibleTasks(scope, viewer.id), ...(await taskConditions(db, params, today)));
  const unitName = aliasedTable(units, "task_units");
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: tasks.id,
        title: tasks.title,
        dueDate: tasks.dueDate,
        status: tasks.status,
        assigneeId: tasks.assigneeId,
        assigneeName: assignees.displayName,
        projectId: projects.id,
        projectName: projects.name,
        unitName: unitName.name,
      })
      .from(tasks)
      .innerJoin(assignees, eq(assignees.id, tasks.assigneeId))
      .leftJoin(projects, joinVisibleProject(scope))
      .innerJoin(unitName, eq(unitName.id, sql`coalesce(${projects.unitId}, ${assignees.unitId})`))
      .where(where)
      .orderBy(sql`(${tasks.status} = 'open' and ${tasks.dueDate} < ${today}) desc`, asc(tasks.dueDate), desc(tasks.createdAt), asc(tasks.id))
      .limit(TASK_PAGE_SIZE)
      .offset((params.page - 1) * TASK_PAGE_SIZE),
    db
      .select({ n: count() })
      .from(tasks)
      .innerJoin(assignees, eq(assignees.id, tasks.assigneeId))
      .leftJoin(projects, joinVisibleProject(scope))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Visible tasks under the filters, counted per assignee (most first): the dashboard's 逾期待办 by officer. */
export async function tasksByAssignee(db: DbOrTx, viewer: Viewer, scope: Scope, f: TaskFilters, today: string): Promise<{ userId: string; name: string; count: number }[]> {
  const rows = await db
    .select({ userId: tasks.assigneeId, name: assignees.displayName, count: count() })
    .from(tasks)
    .innerJoin(assignees, eq(assignees.id, tasks.assigneeId))
    .leftJoin(projects, joinVisibleProject(scope))
    .where(and(visibleTasks(scope, viewer.id), ...(await taskConditions(db, f, today))))
    .groupBy(tasks.assigneeId, assignees.displayName);
  return rows.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "zh-CN"));
}

/** The filter form's choices: the people whose tasks the viewer may see, and the projects with visible tasks. */
export async function taskFilterOptions(db: DbOrTx, viewer: Viewer) {
  const scope = await scopeOf(db, viewer);
  const rows = await db
    .selectDistinct({ assigneeId: tasks.assigneeId, assigneeName: assignees.displayName, projectId: projects.id, projectName: projects.name })
    .from(tasks)
    .innerJoin(assignees, eq(assignees.id, tasks.assigneeId))
    .leftJoin(projects, joinVisibleProject(scope))
    .where(visibleTasks(scope, viewer.id));
  const people = new Map<string, string>();
  const projectNames = new Map<string, string>();
  for (const r of rows) {
    people.set(r.assigneeId, r.assigneeName);
    if (r.projectId && r.projectName) projectNames.set(r.projectId, r.projectName);
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "zh-CN");
  return {
    assignees: [...people].map(([id, name]) => ({ id, name })).sort(byName),
    projects: [...projectNames].map(([id, name]) => ({ id, name })).sort(byName),
  };
}

import { and, asc, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { enterprises, projects, tasks } from "@/db/schema";
import { scopeOf } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { visibleProjects } from "./queries";

/** Days without activity after which one's own active project counts as stalled (STALLED_DAYS, default 30). */
export function stalledDays(): number {
  const n = Number(process.env.STALLED_DAYS ?? 30);
  return Number.isInteger(n) && n > 0 ? n : 30;
}

/** My open tasks, overdue first, then by due date (undated last). Projects I may not see stay unnamed. */
export async function myOpenTasks(db: DbOrTx, viewer: Viewer, today: string) {
  const scope = await scopeOf(db, viewer);
  return db
    .select({
      id: tasks.id,
      title: tasks.title,
      dueDate: tasks.dueDate,
      status: tasks.status,
      projectId: projects.id,
      projectName: projects.name,
    })
    .from(tasks)
    .leftJoin(projects, and(eq(projects.id, tasks.projectId), visibleProjects(scope)))
    // A task of an archived (删除) project goes with it.
    .where(and(eq(tasks.assigneeId, viewer.id), eq(tasks.status, "open"), sql`not exists (select 1 from ${projects} p where p.id = ${tasks.projectId} and p.archived_at is not null)`))
    .orderBy(sql`(${tasks.dueDate} < ${today}) desc nulls last`, asc(tasks.dueDate), desc(tasks.createdAt))
    .limit(50);
}

/** My active projects with no activity (or none since creation) for `days` days, the longest silent first. */
export async function myStalledProjects(db: DbOrTx, viewer: Viewer, days: number) {
  const last = sql<Date>`coalesce(${projects.lastActivityAt}, ${projects.createdAt})`;
  return db
    .select({ id: projects.id, name: projects.name, stage: projects.stage, status: projects.status, enterpriseName: enterprises.name, lastActivityAt: projects.lastActivityAt, since: last })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .where(and(eq(projects.ownerId, viewer.id), isNull(projects.archivedAt), eq(projects.status, "active"), lt(last, sql`now() - make_interval(days => ${days})`)))
    .orderBy(asc(last))
    .limit(20);
}

/** Recently changed projects the viewer may see. */
export async function recentProjects(db: DbOrTx, viewer: Viewer, limit = 10) {
  const scope = await scopeOf(db, viewer);
  return db
    .select({ id: projects.id, name: projects.name, stage: projects.stage, status: projects.status, enterpriseName: enterprises.name, updatedAt: projects.updatedAt })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .where(visibleProjects(scope))
    .orderBy(desc(projects.updatedAt))
    .limit(limit);
}

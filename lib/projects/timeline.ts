import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { activities, auditLog, checklistItems, checklists, contacts, enterprises, events, fundsInPlace, milestones, parks, stageEvents, tasks, units, users } from "@/db/schema";
import type { ActivityKind, ProjectStage, ProjectStatus, ReviewStatus, TaskStatus } from "@/db/schema/enums";

// Call these only for a project the viewer may see (getProject first): they take its id as given.

export type TimelineItem =
  | { type: "activity"; id: string; at: Date; kind: ActivityKind; occurredOn: string; participants: string; summary: string; nextStep: string; actor: string | null }
  | { type: "stage"; id: string; at: Date; fromStage: ProjectStage | null; toStage: ProjectStage; fromStatus: ProjectStatus | null; toStatus: ProjectStatus; note: string; actor: string | null }
  | { type: "edit"; id: string; at: Date; entity: "project" | "signing" | "project_land"; before: Record<string, unknown>; after: Record<string, unknown>; actor: string | null }
  | { type: "task"; id: string; at: Date; title: string; done: boolean; actor: string | null }
  | { type: "report"; id: string; at: Date; stage: ProjectStage; status: ReviewStatus | null; plannedDate: string | null | undefined; comment: string; actor: string | null }
  | { type: "funds"; id: string; at: Date; receivedOn: string; amount: string; note: string; actor: string | null }
  | { type: "checklist"; id: string; at: Date; checklistId: string; name: string; actor: string | null }
  | { type: "checklistItems"; id: string; at: Date; checklistId: string; name: string; changes: ChecklistItemChange[]; actor: string | null };

export type ChecklistItemChange = { itemId: string; title: string; before: Record<string, unknown>; after: Record<string, unknown> };

// Stage changes are shown from stage_events; the audit rows they also write would repeat them.
const STAGE_FIELDS = new Set(["stage", "status", "statusReason"]);
const withoutStageFields = (side: Record<string, unknown> | null) => Object.fromEntries(Object.entries(side ?? {}).filter(([k]) => !STAGE_FIELDS.has(k)));

/**
 * Activities, stage events, field edits (of the project and its signing), tasks, stage reports
 * and their review, funds in place, and its service checklists (started, items changed) of one
 * project, newest first.
 */
export async function getTimeline(db: DbOrTx, projectId: string, limit = 200): Promise<TimelineItem[]> {
  const [acts, events, edits, taskRows, done, reports, funds, started, itemEdits] = await Promise.all([
    db
      .select({ a: activities, actor: users.displayName })
      .from(activities)
      .leftJoin(users, eq(users.id, activities.createdById))
      .where(eq(activities.projectId, projectId))
      .orderBy(desc(activities.occurredOn), desc(activities.createdAt))
      .limit(limit),
    db
      .select({ e: stageEvents, actor: users.displayName })
      .from(stageEvents)
      .leftJoin(users, eq(users.id, stageEvents.actorId))
      .where(eq(stageEvents.projectId, projectId))
      .orderBy(desc(stageEvents.at))
      .limit(limit),
    db
      .select({ id: auditLog.id, entity: auditLog.entityType, at: auditLog.at, before: auditLog.before, after: auditLog.after, actor: users.displayName })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(inArray(auditLog.entityType, ["project", "signing", "project_land"]), eq(auditLog.entityId, projectId), eq(auditLog.action, "update")))
      .orderBy(desc(auditLog.at))
      .limit(limit),
    db
      .select({ t: tasks, actor: users.displayName })
      .from(tasks)
      .leftJoin(users, eq(users.id, tasks.createdById))
      .where(eq(tasks.projectId, projectId))
      .orderBy(desc(tasks.createdAt))
      .limit(limit),
    db
      .select({ id: tasks.id, title: tasks.title, completedAt: tasks.completedAt })
      .from(tasks)
      .where(and(eq(tasks.projectId, projectId), eq(tasks.status, "done"), isNotNull(tasks.completedAt)))
      .limit(limit),
    db
      .select({ id: auditLog.id, at: auditLog.at, after: auditLog.after, stage: milestones.stage, actor: users.displayName })
      .from(auditLog)
      .innerJoin(milestones, sql`${auditLog.entityId} = ${milestones.id}::text`)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(eq(auditLog.entityType, "milestone"), eq(milestones.projectId, projectId)))
      .orderBy(desc(auditLog.at))
      .limit(limit),
    db
      .select({ f: fundsInPlace, actor: users.displayName })
      .from(fundsInPlace)
      .leftJoin(users, eq(users.id, fundsInPlace.createdById))
      .where(eq(fundsInPlace.projectId, projectId))
      .orderBy(desc(fundsInPlace.createdAt))
      .limit(limit),
    db
      .select({ id: auditLog.id, at: auditLog.at, checklistId: checklists.id, name: checklists.name, actor: users.displayName })
      .from(auditLog)
      .innerJoin(checklists, sql`${auditLog.entityId} = ${checklists.id}::text`)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(eq(auditLog.entityType, "checklist"), eq(auditLog.action, "create"), eq(checklists.projectId, projectId)))
      .orderBy(desc(auditLog.at))
      .limit(limit),
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorId: auditLog.actorId,
        before: auditLog.before,
        after: auditLog.after,
        itemId: checklistItems.id,
        title: checklistItems.title,
        checklistId: checklists.id,
        name: checklists.name,
        actor: users.displayName,
      })
      .from(auditLog)
      .innerJoin(checklistItems, sql`${auditLog.entityId} = ${checklistItems.id}::text`)
      .innerJoin(checklists, eq(checklists.id, checklistItems.checklistId))
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(eq(auditLog.entityType, "checklist_item"), eq(auditLog.action, "update"), eq(checklists.projectId, projectId)))
      .orderBy(desc(auditLog.at), asc(checklistItems.sortOrder))
      .limit(limit * 5),
  ]);

  // One entry per save: the changes one person made to one checklist at one moment (a single
  // item from its dialog, or all of 用地一件事's due dates once the land date is approved).
  const itemGroups = new Map<string, Extract<TimelineItem, { type: "checklistItems" }>>();
  for (const e of itemEdits) {
    const key = `${e.at.toISOString()}|${e.actorId}|${e.checklistId}`;
    let group = itemGroups.get(key);
    if (!group) {
      group = { type: "checklistItems", id: `c${e.id}`, at: e.at, checklistId: e.checklistId, name: e.name, changes: [], actor: e.actor };
      itemGroups.set(key, group);
    }
    group.changes.push({ itemId: e.itemId, title: e.title, before: e.before ?? {}, after: e.after ?? {} });
  }

  const items: TimelineItem[] = [
    ...acts.map(({ a, actor }) => ({
      type: "activity" as const,
      id: a.id,
      // An activity sits on the day it happened; the time it was logged orders a day's entries.
      at: new Date(`${a.occurredOn}T${a.createdAt.toISOString().slice(11)}`),
      kind: a.kind,
      occurredOn: a.occurredOn,
      participants: a.participants,
      summary: a.summary,
      nextStep: a.nextStep,
      actor,
    })),
    ...events.map(({ e, actor }) => ({
      type: "stage" as const,
      id: `s${e.id}`,
      at: e.at,
      fromStage: e.fromStage,
      toStage: e.toStage,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      actor,
    })),
    ...edits
      .filter((e) => Object.keys(e.after ?? {}).some((k) => !STAGE_FIELDS.has(k)))
      // …and their fields are left out of an edit that came with them (the 包靠领导 typed when signing).
      .map((e) => ({ type: "edit" as const, id: `e${e.id}`, at: e.at, entity: e.entity as "project" | "signing" | "project_land", before: withoutStageFields(e.before), after: withoutStageFields(e.after), actor: e.actor })),
    // A report's saves, submissions and reviews (status changes) and plan changes; other edits are not news.
    ...reports
      .filter((r) => r.after && ("reviewStatus" in r.after || "plannedDate" in r.after))
      .map((r) => ({
        type: "report" as const,
        id: `r${r.id}`,
        at: r.at,
        stage: r.stage,
        status: "reviewStatus" in r.after! ? (r.after!.reviewStatus as ReviewStatus | null) : null,
        plannedDate: "plannedDate" in r.after! ? (r.after!.plannedDate as string | null) : undefined,
        comment: typeof r.after!.reviewComment === "string" ? r.after!.reviewComment : "",
        actor: r.actor,
      })),
    ...funds.map(({ f, actor }) => ({ type: "funds" as const, id: `f${f.id}`, at: f.createdAt, receivedOn: f.receivedOn, amount: f.amount, note: f.note, actor })),
    ...taskRows.map(({ t, actor }) => ({ type: "task" as const, id: `t${t.id}`, at: t.createdAt, title: t.title, done: false, actor })),
    ...done.map((t) => ({ type: "task" as const, id: `d${t.id}`, at: t.completedAt!, title: t.title, done: true, actor: null })),
    ...started.map((c) => ({ type: "checklist" as const, id: `k${c.id}`, at: c.at, checklistId: c.checklistId, name: c.name, actor: c.actor })),
    ...itemGroups.values(),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}

export async function projectTasks(db: DbOrTx, projectId: string) {
  return db
    .select({ id: tasks.id, title: tasks.title, dueDate: tasks.dueDate, status: tasks.status, assigneeId: tasks.assigneeId, assigneeName: users.displayName })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .where(eq(tasks.projectId, projectId))
    .orderBy(asc(tasks.status), asc(tasks.dueDate), desc(tasks.createdAt));
}
export type ProjectTask = Awaited<ReturnType<typeof projectTasks>>[number] & { status: TaskStatus };

export async function enterpriseContacts(db: DbOrTx, enterpriseId: string) {
  return db
    .select({ id: contacts.id, name: contacts.name, title: contacts.title, phone: contacts.phone, email: contacts.email, wechat: contacts.wechat })
    .from(contacts)
    .where(and(eq(contacts.enterpriseId, enterpriseId), isNull(contacts.archivedAt)))
    .orderBy(asc(contacts.createdAt));
}

/** Display names for the ids that edits mention (owners, stewards, enterprises, events, units, parks), to show "张华 → 李明" rather than ids. */
export async function namesForEdits(db: DbOrTx, items: TimelineItem[]): Promise<Map<string, string>> {
  const ids = { user: new Set<string>(), enterprise: new Set<string>(), event: new Set<string>(), unit: new Set<string>(), park: new Set<string>() };
  const kinds: Record<string, keyof typeof ids> = { ownerId: "user", stewardId: "user", enterpriseId: "enterprise", eventId: "event", sourceEventId: "event", responsibleUnitId: "unit", unitId: "unit", parkId: "park" };
  for (const item of items) {
    const sides = item.type === "edit" ? [item.before, item.after] : item.type === "checklistItems" ? item.changes.flatMap((c) => [c.before, c.after]) : [];
    for (const side of sides) {
      for (const [field, kind] of Object.entries(kinds)) if (typeof side[field] === "string") ids[kind].add(side[field]);
    }
  }
  const lookup = <T extends { id: string; name: string }>(set: Set<string>, query: (list: string[]) => Promise<T[]>) => (set.size ? query([...set]) : Promise.resolve([] as T[]));
  const rows = await Promise.all([
    lookup(ids.user, (l) => db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, l))),
    lookup(ids.enterprise, (l) => db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, l))),
    lookup(ids.event, (l) => db.select({ id: events.id, name: events.name }).from(events).where(inArray(events.id, l))),
    lookup(ids.unit, (l) => db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, l))),
    lookup(ids.park, (l) => db.select({ id: parks.id, name: parks.name }).from(parks).where(inArray(parks.id, l))),
  ]);
  return new Map(rows.flat().map((r) => [r.id, r.name]));
}

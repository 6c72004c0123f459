import type { ChecklistItemStatus, DueAnchor, Role } from "@/db/schema/enums";

/**
 * Checklists (7个1, 5个1, 用地一件事, 落地办专班): due dates from offsets, overdue flags and the
 * roll-ups shown on a project, a park and the dashboard. Pure: dates are YYYY-MM-DD in China.
 */

export type Anchors = { start: string; signing: string | null; land: string | null };

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An item's due date: its offset after its anchor; none without an offset, or while the anchor is unknown. */
export function dueDateFor(item: { dueOffsetDays: number | null; dueAnchor: DueAnchor }, anchors: Anchors): string | null {
  if (item.dueOffsetDays === null) return null;
  const from = anchors[item.dueAnchor];
  return from ? addDays(from, item.dueOffsetDays) : null;
}

export function isOverdue(item: { status: ChecklistItemStatus; dueDate: string | null }, today: string): boolean {
  return item.status !== "done" && item.dueDate !== null && item.dueDate < today;
}

export type Rollup = { total: number; done: number; inProgress: number; notStarted: number; overdue: number; percent: number };

/** Counts by status, overdue items, and the share done (whole percent, rounded down so 99.5% never reads 100%). */
export function rollup(items: { status: ChecklistItemStatus; dueDate: string | null }[], today: string): Rollup {
  const r: Rollup = { total: items.length, done: 0, inProgress: 0, notStarted: 0, overdue: 0, percent: 0 };
  for (const i of items) {
    if (i.status === "done") r.done++;
    else if (i.status === "in_progress") r.inProgress++;
    else r.notStarted++;
    if (isOverdue(i, today)) r.overdue++;
  }
  r.percent = percentDone(r.done, r.total);
  return r;
}

/** The share done in whole percent, rounded down (99.5% never reads 100%); 0 for nothing. */
export function percentDone(done: number, total: number): number {
  return total ? Math.floor((done * 100) / total) : 0;
}

/** Items grouped by phase in the template's order (items of an unknown phase last), keeping their order. */
export function groupByPhase<T extends { phase: string }>(items: T[], phases: string[]): { phase: string; items: T[] }[] {
  const order = [...phases, ...new Set(items.map((i) => i.phase).filter((p) => !phases.includes(p)))];
  return order.map((phase) => ({ phase, items: items.filter((i) => i.phase === phase) })).filter((g) => g.items.length > 0);
}

/** Items in reading order: by phase in the template's order, then in their own order within it. */
export function orderByPhase<T extends { phase: string }>(items: T[], phases: string[]): T[] {
  return groupByPhase(items, phases).flatMap((g) => g.items);
}

/**
 * Items grouped by phase (as groupByPhase), and within a phase by category in the order the
 * categories first appear — how a checklist reads: 开工前 › 用地规划许可 › its items.
 */
export function groupByPhaseAndCategory<T extends { phase: string; category: string }>(items: T[], phases: string[]): { phase: string; categories: { category: string; items: T[] }[] }[] {
  return groupByPhase(items, phases).map(({ phase, items: inPhase }) => {
    const categories = [...new Set(inPhase.map((i) => i.category))];
    return { phase, categories: categories.map((category) => ({ category, items: inPhase.filter((i) => i.category === category) })) };
  });
}

/** Per phase, in the template's order: the roll-up of its items. */
export function phaseRollups<T extends { phase: string; status: ChecklistItemStatus; dueDate: string | null }>(items: T[], phases: string[], today: string): { phase: string; rollup: Rollup }[] {
  return groupByPhase(items, phases).map(({ phase, items: inPhase }) => ({ phase, rollup: rollup(inPhase, today) }));
}

/**
 * Who may change a checklist item: an admin; the item's owner; the checklist's owner; a
 * manager whose scope holds the checklist's responsible unit; for a project's checklist,
 * whoever may change the project and its 项目服务管家. The service decides with this rule;
 * pages ask it too, only to know whether to offer the button.
 */
export function mayEditItem(
  viewer: { id: string; role: Role },
  facts: { itemOwnerId: string | null; checklistOwnerId: string | null; unitInScope: boolean; mayChangeProject: boolean },
): boolean {
  return (
    viewer.role === "admin" ||
    facts.itemOwnerId === viewer.id ||
    facts.checklistOwnerId === viewer.id ||
    (viewer.role === "manager" && facts.unitInScope) ||
    facts.mayChangeProject
  );
}

/**
 * Whether a status change may be saved: done needs the completion date and, where the item
 * asks for it, at least one piece of evidence.
 */
export function completionProblem(item: { evidenceRequired: boolean }, next: { status: ChecklistItemStatus; completedOn: string | null; evidence: unknown[] }): "completedOnRequired" | "evidenceRequired" | null {
  if (next.status !== "done") return null;
  if (!next.completedOn) return "completedOnRequired";
  if (item.evidenceRequired && next.evidence.length === 0) return "evidenceRequired";
  return null;
}

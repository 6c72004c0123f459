import type { ChecklistItemStatus, DueAnchor } from "@/db/schema/enums";

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
  r.percent = r.total ? Math.floor((r.done * 100) / r.total) : 0;
  return r;
}

/** Items grouped by phase in the template's order (items of an unknown phase last), keeping their order. */
export function groupByPhase<T extends { phase: string }>(items: T[], phases: string[]): { phase: string; items: T[] }[] {
  const order = [...phases, ...new Set(items.map((i) => i.phase).filter((p) => !phases.includes(p)))];
  return order.map((phase) => ({ phase, items: items.filter((i) => i.phase === phase) })).filter((g) => g.items.length > 0);
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

/**
 * Which target the dashboard compares against, over the unit tree (pure). A unit's target is
 * its own row for the year when it has one; otherwise the sum of its child units' targets, so a
 * district whose groups each have a target has theirs added up. No row anywhere below: no target.
 */
import { sumYuan } from "@/lib/money";

export type TargetFigures = { signedCount: number; signedInvestment: string; constructionStarts: number; operatingProjects: number };

export function addTargets(a: TargetFigures, b: TargetFigures): TargetFigures {
  return {
    signedCount: a.signedCount + b.signedCount,
    signedInvestment: sumYuan([a.signedInvestment, b.signedInvestment]),
    constructionStarts: a.constructionStarts + b.constructionStarts,
    operatingProjects: a.operatingProjects + b.operatingProjects,
  };
}

export function unitTarget(
  unitId: string,
  own: Map<string, TargetFigures>,
  children: Map<string, string[]>,
  seen: Set<string> = new Set(),
): TargetFigures | null {
  if (seen.has(unitId)) return null; // a cycle in the tree: nothing more to add
  seen.add(unitId);
  const row = own.get(unitId);
  if (row) return row;
  let total: TargetFigures | null = null;
  for (const child of children.get(unitId) ?? []) {
    const t = unitTarget(child, own, children, seen);
    if (t) total = total ? addTargets(total, t) : t;
  }
  return total;
}

/** The target of several units side by side (an admin's whole tree: its roots). */
export function unitsTarget(unitIds: string[], own: Map<string, TargetFigures>, children: Map<string, string[]>): TargetFigures | null {
  let total: TargetFigures | null = null;
  for (const id of unitIds) {
    const t = unitTarget(id, own, children);
    if (t) total = total ? addTargets(total, t) : t;
  }
  return total;
}

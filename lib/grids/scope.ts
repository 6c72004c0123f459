import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { gridOfficers, grids } from "@/db/schema";
import { scopeIncludesUnit, type Scope } from "@/lib/auth/scope";
import { hasRole, type Viewer } from "@/lib/auth/roles";

/**
 * Grids a viewer may see: those of the units in their scope (staff their unit, managers
 * their subtree, admins all), and those where they are an officer. A grid's requests are
 * visible with it. Used inside every grid and request query, so no read can forget it.
 */
export function visibleGrids(scope: Scope, viewerId: string): SQL | undefined {
  if (scope.all) return undefined;
  const asOfficer = sql`exists (select 1 from ${gridOfficers} where ${gridOfficers.gridId} = ${grids.id} and ${gridOfficers.userId} = ${viewerId})`;
  return or(inArray(grids.unitId, scope.unitIds), asOfficer);
}

/** Managers of the grid's unit or a unit above it, and admins, manage the grid: its facts, officers and enterprises. */
export function canManageGrid(viewer: Viewer, scope: Scope, gridUnitId: string): boolean {
  return hasRole(viewer, "manager") && scopeIncludesUnit(scope, gridUnitId);
}

export async function isGridOfficer(db: DbOrTx, gridId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: gridOfficers.userId })
    .from(gridOfficers)
    .where(and(eq(gridOfficers.gridId, gridId), eq(gridOfficers.userId, userId)));
  return Boolean(row);
}

import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import type { Viewer } from "./roles";

/**
 * What a viewer may see: admins everything; managers their unit and every unit
 * below it; staff their own unit plus whatever they own. Resolved once per request and
 * turned into conditions inside each query, so no read can forget it.
 */
export type Scope = { all: true } | { all: false; unitIds: string[]; ownerId?: string };

export async function unitSubtree(db: DbOrTx, unitId: string): Promise<string[]> {
  const { rows } = await db.execute<{ id: string }>(sql`
    with recursive tree as (
      select id from units where id = ${unitId}
      union all
      select u.id from units u join tree t on u.parent_id = t.id
    )
    select id from tree`);
  return rows.map((r) => r.id);
}

/** The units strictly above `unitId`, nearest first. */
export async function unitAncestors(db: DbOrTx, unitId: string): Promise<string[]> {
  const { rows } = await db.execute<{ id: string }>(sql`
    with recursive up as (
      select parent_id as id, 1 as depth from units where id = ${unitId}
      union all
      select u.parent_id, up.depth + 1 from units u join up on u.id = up.id
    )
    select id from up where id is not null order by depth`);
  return rows.map((r) => r.id);
}

export async function scopeOf(db: DbOrTx, viewer: Viewer): Promise<Scope> {
  if (viewer.role === "admin") return { all: true };
  if (viewer.role === "manager") return { all: false, unitIds: await unitSubtree(db, viewer.unitId) };
  return { all: false, unitIds: [viewer.unitId], ownerId: viewer.id };
}

/** The scope as a condition on a record's unit (and owner) columns; undefined means "everything". */
export function inScope(scope: Scope, unitColumn: AnyPgColumn, ownerColumn?: AnyPgColumn): SQL | undefined {
  if (scope.all) return undefined;
  const byUnit = scope.unitIds.length === 1 ? eq(unitColumn, scope.unitIds[0]!) : inArray(unitColumn, scope.unitIds);
  return scope.ownerId && ownerColumn ? or(byUnit, eq(ownerColumn, scope.ownerId)) : byUnit;
}

export function scopeIncludesUnit(scope: Scope, unitId: string): boolean {
  return scope.all || scope.unitIds.includes(unitId);
}

export function andScope(scope: Scope, unitColumn: AnyPgColumn, ownerColumn: AnyPgColumn | undefined, ...conditions: (SQL | undefined)[]) {
  return and(inScope(scope, unitColumn, ownerColumn), ...conditions);
}

import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { targets, units, users } from "@/db/schema";
import { scopeOf, type Scope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { getUnitTree } from "@/lib/units/queries";
import { isUuid } from "@/lib/validation";

const owners = alias(users, "owner");

/** Targets a viewer may see and set: those of the units in their scope (admins: all). Staff set none. */
export function targetsInScope(scope: Scope): SQL | undefined {
  return scope.all ? undefined : inArray(targets.unitId, scope.unitIds);
}

const targetColumns = {
  id: targets.id,
  year: targets.year,
  unitId: targets.unitId,
  unitName: units.name,
  ownerId: targets.ownerId,
  ownerName: owners.displayName,
  signedCount: targets.signedCount,
  signedInvestment: targets.signedInvestment,
  constructionStarts: targets.constructionStarts,
  operatingProjects: targets.operatingProjects,
  version: targets.version,
  updatedAt: targets.updatedAt,
};

/** The year's targets of the units in the viewer's scope: each unit's own, then its officers'. */
export async function listTargets(db: DbOrTx, viewer: Viewer, year: number) {
  const scope = await scopeOf(db, viewer);
  const [rows, tree] = await Promise.all([
    db
      .select(targetColumns)
      .from(targets)
      .innerJoin(units, eq(units.id, targets.unitId))
      .leftJoin(owners, eq(owners.id, targets.ownerId))
      .where(and(eq(targets.year, year), targetsInScope(scope)))
      .orderBy(sql`${targets.ownerId} is not null`, asc(owners.displayName)),
    getUnitTree(db),
  ]);
  // In the unit tree's order.
  const order = new Map(tree.map((u, i) => [u.id, i]));
  return rows.sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0));
}
export type TargetRow = Awaited<ReturnType<typeof listTargets>>[number];

/** One target the viewer may see, or null (a 404 either way). */
export async function getTarget(db: DbOrTx, viewer: Viewer, id: string) {
  if (!isUuid(id)) return null;
  const scope = await scopeOf(db, viewer);
  const [row] = await db
    .select(targetColumns)
    .from(targets)
    .innerJoin(units, eq(units.id, targets.unitId))
    .leftJoin(owners, eq(owners.id, targets.ownerId))
    .where(and(eq(targets.id, id), targetsInScope(scope)));
  return row ?? null;
}

/** The units (indented) and officers a viewer may set targets for. */
export async function targetFormOptions(db: DbOrTx, viewer: Viewer) {
  const scope = await scopeOf(db, viewer);
  const [tree, people] = await Promise.all([
    getUnitTree(db),
    db
      .select({ id: users.id, name: users.displayName, unitId: users.unitId })
      .from(users)
      .where(and(eq(users.active, true), scope.all ? undefined : inArray(users.unitId, scope.unitIds)))
      .orderBy(asc(users.displayName)),
  ]);
  const inScope = tree.filter((u) => scope.all || scope.unitIds.includes(u.id));
  const minDepth = Math.min(...inScope.map((u) => u.depth));
  return { units: inScope.map((u) => ({ id: u.id, name: u.name, depth: u.depth - minDepth })), people };
}
export type TargetFormOptions = Awaited<ReturnType<typeof targetFormOptions>>;

/** Every unit-level target of a year (reference data, a few rows a unit): for the dashboard's targets. */
export async function unitTargetsOfYear(db: DbOrTx, year: number) {
  return db
    .select({
      unitId: targets.unitId,
      signedCount: targets.signedCount,
      signedInvestment: targets.signedInvestment,
      constructionStarts: targets.constructionStarts,
      operatingProjects: targets.operatingProjects,
    })
    .from(targets)
    .where(and(eq(targets.year, year), isNull(targets.ownerId)));
}

/** An officer's own target for a year, if one is set. */
export async function ownerTargetOfYear(db: DbOrTx, year: number, ownerId: string) {
  const [row] = await db
    .select({
      signedCount: targets.signedCount,
      signedInvestment: targets.signedInvestment,
      constructionStarts: targets.constructionStarts,
      operatingProjects: targets.operatingProjects,
    })
    .from(targets)
    .where(and(eq(targets.year, year), eq(targets.ownerId, ownerId)));
  return row ?? null;
}

import { asc, count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { units, users } from "@/db/schema";
import { buildTree, flattenTree } from "./tree";

export async function listUnits(db: DbOrTx) {
  return db
    .select({ id: units.id, parentId: units.parentId, name: units.name, code: units.code, sortOrder: units.sortOrder, version: units.version })
    .from(units)
    .orderBy(asc(units.sortOrder), asc(units.name));
}

/** The tree in display order, each unit with its member count. */
export async function getUnitTree(db: DbOrTx) {
  const [rows, members] = await Promise.all([
    listUnits(db),
    db.select({ unitId: users.unitId, n: count() }).from(users).where(eq(users.active, true)).groupBy(users.unitId),
  ]);
  const byUnit = new Map(members.map((m) => [m.unitId, m.n]));
  return flattenTree(buildTree(rows.map((r) => ({ ...r, memberCount: byUnit.get(r.id) ?? 0 }))));
}

import { and, asc, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { units, users } from "@/db/schema";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { escapeLike } from "@/lib/utils";
import { publicUserColumns } from "./service";
import type { UserListParams } from "./validation";


export async function listUsers(db: DbOrTx, viewer: Viewer, params: UserListParams) {
  assertRole(viewer, "admin");
  const where: SQL[] = [];
  if (params.q) {
    const like = `%${escapeLike(params.q)}%`;
    where.push(or(ilike(users.username, like), ilike(users.displayName, like))!);
  }
  if (params.role) where.push(eq(users.role, params.role));
  if (params.status) where.push(eq(users.active, params.status === "active"));
  if (params.unitId) where.push(eq(users.unitId, params.unitId));
  const condition = where.length ? and(...where) : undefined;

  const [rows, [total]] = await Promise.all([
    db
      .select({ ...publicUserColumns, unitName: units.name })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(condition)
      .orderBy(desc(users.active), asc(users.username))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    db.select({ n: count() }).from(users).where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getUser(db: DbOrTx, viewer: Viewer, id: string) {
  assertRole(viewer, "admin");
  const [row] = await db
    .select({ ...publicUserColumns, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id));
  return row ?? null;
}

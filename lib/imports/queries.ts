import { count, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { imports, users } from "@/db/schema";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { IMPORT_PAGE_SIZE } from "./validation";

const reverters = alias(users, "reverter");

/**
 * Past imports, newest first: who, which file, what it did. Managers see their own; admins
 * everyone's (they may revert).
 */
export async function listImports(db: DbOrTx, viewer: Viewer, page = 1) {
  assertRole(viewer, "manager");
  const where = viewer.role === "admin" ? undefined : eq(imports.createdById, viewer.id);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: imports.id,
        kind: imports.kind,
        fileName: imports.fileName,
        status: imports.status,
        totalRows: imports.totalRows,
        created: imports.created,
        updated: imports.updated,
        createdAt: imports.createdAt,
        createdByName: users.displayName,
        revertedAt: imports.revertedAt,
        revertedByName: reverters.displayName,
      })
      .from(imports)
      .leftJoin(users, eq(users.id, imports.createdById))
      .leftJoin(reverters, eq(reverters.id, imports.revertedById))
      .where(where)
      .orderBy(desc(imports.createdAt), desc(imports.id))
      .limit(IMPORT_PAGE_SIZE)
      .offset((page - 1) * IMPORT_PAGE_SIZE),
    db.select({ n: count() }).from(imports).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type ImportRow = Awaited<ReturnType<typeof listImports>>["rows"][number];

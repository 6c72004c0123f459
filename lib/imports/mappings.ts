/** 映射模板: named column mappings, shared by everyone who imports (one name per kind). */
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { importMappings, users } from "@/db/schema";
import type { ImportKind } from "@/db/schema/enums";
import { diffRows, writeAudit } from "@/lib/audit";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { saveMappingSchema } from "./validation";

type Ctx = { ip?: string | null };

export async function listMappings(db: DbOrTx, kind?: ImportKind) {
  return db
    .select({ id: importMappings.id, kind: importMappings.kind, name: importMappings.name, mapping: importMappings.mapping, createdByName: users.displayName, updatedAt: importMappings.updatedAt })
    .from(importMappings)
    .leftJoin(users, eq(users.id, importMappings.createdById))
    .where(kind ? eq(importMappings.kind, kind) : undefined)
    .orderBy(asc(importMappings.kind), asc(importMappings.name));
}
export type MappingRow = Awaited<ReturnType<typeof listMappings>>[number];

/** Saves a mapping under a name; the same name (for the same kind) is overwritten — it is "the template called X". */
export async function saveMapping(db: Db, viewer: Viewer, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, "manager");
  const data = parseOrThrow(saveMappingSchema, input);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(importMappings)
      .where(and(eq(importMappings.kind, data.kind), eq(importMappings.name, data.name)))
      .for("update");
    const [row] = await tx
      .insert(importMappings)
      .values({ kind: data.kind, name: data.name, mapping: data.mapping, createdById: viewer.id })
      .onConflictDoUpdate({
        target: [importMappings.kind, importMappings.name],
        set: { mapping: data.mapping, version: sql`${importMappings.version} + 1` },
      })
      .returning();
    if (before) await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "import_mapping", entityId: row!.id, ...diffRows(before, row!), ip: ctx.ip });
    else await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "import_mapping", entityId: row!.id, after: row, ip: ctx.ip });
    return row!;
  });
}

export async function deleteMapping(db: Db, viewer: Viewer, id: string, ctx: Ctx = {}) {
  assertRole(viewer, "manager");
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(importMappings).where(eq(importMappings.id, id)).returning();
    if (!row) throw new NotFoundError();
    await writeAudit(tx, { actorId: viewer.id, action: "delete", entityType: "import_mapping", entityId: id, before: row, ip: ctx.ip });
  });
}

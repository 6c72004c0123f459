import { and, eq, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { units } from "@/db/schema";
import { diffRows, writeAudit } from "@/lib/audit";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { isUniqueViolation, NotFoundError, ValidationError } from "@/lib/errors";
import { parseOrThrow, parseVersionedSave } from "@/lib/validation";
import { listUnits } from "./queries";
import { wouldCycle } from "./tree";
import { unitFormValues, unitSchema, updateUnitSchema } from "./validation";

type Ctx = { ip?: string | null };

async function assertCodeFree(db: DbOrTx, code: string, exceptId?: string) {
  const [taken] = await db
    .select({ id: units.id })
    .from(units)
    .where(exceptId ? and(eq(units.code, code), ne(units.id, exceptId)) : eq(units.code, code));
  if (taken) throw new ValidationError({ code: ["errors.unitCodeTaken"] });
}

async function assertParentExists(db: DbOrTx, parentId: string | null) {
  if (!parentId) return;
  const [parent] = await db.select({ id: units.id }).from(units).where(eq(units.id, parentId));
  if (!parent) throw new ValidationError({ parentId: ["errors.unitMissing"] });
}

function mapCodeTaken(e: unknown): never {
  if (isUniqueViolation(e, "units_code_unique")) throw new ValidationError({ code: ["errors.unitCodeTaken"] });
  throw e;
}

export async function createUnit(db: Db, actor: Viewer, input: unknown, ctx: Ctx = {}) {
  assertRole(actor, "admin");
  const data = parseOrThrow(unitSchema, input);
  await assertCodeFree(db, data.code);
  await assertParentExists(db, data.parentId);
  return db
    .transaction(async (tx) => {
      const [created] = await tx.insert(units).values(data).returning();
      await writeAudit(tx, { actorId: actor.id, action: "create", entityType: "unit", entityId: created!.id, after: created, ip: ctx.ip });
      return created!;
    })
    .catch(mapCodeTaken);
}

export async function updateUnit(db: Db, actor: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertRole(actor, "admin");
  return db
    .transaction(async (tx) => {
      const [before] = await tx.select().from(units).where(eq(units.id, id)).for("update");
      if (!before) throw new NotFoundError();
      // Only the fields sent (those the user changed) are written; the rest stay as they are now.
      const { version: _version, ...data } = parseVersionedSave(updateUnitSchema, unitFormValues(before), input);
      await assertCodeFree(tx, data.code, id);
      await assertParentExists(tx, data.parentId);
      if (data.parentId === id || wouldCycle(await listUnits(tx), id, data.parentId)) {
        throw new ValidationError({ parentId: ["errors.unitCycle"] });
      }
      const [after] = await tx
        .update(units)
        .set({ ...data, version: sql`${units.version} + 1` })
        .where(eq(units.id, id))
        .returning();
      const changes = diffRows(before, after!);
      if (Object.keys(changes.after).length) {
        await writeAudit(tx, { actorId: actor.id, action: "update", entityType: "unit", entityId: id, ...changes, ip: ctx.ip });
      }
      return after!;
    })
    .catch(mapCodeTaken);
}

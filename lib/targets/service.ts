import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { targets, users } from "@/db/schema";
import { diffRows, writeAudit } from "@/lib/audit";
import { scopeIncludesUnit, scopeOf, type Scope } from "@/lib/auth/scope";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { isUniqueViolation, NotFoundError, ValidationError } from "@/lib/errors";
import { yiToYuan } from "@/lib/money";
import { isUuid, parseOrThrow, parseVersionedSave } from "@/lib/validation";
import { targetsInScope } from "./queries";
import { targetFormValues, targetSchema, updateTargetSchema, type TargetValues } from "./validation";

type Ctx = { ip?: string | null };

function duplicate(e: unknown): never {
  if (isUniqueViolation(e, "targets_year_unit_owner_key")) {
    throw new ValidationError({ unitId: ["targets.errors.duplicate"], ownerId: ["targets.errors.duplicate"] }, "targets.errors.duplicate");
  }
  throw e;
}

/**
 * Managers set targets for the units in their scope (their unit and below), admins for all
 * (as for every record). An officer's own target names a user of a unit in that scope too.
 */
async function checkTarget(db: DbOrTx, scope: Scope, data: TargetValues) {
  const fields: Record<string, string[]> = {};
  if (!scopeIncludesUnit(scope, data.unitId)) fields.unitId = ["targets.errors.unitOutOfScope"];
  if (data.ownerId) {
    const [owner] = await db.select({ unitId: users.unitId }).from(users).where(eq(users.id, data.ownerId));
    if (!owner || !scopeIncludesUnit(scope, owner.unitId)) fields.ownerId = ["targets.errors.ownerOutOfScope"];
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
}

function toColumns(data: TargetValues) {
  const { signedInvestmentYi, ...rest } = data;
  return { ...rest, signedInvestment: yiToYuan(signedInvestmentYi)! };
}

export async function createTarget(db: Db, viewer: Viewer, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, "manager");
  const data = parseOrThrow(targetSchema, input);
  const scope = await scopeOf(db, viewer);
  await checkTarget(db, scope, data);
  return db
    .transaction(async (tx) => {
      const [created] = await tx.insert(targets).values(toColumns(data)).returning();
      await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "target", entityId: created!.id, after: created, ip: ctx.ip });
      return created!;
    })
    .catch(duplicate);
}

/** Saves a target; refused (nothing written) when someone saved a newer version first. */
export async function updateTarget(db: Db, viewer: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, "manager");
  if (!isUuid(id)) throw new NotFoundError();
  const scope = await scopeOf(db, viewer);
  return db
    .transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(targets)
        .where(and(eq(targets.id, id), targetsInScope(scope)))
        .for("update");
      if (!before) throw new NotFoundError();
      // Only the fields sent (those the user changed) are written; the rest stay as they are now.
      const { version: _version, ...data } = parseVersionedSave(updateTargetSchema, targetFormValues(before), input);
      await checkTarget(tx, scope, data);
      const [after] = await tx
        .update(targets)
        .set({ ...toColumns(data), version: sql`${targets.version} + 1` })
        .where(eq(targets.id, before.id))
        .returning();
      const changes = diffRows(before, after!);
      if (Object.keys(changes.after).length) {
        await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "target", entityId: before.id, ...changes, ip: ctx.ip });
      }
      return after!;
    })
    .catch(duplicate);
}

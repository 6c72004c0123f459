import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { units, users, type User } from "@/db/schema";
import { diffRows, writeAudit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { ConflictError, isUniqueViolation, NotFoundError, ValidationError } from "@/lib/errors";
import { parseOrThrow, parseVersionedSave } from "@/lib/validation";
import {
  changePasswordSchema,
  createUserSchema,
  resetPasswordSchema,
  setActiveSchema,
  updateUserSchema,
  userFormValues,
} from "./validation";

/** The columns of a user that may leave the server: never the password hash. */
export const publicUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  unitId: users.unitId,
  active: users.active,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  version: users.version,
};

type Ctx = { ip?: string | null };

async function assertUnitExists(db: DbOrTx, unitId: string) {
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!unit) throw new ValidationError({ unitId: ["errors.unitMissing"] });
}

async function assertUsernameFree(db: Db, username: string) {
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  if (taken) throw new ValidationError({ username: ["errors.usernameTaken"] });
}

export async function createUser(db: Db, actor: Viewer, input: unknown, ctx: Ctx = {}) {
  assertRole(actor, "admin");
  const data = parseOrThrow(createUserSchema, input);
  await assertUnitExists(db, data.unitId);
  await assertUsernameFree(db, data.username);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({ ...data, passwordHash, passwordChangedAt: new Date() })
        .returning(publicUserColumns);
      await writeAudit(tx, { actorId: actor.id, action: "create", entityType: "user", entityId: created!.id, after: created, ip: ctx.ip });
      return created!;
    });
  } catch (e) {
    // Someone took the name between the check above and this insert.
    if (isUniqueViolation(e, "users_username_lower_idx")) throw new ValidationError({ username: ["errors.usernameTaken"] });
    throw e;
  }
}

/**
 * Writes `patch` only if the row is still at `version`; otherwise nothing is written and a
 * ConflictError carries the current row. Audits the changed fields in the same transaction.
 */
async function updateVersioned(
  db: Db,
  actor: Viewer,
  id: string,
  version: number,
  patch: Partial<User>,
  action: "update" | "activate" | "deactivate",
  ctx: Ctx,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select(publicUserColumns).from(users).where(eq(users.id, id)).for("update");
    if (!before) throw new NotFoundError();
    if (before.version !== version) throw new ConflictError(before);
    return writeVersioned(tx, actor, before, patch, action, ctx);
  });
}

/** Writes `patch` over the locked row `before`, bumps its version and audits the changed fields. */
async function writeVersioned(tx: Tx, actor: Viewer, before: Pick<User, "id"> & Record<string, unknown>, patch: Partial<User>, action: "update" | "activate" | "deactivate", ctx: Ctx) {
  const [after] = await tx
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1` })
    .where(eq(users.id, before.id))
    .returning(publicUserColumns);
  const changes = diffRows(before, after!);
  if (Object.keys(changes.after).length) {
    await writeAudit(tx, { actorId: actor.id, action, entityType: "user", entityId: before.id, ...changes, ip: ctx.ip });
  }
  return after!;
}

export async function updateUser(db: Db, actor: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertRole(actor, "admin");
  return db.transaction(async (tx) => {
    const [before] = await tx.select(publicUserColumns).from(users).where(eq(users.id, id)).for("update");
    if (!before) throw new NotFoundError();
    // Only the fields sent (those the user changed) are written; the rest stay as they are now.
    const { version: _version, ...data } = parseVersionedSave(updateUserSchema, userFormValues(before), input);
    // An admin cannot take away their own admin role: the system would be left without one.
    if (id === actor.id && data.role !== "admin") throw new ValidationError({ role: ["errors.cannotDemoteSelf"] });
    await assertUnitExists(tx, data.unitId);
    return writeVersioned(tx, actor, before, data, "update", ctx);
  });
}

export async function setUserActive(db: Db, actor: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertRole(actor, "admin");
  const { active, version } = parseOrThrow(setActiveSchema, input);
  if (id === actor.id && !active) throw new ValidationError({ active: ["errors.cannotDeactivateSelf"] }, "errors.cannotDeactivateSelf");
  return updateVersioned(db, actor, id, version, { active }, active ? "activate" : "deactivate", ctx);
}

export async function resetPassword(db: Db, actor: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertRole(actor, "admin");
  const { password } = parseOrThrow(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, id))
      .returning({ id: users.id, passwordChangedAt: users.passwordChangedAt });
    if (!row) throw new NotFoundError();
    await writeAudit(tx, { actorId: actor.id, action: "password_reset", entityType: "user", entityId: id, after: row, ip: ctx.ip });
  });
}

export async function changeOwnPassword(db: Db, actor: Viewer, input: unknown, ctx: Ctx = {}) {
  const data = parseOrThrow(changePasswordSchema, input);
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!row) throw new NotFoundError();
  if (!(await verifyPassword(row.passwordHash, data.currentPassword))) {
    throw new ValidationError({ currentPassword: ["errors.currentPasswordWrong"] });
  }
  const passwordHash = await hashPassword(data.newPassword);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, actor.id))
      .returning({ id: users.id, passwordChangedAt: users.passwordChangedAt });
    await writeAudit(tx, { actorId: actor.id, action: "password_change", entityType: "user", entityId: actor.id, after: updated, ip: ctx.ip });
  });
}

import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { units, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { dummyVerify, verifyPassword } from "./password";
import type { Viewer } from "./roles";
import { getThrottleState, recordAttempt } from "./throttle";

export type AuthResult =
  | { ok: true; viewer: Viewer }
  | { ok: false; reason: "invalid" | "inactive" }
  | { ok: false; reason: "throttled"; until: Date };

/**
 * Checks a username and password: throttling first (a locked account is refused even with
 * the right password), then the password, then whether the account is active. Every
 * attempt is recorded so that all app instances throttle from the same counts.
 */
export async function authenticate(db: Db, username: string, password: string, ip: string, now = new Date()): Promise<AuthResult> {
  const throttle = await getThrottleState(db, username, ip, now);
  if (throttle.locked) {
    await recordAttempt(db, username, ip, "throttled", now);
    return { ok: false, reason: "throttled", until: throttle.until };
  }

  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      unitId: users.unitId,
      unitName: units.name,
      active: users.active,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(sql`lower(${users.username}) = lower(${username.trim()})`);

  const valid = user ? await verifyPassword(user.passwordHash, password) : await dummyVerify(password);
  if (!user || !valid) {
    await recordAttempt(db, username, ip, "failure", now);
    return { ok: false, reason: "invalid" };
  }
  if (!user.active) {
    await recordAttempt(db, username, ip, "failure", now);
    return { ok: false, reason: "inactive" };
  }

  await db.transaction(async (tx) => {
    await recordAttempt(tx, username, ip, "success", now);
    await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    await writeAudit(tx, { actorId: user.id, action: "sign_in", entityType: "user", entityId: user.id, ip });
  });
  const { passwordHash: _hash, active: _active, ...viewer } = user;
  return { ok: true, viewer };
}

/** The current state of a user for a session: null when the user is gone or deactivated. */
export async function loadViewer(db: Db, userId: string): Promise<Viewer | null> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      unitId: users.unitId,
      unitName: units.name,
      active: users.active,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId));
  if (!row || !row.active) return null;
  const { active: _active, ...viewer } = row;
  return viewer;
}

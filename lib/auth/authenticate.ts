import { eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { revokedSessions, units, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { dummyVerify, verifyPassword } from "./password";
import type { Viewer } from "./roles";
import { getThrottleState, normaliseUsername, recordAttempt } from "./throttle";

/** The columns a session's viewer is built from (users joined to their unit). */
export const viewerColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  unitId: users.unitId,
  unitName: units.name,
} as const;

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
  // One transaction, holding advisory locks on the username and the address: parallel
  // guesses wait for each other, so each sees the failures recorded before it.
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:user:${normaliseUsername(username)}`}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:ip:${ip}`}))`);

    const throttle = await getThrottleState(tx, username, ip, now);
    if (throttle.locked) {
      await recordAttempt(tx, username, ip, "throttled", now);
      return { ok: false, reason: "throttled", until: throttle.until } as const;
    }

    const [user] = await tx
      .select({ ...viewerColumns, active: users.active, passwordHash: users.passwordHash })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(sql`lower(${users.username}) = ${normaliseUsername(username)}`);

    const valid = user ? await verifyPassword(user.passwordHash, password) : await dummyVerify(password);
    if (!user || !valid) {
      await recordAttempt(tx, username, ip, "failure", now);
      return { ok: false, reason: "invalid" } as const;
    }
    if (!user.active) {
      await recordAttempt(tx, username, ip, "failure", now);
      return { ok: false, reason: "inactive" } as const;
    }

    await recordAttempt(tx, username, ip, "success", now);
    await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    await writeAudit(tx, { actorId: user.id, action: "sign_in", entityType: "user", entityId: user.id, ip });
    const { passwordHash: _hash, active: _active, ...viewer } = user;
    return { ok: true, viewer } as const;
  });
}

/**
 * The current state of a user for a session: null when the user is gone or deactivated,
 * or the session (`sid`) was signed out.
 */
export async function loadViewer(db: Db, userId: string, sid: string): Promise<Viewer | null> {
  const [row] = await db
    .select({
      ...viewerColumns,
      active: users.active,
      revoked: sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sid} = ${sid})`,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId));
  if (!row || !row.active || row.revoked) return null;
  const { active: _active, revoked: _revoked, ...viewer } = row;
  return viewer;
}

/** Ends one session for good (see revoked_sessions); old entries are pruned on the way. */
export async function revokeSession(db: Db, sid: string, expiresAt: Date): Promise<void> {
  await db.insert(revokedSessions).values({ sid, expiresAt }).onConflictDoNothing();
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, new Date()));
}

import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { loginAttempts, type LoginOutcome } from "@/db/schema";

/** Login throttling rules: shared by every app instance because the counts live in PostgreSQL. */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxFailuresPerUsername: 5,
  maxFailuresPerIp: 20,
} as const;

export type ThrottleState = { locked: false } | { locked: true; until: Date; by: "username" | "ip" };

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * When `max` failures fall inside one window, sign-in is refused until `lockMs` after the
 * failure that completed the run. Attempts refused during a lock are recorded as
 * "throttled", not as failures, so they do not extend it. Pure, for unit tests.
 */
export function lockedUntil(failureTimes: Date[], max: number, now: Date): Date | null {
  const times = failureTimes.map((d) => d.getTime()).sort((a, b) => a - b);
  let until = 0;
  for (let i = max - 1; i < times.length; i++) {
    if (times[i]! - times[i - max + 1]! <= THROTTLE.windowMs) until = Math.max(until, times[i]! + THROTTLE.lockMs);
  }
  return until > now.getTime() ? new Date(until) : null;
}

async function failuresSince(db: DbOrTx, column: "username" | "ip", value: string, since: Date): Promise<Date[]> {
  const col = column === "username" ? loginAttempts.username : loginAttempts.ip;
  // Failures after the last success for this username count; a success clears the slate.
  const afterSuccess =
    column === "username"
      ? sql`${loginAttempts.at} > coalesce((select max(s.at) from login_attempts s where s.username = ${value} and s.outcome = 'success'), '-infinity')`
      : sql`true`;
  const rows = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(col, value), eq(loginAttempts.outcome, "failure"), gt(loginAttempts.at, since), afterSuccess));
  return rows.map((r) => r.at);
}

export async function getThrottleState(
  db: DbOrTx,
  username: string,
  ip: string,
  now: Date = new Date(),
): Promise<ThrottleState> {
  // A lock can start up to one window before it ends, so look back over both.
  const since = new Date(now.getTime() - THROTTLE.windowMs - THROTTLE.lockMs);
  const [byUser, byIp] = await Promise.all([
    failuresSince(db, "username", normaliseUsername(username), since),
    failuresSince(db, "ip", ip, since),
  ]);
  const userUntil = lockedUntil(byUser, THROTTLE.maxFailuresPerUsername, now);
  if (userUntil) return { locked: true, until: userUntil, by: "username" };
  const ipUntil = lockedUntil(byIp, THROTTLE.maxFailuresPerIp, now);
  if (ipUntil) return { locked: true, until: ipUntil, by: "ip" };
  return { locked: false };
}

export async function recordAttempt(
  db: DbOrTx,
  username: string,
  ip: string,
  outcome: LoginOutcome,
  now: Date = new Date(),
): Promise<void> {
  await db.insert(loginAttempts).values({ username: normaliseUsername(username), ip, outcome, at: now });
  // Keep the table small: a day of history is plenty for a 15-minute window.
  if (Math.random() < 0.05) {
    await db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(now.getTime() - 86_400_000)));
  }
}

export async function countAttempts(db: DbOrTx, username: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(eq(loginAttempts.username, normaliseUsername(username)));
  return row?.n ?? 0;
}

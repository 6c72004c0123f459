/**
 * Rows and viewers for integration tests, inserted straight into the test database so that
 * each test states exactly the data it relies on.
 */
import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, loginAttempts, units, users, type Unit, type User } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { viewerColumns } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/roles";

export const DEFAULT_PASSWORD = "correct-horse-9";

const hashes = new Map<string, Promise<string>>();
/** argon2 is deliberately slow: hash each distinct password once per test file. */
export function cachedHash(password: string): Promise<string> {
  let h = hashes.get(password);
  if (!h) {
    h = hashPassword(password);
    hashes.set(password, h);
  }
  return h;
}

export function suffix(): string {
  return randomBytes(3).toString("hex");
}

export async function insertUnit(
  db: Db,
  opts: { name?: string; code?: string; parentId?: string | null; sortOrder?: number } = {},
): Promise<Unit> {
  const s = suffix();
  const [row] = await db
    .insert(units)
    .values({
      name: opts.name ?? `单位 ${s}`,
      code: opts.code ?? `U-${s}`,
      parentId: opts.parentId ?? null,
      sortOrder: opts.sortOrder ?? 0,
    })
    .returning();
  return row!;
}

export async function insertUser(
  db: Db,
  opts: { unitId: string; username?: string; displayName?: string; role?: Role; password?: string; active?: boolean },
): Promise<User> {
  const s = suffix();
  const [row] = await db
    .insert(users)
    .values({
      username: opts.username ?? `user_${s}`,
      displayName: opts.displayName ?? `用户 ${s}`,
      role: opts.role ?? "staff",
      unitId: opts.unitId,
      active: opts.active ?? true,
      passwordHash: await cachedHash(opts.password ?? DEFAULT_PASSWORD),
    })
    .returning();
  return row!;
}

/** The viewer a session would carry for this user, built from the database rows. */
export async function viewerFor(db: Db, userId: string): Promise<Viewer> {
  const [row] = await db
    .select(viewerColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId));
  if (!row) throw new Error(`no user ${userId}`);
  return row;
}

export async function insertViewer(db: Db, role: Role, unitId: string, username?: string): Promise<Viewer> {
  const user = await insertUser(db, { unitId, role, username });
  return viewerFor(db, user.id);
}

export async function getUserRow(db: Db, id: string): Promise<User> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw new Error(`no user ${id}`);
  return row;
}

export type Counts = { users: number; units: number; audit: number; attempts: number };

export async function counts(db: Db): Promise<Counts> {
  const [[u], [n], [a], [l]] = await Promise.all([
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(units),
    db.select({ n: count() }).from(auditLog),
    db.select({ n: count() }).from(loginAttempts),
  ]);
  return { users: u!.n, units: n!.n, audit: a!.n, attempts: l!.n };
}

/** Awaits a promise that must reject, and returns what it rejected with. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected the promise to reject, but it resolved");
}

/** The messages of an error and of its causes (drizzle wraps driver errors). */
export function messageChain(e: unknown): string {
  const parts: string[] = [];
  let cur: unknown = e;
  for (let i = 0; cur && i < 5; i++) {
    parts.push(cur instanceof Error ? cur.message : String(cur));
    cur = cur instanceof Error ? cur.cause : undefined;
  }
  return parts.join(" <- ");
}

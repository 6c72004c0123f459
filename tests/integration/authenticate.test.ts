import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, loginAttempts, revokedSessions, users } from "@/db/schema";
import { authenticate, loadViewer, revokeSession } from "@/lib/auth/authenticate";
import type { Viewer } from "@/lib/auth/roles";
import { setUserActive, updateUser } from "@/lib/users/service";
import { createTestDb } from "../support/db";
import { counts, DEFAULT_PASSWORD, getUserRow, insertUnit, insertUser, insertViewer } from "./fixtures";

const { db } = await createTestDb();

let unitA: { id: string; name: string };
let unitB: { id: string; name: string };
let admin: Viewer;

beforeAll(async () => {
  unitA = await insertUnit(db, { name: "青岛高新区投资促进部", code: "QDHT-TZCJ" });
  unitB = await insertUnit(db, { name: "市北区投资促进局", code: "370203-TZCJ" });
  admin = await insertViewer(db, "admin", unitA.id, "root");
});

async function signIns(userId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "sign_in"), eq(auditLog.actorId, userId)));
}

describe("authenticate", () => {
  it("returns the viewer, stamps lastSignInAt and audits the sign-in", async () => {
    const user = await insertUser(db, { unitId: unitA.id, username: "wang", displayName: "王建国", role: "manager" });
    expect(user.lastSignInAt).toBeNull();
    // The real clock: attempts older than a day may be swept away by recordAttempt.
    const now = new Date();

    const result = await authenticate(db, "wang", DEFAULT_PASSWORD, "192.0.2.10", now);
    expect(result).toStrictEqual({
      ok: true,
      viewer: { id: user.id, username: "wang", displayName: "王建国", role: "manager", unitId: unitA.id, unitName: "青岛高新区投资促进部" },
    });

    expect((await getUserRow(db, user.id)).lastSignInAt).toEqual(now);
    const audits = await signIns(user.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityType: "user", entityId: user.id, ip: "192.0.2.10", before: null, after: null });
    const attempts = await db.select().from(loginAttempts).where(eq(loginAttempts.username, "wang"));
    expect(attempts.map((a) => [a.outcome, a.ip, a.at.toISOString()])).toEqual([["success", "192.0.2.10", now.toISOString()]]);
  });

  it("refuses a wrong password as invalid and writes no audit row", async () => {
    const user = await insertUser(db, { unitId: unitA.id, username: "li" });
    const before = await counts(db);
    expect(await authenticate(db, "li", "wrong-password", "192.0.2.11")).toEqual({ ok: false, reason: "invalid" });
    expect((await getUserRow(db, user.id)).lastSignInAt).toBeNull();
    expect(await counts(db)).toEqual({ ...before, attempts: before.attempts + 1 });
  });

  it("refuses an unknown username as invalid, exactly like a wrong password", async () => {
    const before = await counts(db);
    expect(await authenticate(db, "nobody-here", DEFAULT_PASSWORD, "192.0.2.12")).toEqual({ ok: false, reason: "invalid" });
    expect(await counts(db)).toEqual({ ...before, attempts: before.attempts + 1 });
    const [attempt] = await db.select().from(loginAttempts).where(eq(loginAttempts.username, "nobody-here"));
    expect(attempt?.outcome).toBe("failure");
  });

  it("refuses a deactivated user with the right password as inactive", async () => {
    const user = await insertUser(db, { unitId: unitA.id, username: "zhang", active: false });
    expect(await authenticate(db, "zhang", DEFAULT_PASSWORD, "192.0.2.13")).toEqual({ ok: false, reason: "inactive" });
    expect((await getUserRow(db, user.id)).lastSignInAt).toBeNull();
    expect(await signIns(user.id)).toEqual([]);
  });

  it("a deactivated user with a wrong password learns nothing about the account", async () => {
    await insertUser(db, { unitId: unitA.id, username: "zhao", active: false });
    expect(await authenticate(db, "zhao", "wrong-password", "192.0.2.14")).toEqual({ ok: false, reason: "invalid" });
  });

  it("finds the user whatever the case of the username", async () => {
    const user = await insertUser(db, { unitId: unitB.id, username: "Chen.Jing" });
    const result = await authenticate(db, "  chen.JING ", DEFAULT_PASSWORD, "192.0.2.15");
    expect(result).toMatchObject({ ok: true, viewer: { id: user.id, username: "Chen.Jing", unitName: "市北区投资促进局" } });
  });
});

const SID = randomUUID();

describe("loadViewer", () => {
  it("returns the current viewer of an active user", async () => {
    const user = await insertUser(db, { unitId: unitA.id, username: "sun", displayName: "孙丽", role: "staff" });
    expect(await loadViewer(db, user.id, SID)).toStrictEqual({
      id: user.id,
      username: "sun",
      displayName: "孙丽",
      role: "staff",
      unitId: unitA.id,
      unitName: "青岛高新区投资促进部",
    });
  });

  it("returns null for a missing user", async () => {
    expect(await loadViewer(db, randomUUID(), SID)).toBeNull();
  });

  it("returns null once the user is deactivated, and the viewer again once reactivated", async () => {
    const user = await insertUser(db, { unitId: unitA.id, username: "zhou" });
    expect(await loadViewer(db, user.id, SID)).not.toBeNull();
    const off = await setUserActive(db, admin, user.id, { active: false, version: user.version });
    expect(await loadViewer(db, user.id, SID)).toBeNull();
    await setUserActive(db, admin, user.id, { active: true, version: off.version });
    expect(await loadViewer(db, user.id, SID)).toMatchObject({ id: user.id, username: "zhou" });
  });

  it("reflects role and unit changes at once", async () => {
    const user = await insertUser(db, { unitId: unitA.id, username: "wu", role: "staff" });
    expect(await loadViewer(db, user.id, SID)).toMatchObject({ role: "staff", unitId: unitA.id });
    await updateUser(db, admin, user.id, { displayName: "吴磊", role: "manager", unitId: unitB.id, version: user.version });
    expect(await loadViewer(db, user.id, SID)).toMatchObject({
      role: "manager",
      displayName: "吴磊",
      unitId: unitB.id,
      unitName: "市北区投资促进局",
    });
    await db.update(users).set({ role: "admin" }).where(eq(users.id, user.id));
    expect((await loadViewer(db, user.id, SID))?.role).toBe("admin");
  });

  it("returns null for a session that was signed out, but not for the user's other sessions", async () => {
    const user = await insertUser(db, { unitId: unitA.id, username: "zheng" });
    const [signedOut, other] = [randomUUID(), randomUUID()];
    expect(await loadViewer(db, user.id, signedOut)).not.toBeNull();
    await revokeSession(db, signedOut, new Date(Date.now() + 3_600_000));
    await revokeSession(db, signedOut, new Date(Date.now() + 3_600_000)); // twice is harmless
    expect(await loadViewer(db, user.id, signedOut)).toBeNull();
    expect(await loadViewer(db, user.id, other)).toMatchObject({ id: user.id });
  });

  it("forgets revocations once the session would have expired anyway", async () => {
    const stale = randomUUID();
    await db.insert(revokedSessions).values({ sid: stale, expiresAt: new Date(Date.now() - 1000) });
    await revokeSession(db, randomUUID(), new Date(Date.now() + 3_600_000));
    expect(await db.select().from(revokedSessions).where(eq(revokedSessions.sid, stale))).toEqual([]);
  });
});

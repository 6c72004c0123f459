import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { auditLog, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/roles";
import { ValidationError } from "@/lib/errors";
import { changeOwnPassword, createUser, resetPassword } from "@/lib/users/service";
import { createTestDb } from "../support/db";
import { counts, getUserRow, insertUnit, insertViewer, rejection, viewerFor } from "./fixtures";

const { db } = await createTestDb();

const INITIAL = "Initial-Pw-7731";
const RESET = "Reset-Pw-4410";
const CHANGED = "Changed-Pw-9902";
const WRONG = "Wrong-Pw-0000";
const secrets = new Set<string>([INITIAL, RESET, CHANGED]);

let admin: Viewer;
let unitId: string;
const spies: MockInstance[] = [];

beforeAll(async () => {
  unitId = (await insertUnit(db)).id;
  admin = await insertViewer(db, "admin", unitId);
  for (const method of ["log", "error", "warn", "info", "debug"] as const) spies.push(vi.spyOn(console, method));
});

afterAll(() => {
  for (const spy of spies) spy.mockRestore();
});

describe("password storage", () => {
  let userId: string;

  it("createUser stores an argon2id hash, never the password", async () => {
    const created = await createUser(db, admin, { username: "li.ming", displayName: "李明", role: "staff", unitId, password: INITIAL });
    userId = created.id;
    expect(created).not.toHaveProperty("passwordHash");
    expect(created).not.toHaveProperty("password");

    const row = await getUserRow(db, userId);
    secrets.add(row.passwordHash);
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(row.passwordHash).not.toContain(INITIAL);
    expect(row.passwordChangedAt).toBeInstanceOf(Date);
    expect(await verifyPassword(row.passwordHash, INITIAL)).toBe(true);
    expect(await verifyPassword(row.passwordHash, WRONG)).toBe(false);
  });

  it("resetPassword replaces the hash with a new argon2id hash", async () => {
    const before = await getUserRow(db, userId);
    await resetPassword(db, admin, userId, { password: RESET }, { ip: "10.1.1.1" });
    const after = await getUserRow(db, userId);
    secrets.add(after.passwordHash);
    expect(after.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.passwordHash).not.toContain(RESET);
    expect(after.version).toBe(before.version + 1);
    expect(after.passwordChangedAt!.getTime()).toBeGreaterThanOrEqual(before.passwordChangedAt!.getTime());
    expect(await verifyPassword(after.passwordHash, RESET)).toBe(true);
    expect(await verifyPassword(after.passwordHash, INITIAL)).toBe(false);

    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "password_reset"));
    expect(audit).toMatchObject({ actorId: admin.id, entityType: "user", entityId: userId, ip: "10.1.1.1" });
  });

  it("changeOwnPassword with the right current password stores a new hash", async () => {
    const me = await viewerFor(db, userId);
    const before = await getUserRow(db, userId);
    await changeOwnPassword(db, me, { currentPassword: RESET, newPassword: CHANGED, confirmPassword: CHANGED });
    const after = await getUserRow(db, userId);
    secrets.add(after.passwordHash);
    expect(after.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.version).toBe(before.version + 1);
    expect(await verifyPassword(after.passwordHash, CHANGED)).toBe(true);
    expect(await verifyPassword(after.passwordHash, RESET)).toBe(false);

    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "password_change"));
    expect(audit).toMatchObject({ actorId: userId, entityType: "user", entityId: userId });
  });

  it("changeOwnPassword with a wrong current password is refused and changes nothing", async () => {
    const me = await viewerFor(db, userId);
    const before = await getUserRow(db, userId);
    const countsBefore = await counts(db);
    const e = await rejection(changeOwnPassword(db, me, { currentPassword: WRONG, newPassword: "Another-Pw-1", confirmPassword: "Another-Pw-1" }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({ currentPassword: ["errors.currentPasswordWrong"] });
    const after = await getUserRow(db, userId);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.version).toBe(before.version);
    expect(await counts(db)).toEqual(countsBefore);
  });

  it("changeOwnPassword validates the new password before checking anything", async () => {
    const me = await viewerFor(db, userId);
    const e = await rejection(changeOwnPassword(db, me, { currentPassword: CHANGED, newPassword: "short", confirmPassword: "short" }));
    expect((e as ValidationError).fields).toEqual({ newPassword: ["errors.passwordMin"] });
  });

  it("no audit row contains a password or a hash", async () => {
    const rows = await db.select({ action: auditLog.action, before: auditLog.before, after: auditLog.after }).from(auditLog);
    expect(rows.map((r) => r.action).sort()).toEqual(["create", "password_change", "password_reset"]);
    const text = JSON.stringify(rows);
    expect(secrets.size).toBe(6);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain("$argon2");
    expect(text).not.toMatch(/password"?:/i);
    // The create row does record the user, just not its secret.
    expect(rows.find((r) => r.action === "create")!.after).toMatchObject({ username: "li.ming", role: "staff" });
  });

  it("nothing written to the console contains a password or a hash", () => {
    const written = spies.flatMap((spy) => spy.mock.calls.map((args) => args.map((a) => (typeof a === "string" ? a : JSON.stringify(a) ?? String(a))).join(" ")));
    for (const line of written) for (const secret of secrets) expect(line).not.toContain(secret);
  });

  it("the users table holds no clear password anywhere", async () => {
    const rows = await db.select().from(users);
    const text = JSON.stringify(rows);
    for (const clear of [INITIAL, RESET, CHANGED]) expect(text).not.toContain(clear);
  });
});

describe("hashPassword / verifyPassword", () => {
  it("salts each hash and rejects garbage hashes", async () => {
    const [a, b] = await Promise.all([hashPassword("same-password"), hashPassword("same-password")]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(a, "same-password")).toBe(true);
    expect(await verifyPassword(b, "same-password")).toBe(true);
    expect(await verifyPassword(a, "Same-password")).toBe(false);
    expect(await verifyPassword("not-a-hash", "same-password")).toBe(false);
  });
});

import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/roles";
import { ValidationError } from "@/lib/errors";
import { getUser, listUsers } from "@/lib/users/queries";
import { createUser, setUserActive, updateUser } from "@/lib/users/service";
import { userListSchema } from "@/lib/users/validation";
import { createTestDb } from "../support/db";
import { cachedHash, counts, DEFAULT_PASSWORD, getUserRow, insertUnit, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();

let admin: Viewer;
let unitA: string;
let unitB: string;

beforeAll(async () => {
  unitA = (await insertUnit(db, { name: "高新区投资促进部", code: "A" })).id;
  unitB = (await insertUnit(db, { name: "市北区投资促进局", code: "B" })).id;
  admin = await insertViewer(db, "admin", unitA, "sysadmin");
});

const newUser = (over: Record<string, unknown> = {}) => ({
  username: "liu.yang",
  displayName: "刘洋",
  role: "staff",
  unitId: unitA,
  password: "long-enough-1",
  ...over,
});

async function validationFields(promise: Promise<unknown>) {
  const e = await rejection(promise);
  expect(e).toBeInstanceOf(ValidationError);
  expect((e as ValidationError).status).toBe(422);
  return (e as ValidationError).fields;
}

describe("createUser", () => {
  it("creates the user, trims the username and audits it", async () => {
    const created = await createUser(db, admin, newUser({ username: "  Liu.Yang " }), { ip: "10.9.9.9" });
    expect(created).toMatchObject({ username: "Liu.Yang", displayName: "刘洋", role: "staff", unitId: unitA, active: true, version: 1 });
    expect(Object.keys(created).sort()).toEqual(
      ["active", "createdAt", "displayName", "id", "lastSignInAt", "role", "unitId", "updatedAt", "username", "version"].sort(),
    );
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit).toMatchObject({ action: "create", actorId: admin.id, entityType: "user", ip: "10.9.9.9", before: null });
    expect(audit!.after).toMatchObject({ id: created.id, username: "Liu.Yang", role: "staff" });
  });

  it("rejects a taken username whatever its case", async () => {
    const before = await counts(db);
    expect(await validationFields(createUser(db, admin, newUser({ username: "LIU.YANG" })))).toEqual({ username: ["errors.usernameTaken"] });
    expect(await validationFields(createUser(db, admin, newUser({ username: "liu.yang" })))).toEqual({ username: ["errors.usernameTaken"] });
    expect(await counts(db)).toEqual(before);
  });

  it("two admins creating the same username at once: one wins, the other is told the name is taken", async () => {
    const results = await Promise.allSettled([
      createUser(db, admin, newUser({ username: "same.time" })),
      createUser(db, admin, newUser({ username: "SAME.TIME" })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ValidationError);
    expect((failed.reason as ValidationError).fields).toEqual({ username: ["errors.usernameTaken"] });
  });

  it("rejects a unit that does not exist", async () => {
    const before = await counts(db);
    expect(await validationFields(createUser(db, admin, newUser({ username: "nounit", unitId: randomUUID() })))).toEqual({
      unitId: ["errors.unitMissing"],
    });
    expect(await counts(db)).toEqual(before);
  });

  it("rejects a short password and bad usernames", async () => {
    const before = await counts(db);
    expect(await validationFields(createUser(db, admin, newUser({ username: "shortpw", password: "1234567" })))).toEqual({
      password: ["errors.passwordMin"],
    });
    expect(await validationFields(createUser(db, admin, newUser({ username: "有中文" })))).toEqual({ username: ["errors.usernameChars"] });
    expect(await validationFields(createUser(db, admin, newUser({ username: "ab" })))).toEqual({ username: ["errors.usernameLength"] });
    expect(await counts(db)).toEqual(before);
  });
});

describe("updateUser / setUserActive on oneself", () => {
  it("an admin cannot demote themselves", async () => {
    const me = await getUserRow(db, admin.id);
    for (const role of ["manager", "staff"]) {
      expect(await validationFields(updateUser(db, admin, admin.id, { displayName: "改名", role, unitId: unitA, version: me.version }))).toEqual({
        role: ["errors.cannotDemoteSelf"],
      });
    }
    expect(await getUserRow(db, admin.id)).toEqual(me);
  });

  it("an admin may still edit their own name", async () => {
    const me = await getUserRow(db, admin.id);
    const updated = await updateUser(db, admin, admin.id, { displayName: "系统管理员", role: "admin", unitId: unitA, version: me.version });
    expect(updated).toMatchObject({ displayName: "系统管理员", role: "admin", version: me.version + 1 });
  });

  it("an admin cannot deactivate themselves", async () => {
    const me = await getUserRow(db, admin.id);
    const e = await rejection(setUserActive(db, admin, admin.id, { active: false, version: me.version }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({ active: ["errors.cannotDeactivateSelf"] });
    expect((e as ValidationError).message).toBe("errors.cannotDeactivateSelf");
    expect(await getUserRow(db, admin.id)).toEqual(me);
  });

  it("another admin may be deactivated", async () => {
    const other = await insertViewer(db, "admin", unitA, "second.admin");
    const row = await getUserRow(db, other.id);
    expect(await setUserActive(db, admin, other.id, { active: false, version: row.version })).toMatchObject({ active: false });
  });

  it("updateUser rejects a unit that does not exist", async () => {
    const target = await insertViewer(db, "staff", unitA, "moving");
    expect(await validationFields(updateUser(db, admin, target.id, { displayName: "x", role: "staff", unitId: randomUUID(), version: 1 }))).toEqual({
      unitId: ["errors.unitMissing"],
    });
  });
});

describe("listUsers", () => {
  // A separate set of users so counts are exact: 25 "pg" users in unit B plus a few named ones.
  beforeAll(async () => {
    const passwordHash = await cachedHash(DEFAULT_PASSWORD);
    await db.insert(users).values(
      Array.from({ length: 25 }, (_, i) => ({
        username: `pg${String(i).padStart(2, "0")}`,
        displayName: `分页用户${i}`,
        role: i % 5 === 0 ? ("manager" as const) : ("staff" as const),
        unitId: unitB,
        active: i % 4 !== 0,
        passwordHash,
      })),
    );
    await db.insert(users).values([
      { username: "zhang.wei", displayName: "张伟", role: "manager", unitId: unitA, passwordHash },
      { username: "zhangsan", displayName: "张三", role: "staff", unitId: unitB, active: false, passwordHash },
      { username: "wei_li", displayName: "李 100%", role: "staff", unitId: unitA, passwordHash },
    ]);
  });

  const list = (params: Record<string, unknown>) => listUsers(db, admin, userListSchema.parse(params));

  it("searches username and display name, case-insensitively", async () => {
    const byName = await list({ q: "张" });
    expect(byName.rows.map((r) => r.username).sort()).toEqual(["zhang.wei", "zhangsan"]);
    expect(byName.total).toBe(2);
    expect((await list({ q: "ZHANG" })).rows.map((r) => r.username).sort()).toEqual(["zhang.wei", "zhangsan"]);
    expect((await list({ q: "wei" })).rows.map((r) => r.username).sort()).toEqual(["wei_li", "zhang.wei"]);
  });

  it("treats % and _ in the search as plain characters", async () => {
    expect((await list({ q: "%" })).rows.map((r) => r.username)).toEqual(["wei_li"]);
    expect((await list({ q: "_" })).rows.map((r) => r.username)).toEqual(["wei_li"]);
    expect((await list({ q: "100%" })).total).toBe(1);
  });

  it("filters by role, status and unit, alone and together", async () => {
    const managersInB = await list({ role: "manager", unitId: unitB });
    expect(managersInB.rows.map((r) => r.username).sort()).toEqual(["pg00", "pg05", "pg10", "pg15", "pg20"]);
    expect(managersInB.rows.every((r) => r.role === "manager" && r.unitId === unitB)).toBe(true);

    const inactiveInB = await list({ status: "inactive", unitId: unitB });
    expect(inactiveInB.rows.map((r) => r.username).sort()).toEqual(["pg00", "pg04", "pg08", "pg12", "pg16", "pg20", "pg24", "zhangsan"]);
    expect(inactiveInB.total).toBe(8);

    const activeManagers = await list({ role: "manager", status: "active" });
    expect(activeManagers.rows.map((r) => r.username).sort()).toEqual(["pg05", "pg10", "pg15", "zhang.wei"]);

    const inA = await list({ unitId: unitA });
    expect(inA.rows.every((r) => r.unitId === unitA && r.unitName === "高新区投资促进部")).toBe(true);
    expect(inA.rows.map((r) => r.username)).toContain("zhang.wei");
    expect(inA.rows.map((r) => r.username)).not.toContain("zhangsan");
  });

  it("paginates with active users first, then by username, and counts the total", async () => {
    const all = await list({ unitId: unitB, pageSize: 200 });
    expect(all.total).toBe(26);
    const expected = [...all.rows].sort((a, b) => Number(b.active) - Number(a.active) || (a.username < b.username ? -1 : 1)).map((r) => r.username);
    expect(all.rows.map((r) => r.username)).toEqual(expected);
    expect(all.rows[0]!.active).toBe(true);
    expect(all.rows.at(-1)!.active).toBe(false);

    const pages = await Promise.all([1, 2, 3].map((page) => list({ unitId: unitB, pageSize: 10, page })));
    expect(pages.map((p) => p.rows.length)).toEqual([10, 10, 6]);
    expect(pages.every((p) => p.total === 26)).toBe(true);
    expect(pages.flatMap((p) => p.rows.map((r) => r.username))).toEqual(expected);
    expect((await list({ unitId: unitB, pageSize: 10, page: 4 })).rows).toEqual([]);
  });

  it("never returns the password hash", async () => {
    const { rows } = await list({ pageSize: 200 });
    expect(rows.length).toBeGreaterThan(25);
    for (const row of rows) expect(row).not.toHaveProperty("passwordHash");
    expect(JSON.stringify(rows)).not.toContain("$argon2");

    const one = await getUser(db, admin, rows[0]!.id);
    expect(one).toMatchObject({ id: rows[0]!.id, unitName: expect.any(String) });
    expect(one).not.toHaveProperty("passwordHash");
    expect(JSON.stringify(one)).not.toContain("$argon2");
  });

  it("getUser returns null for a missing user", async () => {
    expect(await getUser(db, admin, randomUUID())).toBeNull();
  });
});

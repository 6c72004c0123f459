import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { units, users } from "@/db/schema";
import { DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS, seed } from "@/db/seed";
import { authenticate } from "@/lib/auth/authenticate";
import { listUnits } from "@/lib/units/queries";
import { subtreeIds } from "@/lib/units/tree";
import { createTestDb } from "../support/db";
import { counts } from "./fixtures";

const { db } = await createTestDb();

const firstLog: string[] = [];
const secondLog: string[] = [];

beforeAll(async () => {
  await seed(db, (line) => firstLog.push(line));
});

async function userByName(username: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role, unitId: users.unitId, unitCode: units.code, active: users.active, passwordHash: users.passwordHash })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username));
  if (!row) throw new Error(`no demo user ${username}`);
  return row;
}

describe("seed", () => {
  it("creates the demo units and users", async () => {
    expect(await counts(db)).toMatchObject({ units: 10, users: 4 });
    expect(DEMO_UNITS).toHaveLength(10);
    const rows = await db.select({ username: users.username, role: users.role }).from(users).orderBy(users.username);
    expect(rows).toEqual([
      { username: "admin", role: "admin" },
      { username: "manager", role: "manager" },
      { username: "staff", role: "staff" },
      { username: "staff2", role: "staff" },
    ]);
    expect(firstLog[0]).toBe("[seed] 10 units, 4 new demo users (existing ones left unchanged).");
  });

  it("builds the unit tree from the parent codes", async () => {
    const rows = await db.select({ id: units.id, code: units.code, parentId: units.parentId }).from(units);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    for (const u of DEMO_UNITS) {
      expect(byCode.get(u.code)?.parentId ?? null, u.code).toBe(u.parent ? byCode.get(u.parent)!.id : null);
    }
    expect(rows.filter((r) => r.parentId === null).map((r) => r.code)).toEqual(["QD-TZCJ"]);
  });

  it("puts staff inside the manager's subtree and staff2 outside it", async () => {
    const manager = await userByName("manager");
    const staff = await userByName("staff");
    const staff2 = await userByName("staff2");
    const admin = await userByName("admin");
    expect([admin.unitCode, manager.unitCode, staff.unitCode, staff2.unitCode]).toEqual(["QD-TZCJ", "QDHT-TZCJ", "QDHT-SWYY", "370203-JKG"]);

    const managerSubtree = subtreeIds(await listUnits(db), manager.unitId);
    expect(managerSubtree.size).toBe(3);
    expect(managerSubtree.has(staff.unitId)).toBe(true);
    expect(managerSubtree.has(staff2.unitId)).toBe(false);
  });

  it("is idempotent and leaves existing users unchanged", async () => {
    await db.update(users).set({ displayName: "改过的名字" }).where(eq(users.username, "manager"));
    const before = await counts(db);
    const hashes = await db.select({ username: users.username, passwordHash: users.passwordHash, version: users.version }).from(users).orderBy(users.username);

    await seed(db, (line) => secondLog.push(line));

    expect(await counts(db)).toEqual(before);
    expect(await db.select({ username: users.username, passwordHash: users.passwordHash, version: users.version }).from(users).orderBy(users.username)).toEqual(hashes);
    const [m] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.username, "manager"));
    expect(m?.displayName).toBe("改过的名字");
    expect(secondLog[0]).toBe("[seed] 10 units, 0 new demo users (existing ones left unchanged).");
    const [{ n } = { n: -1 }] = (await db.execute<{ n: number }>(sql`select count(distinct code)::int as n from units`)).rows;
    expect(n).toBe(10);
  });

  it("does not recreate a demo user whose username now differs in case", async () => {
    await db.update(users).set({ username: "Staff2" }).where(eq(users.username, "staff2"));
    await seed(db, () => {});
    expect((await counts(db)).users).toBe(4);
  });

  it("the demo password signs every demo user in", async () => {
    expect(DEMO_PASSWORD).toBe("demo1234");
    for (const u of DEMO_USERS) {
      const result = await authenticate(db, u.username, DEMO_PASSWORD, "127.0.0.1");
      expect(result, u.username).toMatchObject({ ok: true, viewer: { role: u.role, displayName: expect.any(String) } });
    }
    expect(await authenticate(db, "admin", "demo12345", "127.0.0.1")).toEqual({ ok: false, reason: "invalid" });
    const admin = await userByName("admin");
    expect(admin.passwordHash.startsWith("$argon2id$")).toBe(true);
  });

  it("prints the demo logins", () => {
    expect(firstLog.slice(1).join("\n")).toContain("demo1234");
    for (const u of DEMO_USERS) expect(firstLog.some((l) => l.includes(u.username))).toBe(true);
  });
});

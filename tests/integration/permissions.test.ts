import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { units, type Unit, type User } from "@/db/schema";
import type { Viewer } from "@/lib/auth/roles";
import { ForbiddenError } from "@/lib/errors";
import { getUnitTree } from "@/lib/units/queries";
import { createUnit, updateUnit } from "@/lib/units/service";
import { getUser, listUsers } from "@/lib/users/queries";
import { createUser, resetPassword, setUserActive, updateUser } from "@/lib/users/service";
import { userListSchema } from "@/lib/users/validation";
import { createTestDb } from "../support/db";
import { counts, getUserRow, insertUnit, insertUser, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();

let unit: Unit;
let target: User;
let admin: Viewer;
const actors: Record<"manager" | "staff", Viewer> = {} as Record<"manager" | "staff", Viewer>;

beforeAll(async () => {
  unit = await insertUnit(db, { name: "青岛高新区投资促进部", code: "QDHT-TZCJ" });
  admin = await insertViewer(db, "admin", unit.id, "admin");
  actors.manager = await insertViewer(db, "manager", unit.id, "manager");
  actors.staff = await insertViewer(db, "staff", unit.id, "staff");
  target = await insertUser(db, { unitId: unit.id, username: "target", displayName: "目标用户" });
});

const userVersion = async () => (await getUserRow(db, target.id)).version;
const unitVersion = async () => (await db.select({ v: units.version }).from(units).where(eq(units.id, unit.id)))[0]!.v;

/** Every admin-only operation, with input that is valid so that only the role can refuse it. */
const operations: [string, (v: Viewer) => Promise<unknown>][] = [
  ["createUser", (v) => createUser(db, v, { username: "newbie", displayName: "新人", role: "staff", unitId: unit.id, password: "long-enough-1" })],
  ["updateUser", async (v) => updateUser(db, v, target.id, { displayName: "改名", role: "manager", unitId: unit.id, version: await userVersion() })],
  ["setUserActive", async (v) => setUserActive(db, v, target.id, { active: false, version: await userVersion() })],
  ["resetPassword", (v) => resetPassword(db, v, target.id, { password: "another-pass-1" })],
  ["createUnit", (v) => createUnit(db, v, { name: "新单位", code: "NEW-UNIT", parentId: unit.id, sortOrder: 1 })],
  ["updateUnit", async (v) => updateUnit(db, v, unit.id, { name: "改名单位", code: unit.code, parentId: "", sortOrder: 0, version: await unitVersion() })],
  ["listUsers", (v) => listUsers(db, v, userListSchema.parse({}))],
  ["getUser", (v) => getUser(db, v, target.id)],
];

describe.each(["manager", "staff"] as const)("a %s", (role) => {
  it.each(operations)("may not %s, and nothing is written", async (_name, run) => {
    const before = await counts(db);
    const targetBefore = await getUserRow(db, target.id);
    const e = await rejection(run(actors[role]));
    expect(e).toBeInstanceOf(ForbiddenError);
    expect((e as ForbiddenError).status).toBe(403);
    expect((e as ForbiddenError).message).toBe("errors.forbidden");
    expect(await counts(db)).toEqual(before);
    expect(await getUserRow(db, target.id)).toEqual(targetBefore);
  });

  it("may read the unit tree", async () => {
    expect((await getUnitTree(db)).map((u) => u.code)).toContain("QDHT-TZCJ");
  });
});

describe("an admin", () => {
  // The same inputs succeed for an admin: the refusals above are about the role alone.
  it("may do every one of those operations", async () => {
    const before = await counts(db);
    for (const [name, run] of operations) {
      await expect(run(admin), name).resolves.not.toThrow();
    }
    const after = await counts(db);
    expect(after.users).toBe(before.users + 1);
    expect(after.units).toBe(before.units + 1);
    // create user, update user, deactivate, reset password, create unit, update unit.
    expect(after.audit).toBe(before.audit + 6);
    expect(await getUserRow(db, target.id)).toMatchObject({ displayName: "改名", role: "manager", active: false });
  });
});

import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog, units } from "@/db/schema";
import { listEntityHistory } from "@/lib/audit/queries";
import type { Viewer } from "@/lib/auth/roles";
import { ConflictError } from "@/lib/errors";
import { createUnit, updateUnit } from "@/lib/units/service";
import { setUserActive, updateUser } from "@/lib/users/service";
import { createTestDb } from "../support/db";
import { counts, getUserRow, insertUnit, insertUser, insertViewer, messageChain, rejection } from "./fixtures";

const { db } = await createTestDb();

let admin: Viewer;
let unitA: string;
let unitB: string;

beforeAll(async () => {
  unitA = (await insertUnit(db, { code: "A" })).id;
  unitB = (await insertUnit(db, { code: "B" })).id;
  admin = await insertViewer(db, "admin", unitA);
});

const auditRowsFor = (entityId: string) =>
  db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);

describe("updateUser auditing", () => {
  it("writes exactly one row with only the changed fields", async () => {
    const user = await insertUser(db, { unitId: unitA, displayName: "Old Name", role: "staff" });
    const before = await counts(db);
    const updated = await updateUser(db, admin, user.id, { displayName: "New Name", role: "staff", unitId: unitA, version: user.version }, { ip: "10.0.0.5" });
    expect(updated).toMatchObject({ displayName: "New Name", version: user.version + 1 });
    expect((await counts(db)).audit).toBe(before.audit + 1);

    const rows = await auditRowsFor(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: admin.id,
      action: "update",
      entityType: "user",
      entityId: user.id,
      ip: "10.0.0.5",
    });
    expect(rows[0]!.before).toStrictEqual({ displayName: "Old Name" });
    expect(rows[0]!.after).toStrictEqual({ displayName: "New Name" });
  });

  it("records role and unit changes together", async () => {
    const user = await insertUser(db, { unitId: unitA, role: "staff" });
    await updateUser(db, admin, user.id, { displayName: user.displayName, role: "manager", unitId: unitB, version: user.version });
    const [row] = await auditRowsFor(user.id);
    expect(row!.before).toStrictEqual({ role: "staff", unitId: unitA });
    expect(row!.after).toStrictEqual({ role: "manager", unitId: unitB });
  });

  it("writes no row when nothing changed", async () => {
    const user = await insertUser(db, { unitId: unitA });
    await updateUser(db, admin, user.id, { displayName: user.displayName, role: user.role, unitId: user.unitId, version: user.version });
    expect(await auditRowsFor(user.id)).toEqual([]);
  });

  it("audits deactivation with its own action", async () => {
    const user = await insertUser(db, { unitId: unitA });
    await setUserActive(db, admin, user.id, { active: false, version: user.version });
    const rows = await auditRowsFor(user.id);
    expect(rows.map((r) => [r.action, r.before, r.after])).toStrictEqual([["deactivate", { active: true }, { active: false }]]);
  });

  it("a stale version throws ConflictError and writes neither the change nor an audit row", async () => {
    const user = await insertUser(db, { unitId: unitA, displayName: "Current" });
    await updateUser(db, admin, user.id, { displayName: "Current 2", role: "staff", unitId: unitA, version: user.version });
    const rowBefore = await getUserRow(db, user.id);
    const before = await counts(db);

    const e = await rejection(updateUser(db, admin, user.id, { displayName: "Lost update", role: "manager", unitId: unitA, version: user.version }));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).status).toBe(409);
    expect((e as ConflictError).code).toBe("stale_version");
    // The error carries the current row for the form to show, without the hash.
    expect((e as ConflictError).current).toMatchObject({ displayName: "Current 2", version: user.version + 1 });
    expect((e as ConflictError).current).not.toHaveProperty("passwordHash");

    expect(await getUserRow(db, user.id)).toEqual(rowBefore);
    expect(await counts(db)).toEqual(before);
  });

  it("two admins at once: disjoint edits both survive; the same field is refused with the current values", async () => {
    const user = await insertUser(db, { unitId: unitA, displayName: "赵敏" });
    await updateUser(db, admin, user.id, { role: "manager", version: user.version });
    const stale = (await rejection(updateUser(db, admin, user.id, { unitId: unitB, version: user.version }))) as ConflictError;
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toEqual({ displayName: "赵敏", role: "manager", unitId: unitA, version: user.version + 1 });
    await updateUser(db, admin, user.id, { unitId: unitB, version: user.version + 1 });
    expect(await getUserRow(db, user.id)).toMatchObject({ displayName: "赵敏", role: "manager", unitId: unitB, version: user.version + 2 });
    await updateUser(db, admin, user.id, { displayName: "赵敏（综合科）", version: user.version + 2 });
    const clash = (await rejection(updateUser(db, admin, user.id, { displayName: "赵敏敏", version: user.version + 2 }))) as ConflictError;
    expect(clash.current).toMatchObject({ displayName: "赵敏（综合科）", version: user.version + 3 });
  });

  it("history lists the changes newest first with the actor's name", async () => {
    const user = await insertUser(db, { unitId: unitA, displayName: "v1" });
    const v2 = await updateUser(db, admin, user.id, { displayName: "v2", role: "staff", unitId: unitA, version: user.version });
    await updateUser(db, admin, user.id, { displayName: "v3", role: "staff", unitId: unitA, version: v2.version });
    const history = await listEntityHistory(db, "user", user.id);
    expect(history.map((h) => [h.after, h.actorName])).toStrictEqual([
      [{ displayName: "v3" }, admin.displayName],
      [{ displayName: "v2" }, admin.displayName],
    ]);
  });
});

describe("atomicity of a change and its audit row", () => {
  const installFailingAudit = () =>
    db.execute(
      sql.raw(`
        create function fail_audit() returns trigger language plpgsql as $$ begin raise exception 'audit down'; end $$;
        create trigger fail_audit_insert before insert on audit_log for each row execute function fail_audit();
      `),
    );

  afterEach(async () => {
    await db.execute(sql.raw("drop trigger if exists fail_audit_insert on audit_log; drop function if exists fail_audit();"));
  });

  it("updateUser leaves the user unchanged when the audit row cannot be written", async () => {
    const user = await insertUser(db, { unitId: unitA, displayName: "Before", role: "staff" });
    await installFailingAudit();

    const e = await rejection(updateUser(db, admin, user.id, { displayName: "After", role: "manager", unitId: unitB, version: user.version }));
    expect(messageChain(e)).toContain("audit down");

    const row = await getUserRow(db, user.id);
    expect(row).toMatchObject({ version: user.version, displayName: "Before", role: "staff", unitId: unitA });
    expect(row.updatedAt).toEqual(user.updatedAt);
    expect(await auditRowsFor(user.id)).toEqual([]);
  });

  it("setUserActive leaves the user active when the audit row cannot be written", async () => {
    const user = await insertUser(db, { unitId: unitA });
    await installFailingAudit();
    expect(messageChain(await rejection(setUserActive(db, admin, user.id, { active: false, version: user.version })))).toContain("audit down");
    expect(await getUserRow(db, user.id)).toMatchObject({ active: true, version: user.version });
  });

  it("createUnit creates no unit when the audit row cannot be written", async () => {
    const before = await counts(db);
    await installFailingAudit();
    const e = await rejection(createUnit(db, admin, { name: "审计失败单位", code: "AUDIT-DOWN", parentId: unitA, sortOrder: 0 }));
    expect(messageChain(e)).toContain("audit down");
    expect(await db.select().from(units).where(eq(units.code, "AUDIT-DOWN"))).toEqual([]);
    expect(await counts(db)).toEqual(before);
  });

  it("updateUnit leaves the unit unchanged when the audit row cannot be written", async () => {
    const unit = await insertUnit(db, { name: "原名", code: "KEEP" });
    await installFailingAudit();
    const e = await rejection(updateUnit(db, admin, unit.id, { name: "新名", code: "KEEP", parentId: "", sortOrder: 0, version: unit.version }));
    expect(messageChain(e)).toContain("audit down");
    const [row] = await db.select().from(units).where(eq(units.id, unit.id));
    expect(row).toMatchObject({ name: "原名", version: unit.version });
  });

  it("works again once the audit log accepts rows", async () => {
    const user = await insertUser(db, { unitId: unitA, displayName: "Before" });
    await updateUser(db, admin, user.id, { displayName: "After", role: "staff", unitId: unitA, version: user.version });
    const rows = await db.select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "update")));
    expect(rows).toHaveLength(1);
  });
});

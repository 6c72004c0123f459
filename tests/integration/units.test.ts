import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, units, type Unit } from "@/db/schema";
import type { Viewer } from "@/lib/auth/roles";
import { ConflictError, ValidationError } from "@/lib/errors";
import { getUnitTree, listUnits } from "@/lib/units/queries";
import { createUnit, updateUnit } from "@/lib/units/service";
import { createTestDb } from "../support/db";
import { counts, insertUnit, insertUser, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();
// The tree test gets a database of its own so that only its units are listed.
const { db: treeDb } = await createTestDb();

let admin: Viewer;
let root: Unit;

beforeAll(async () => {
  root = await insertUnit(db, { name: "青岛市投资促进局", code: "QD-TZCJ" });
  admin = await insertViewer(db, "admin", root.id);
});

const unitRow = async (id: string) => (await db.select().from(units).where(eq(units.id, id)))[0]!;

async function validationFields(promise: Promise<unknown>) {
  const e = await rejection(promise);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).fields;
}

describe("createUnit", () => {
  it("creates a unit under a parent and audits it", async () => {
    const created = await createUnit(db, admin, { name: " 高新区管委会 ", code: "QDHT", parentId: root.id, sortOrder: "1" }, { ip: "10.2.2.2" });
    expect(created).toMatchObject({ name: "高新区管委会", code: "QDHT", parentId: root.id, sortOrder: 1, version: 1 });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit).toMatchObject({ action: "create", entityType: "unit", actorId: admin.id, ip: "10.2.2.2" });
    expect(audit!.after).toMatchObject({ code: "QDHT", name: "高新区管委会", parentId: root.id });
  });

  it("an empty parent makes a top-level unit", async () => {
    const created = await createUnit(db, admin, { name: "另一个根", code: "ROOT2", parentId: "" });
    expect(created.parentId).toBeNull();
  });

  it("rejects a duplicate code and writes nothing", async () => {
    const before = await counts(db);
    expect(await validationFields(createUnit(db, admin, { name: "重复", code: "QD-TZCJ", parentId: "" }))).toEqual({ code: ["errors.unitCodeTaken"] });
    expect(await counts(db)).toEqual(before);
  });

  it("rejects a parent that does not exist, next to the field", async () => {
    expect(
      await validationFields(createUnit(db, admin, { name: "孤儿", code: "ORPHAN", parentId: "00000000-0000-4000-8000-000000000000" })),
    ).toEqual({ parentId: ["errors.unitMissing"] });
  });

  it("rejects an invalid code", async () => {
    expect(await validationFields(createUnit(db, admin, { name: "坏代码", code: "a b", parentId: "" }))).toEqual({ code: ["errors.codeChars"] });
  });
});

describe("updateUnit", () => {
  // top ─ mid ─ leaf
  let top: Unit;
  let mid: Unit;
  let leaf: Unit;
  beforeAll(async () => {
    top = await insertUnit(db, { name: "顶层", code: "TOP" });
    mid = await insertUnit(db, { name: "中层", code: "MID", parentId: top.id });
    leaf = await insertUnit(db, { name: "底层", code: "LEAF", parentId: mid.id });
  });

  const move = (unit: Unit, parentId: string, version = unit.version) =>
    updateUnit(db, admin, unit.id, { name: unit.name, code: unit.code, parentId, sortOrder: unit.sortOrder, version });

  it("refuses to move a unit under its own descendant", async () => {
    const before = await counts(db);
    expect(await validationFields(move(top, leaf.id))).toEqual({ parentId: ["errors.unitCycle"] });
    expect(await validationFields(move(top, mid.id))).toEqual({ parentId: ["errors.unitCycle"] });
    expect(await validationFields(move(mid, leaf.id))).toEqual({ parentId: ["errors.unitCycle"] });
    expect((await unitRow(top.id)).parentId).toBeNull();
    expect(await counts(db)).toEqual(before);
  });

  it("refuses to move a unit under itself", async () => {
    expect(await validationFields(move(mid, mid.id))).toEqual({ parentId: ["errors.unitCycle"] });
    expect((await unitRow(mid.id)).parentId).toBe(top.id);
  });

  it("moves a unit elsewhere, bumps its version and audits only the parent", async () => {
    const moved = await move(leaf, top.id);
    expect(moved).toMatchObject({ parentId: top.id, version: leaf.version + 1 });
    const rows = await db.select().from(auditLog).where(eq(auditLog.entityId, leaf.id));
    expect(rows.map((r) => [r.action, r.before, r.after])).toStrictEqual([["update", { parentId: mid.id }, { parentId: top.id }]]);
  });

  it("refuses a stale version", async () => {
    const current = await unitRow(mid.id);
    await updateUnit(db, admin, mid.id, { name: "中层改名", code: "MID", parentId: top.id, sortOrder: 0, version: current.version });
    const e = await rejection(updateUnit(db, admin, mid.id, { name: "过期", code: "MID", parentId: top.id, sortOrder: 0, version: current.version }));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).status).toBe(409);
    expect((await unitRow(mid.id)).name).toBe("中层改名");
  });

  it("refuses another unit's code but keeps its own", async () => {
    const current = await unitRow(mid.id);
    expect(
      await validationFields(updateUnit(db, admin, mid.id, { name: current.name, code: "TOP", parentId: top.id, sortOrder: 0, version: current.version })),
    ).toEqual({ code: ["errors.unitCodeTaken"] });
    await expect(
      updateUnit(db, admin, mid.id, { name: current.name, code: "MID", parentId: top.id, sortOrder: 5, version: current.version }),
    ).resolves.toMatchObject({ sortOrder: 5 });
  });
});

describe("two admins editing a unit at once", () => {
  it("disjoint edits both survive; the same field is refused with the current values", async () => {
    const u = await insertUnit(db, { name: "崂山区投资促进中心", code: "LS-TC", parentId: root.id });
    await updateUnit(db, admin, u.id, { sortOrder: 7, version: u.version });
    const stale = (await rejection(updateUnit(db, admin, u.id, { name: "崂山区投资促进局", version: u.version }))) as ConflictError;
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toEqual({ name: "崂山区投资促进中心", code: "LS-TC", parentId: root.id, sortOrder: 7, version: u.version + 1 });
    await updateUnit(db, admin, u.id, { name: "崂山区投资促进局", version: u.version + 1 });
    expect(await unitRow(u.id)).toMatchObject({ name: "崂山区投资促进局", code: "LS-TC", parentId: root.id, sortOrder: 7, version: u.version + 2 });
    await updateUnit(db, admin, u.id, { code: "LS-TCJ", version: u.version + 2 });
    const clash = (await rejection(updateUnit(db, admin, u.id, { code: "LS-TZ", version: u.version + 2 }))) as ConflictError;
    expect(clash.current).toMatchObject({ code: "LS-TCJ", version: u.version + 3 });
  });
});

describe("getUnitTree", () => {
  it("lists depth-first by sort order with active member counts", async () => {
    const a = await insertUnit(treeDb, { name: "A 市局", code: "A", sortOrder: 0 });
    const b2 = await insertUnit(treeDb, { name: "B2", code: "B2", parentId: a.id, sortOrder: 2 });
    const b1 = await insertUnit(treeDb, { name: "B1", code: "B1", parentId: a.id, sortOrder: 1 });
    const c = await insertUnit(treeDb, { name: "C", code: "C", parentId: b1.id, sortOrder: 0 });
    const z = await insertUnit(treeDb, { name: "Z 区局", code: "Z", sortOrder: 1 });
    // Same sort order: by name.
    const b0y = await insertUnit(treeDb, { name: "Y", code: "BY", parentId: a.id, sortOrder: 2 });

    await insertUser(treeDb, { unitId: b1.id });
    await insertUser(treeDb, { unitId: b1.id });
    await insertUser(treeDb, { unitId: b1.id, active: false });
    await insertUser(treeDb, { unitId: c.id });
    await insertUser(treeDb, { unitId: z.id, active: false });

    const tree = await getUnitTree(treeDb);
    expect(tree.map((u) => [u.code, u.depth, u.memberCount])).toEqual([
      ["A", 0, 0],
      ["B1", 1, 2],
      ["C", 2, 1],
      ["B2", 1, 0],
      ["BY", 1, 0],
      ["Z", 0, 0],
    ]);
    expect(tree.find((u) => u.id === b2.id)?.parentId).toBe(a.id);
    expect(tree.find((u) => u.id === b0y.id)?.name).toBe("Y");
    expect((await listUnits(treeDb)).length).toBe(6);
  });
});

describe("a parent that does not exist", () => {
  it("createUnit refuses it", async () => {
    const before = await counts(db);
    // Refused by the foreign key, so nothing is written. (It surfaces as a database error, not
    // a ValidationError on parentId: see the report that came with these tests.)
    await expect(createUnit(db, admin, { name: "孤儿", code: "ORPHAN", parentId: randomUUID() })).rejects.toThrow();
    expect(await counts(db)).toEqual(before);
  });
});

import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, targets, type Unit } from "@/db/schema";
import type { Viewer } from "@/lib/auth/roles";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { getTarget, listTargets } from "@/lib/targets/queries";
import { createTarget, updateTarget } from "@/lib/targets/service";
import { createTestDb } from "../support/db";
import { insertUnit, insertUser, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();
let zone: Unit, group: Unit, other: Unit;
let admin: Viewer, manager: Viewer, staff: Viewer;
let officerId: string, strangerId: string;

const input = (over: Record<string, unknown> = {}) => ({
  year: 2026,
  unitId: group.id,
  ownerId: "",
  signedCount: "8",
  signedInvestmentYi: "45.5",
  constructionStarts: "3",
  operatingProjects: "2",
  ...over,
});

beforeAll(async () => {
  zone = await insertUnit(db, { name: "高新区投资促进部" });
  group = await insertUnit(db, { name: "生物医药招商组", parentId: zone.id });
  other = await insertUnit(db, { name: "市北区投资促进局" });
  admin = await insertViewer(db, "admin", zone.id);
  manager = await insertViewer(db, "manager", zone.id);
  staff = await insertViewer(db, "staff", group.id);
  officerId = (await insertUser(db, { unitId: group.id })).id;
  strangerId = (await insertUser(db, { unitId: other.id })).id;
});

describe("targets", () => {
  it("a manager sets one for a unit below theirs, in 元, with an audit row", async () => {
    const created = await createTarget(db, manager, input());
    expect(created).toMatchObject({ year: 2026, unitId: group.id, ownerId: null, signedCount: 8, signedInvestment: "4550000000.00", constructionStarts: 3, operatingProjects: 2 });
    const [audit] = await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entityType, "target"), eq(auditLog.entityId, created.id)));
    expect(audit!.n).toBe(1);
    // And for one of its officers.
    expect((await createTarget(db, manager, input({ ownerId: officerId, signedCount: "2" }))).ownerId).toBe(officerId);
  });

  it("refuses units and people outside the manager's scope, staff, and a second target for the same year and unit", async () => {
    const outside = (await rejection(createTarget(db, manager, input({ unitId: other.id })))) as ValidationError;
    expect(outside).toBeInstanceOf(ValidationError);
    expect(outside.fields).toMatchObject({ unitId: ["targets.errors.unitOutOfScope"] });
    const stranger = (await rejection(createTarget(db, manager, input({ ownerId: strangerId })))) as ValidationError;
    expect(stranger.fields).toMatchObject({ ownerId: ["targets.errors.ownerOutOfScope"] });
    expect(await rejection(createTarget(db, staff, input({ year: 2027 })))).toBeInstanceOf(ForbiddenError);
    const duplicate = (await rejection(createTarget(db, manager, input()))) as ValidationError;
    expect(duplicate.fields).toMatchObject({ unitId: ["targets.errors.duplicate"] });
    const bad = (await rejection(createTarget(db, manager, input({ year: 2028, signedCount: "十个", signedInvestmentYi: "-1" })))) as ValidationError;
    expect(bad.fields).toMatchObject({ signedCount: ["targets.errors.count"], signedInvestmentYi: ["projects.errors.amount"] });
    const [rows] = await db.select({ n: count() }).from(targets);
    expect(rows!.n).toBe(2);
    // An admin may set one anywhere.
    expect((await createTarget(db, admin, input({ unitId: other.id }))).unitId).toBe(other.id);
  });

  it("saves over its own version only, and another district's target is not there for a manager", async () => {
    const [row] = await db.select().from(targets).where(and(eq(targets.unitId, group.id), eq(targets.year, 2026))).limit(1);
    const saved = await updateTarget(db, manager, row!.id, { ...input({ ownerId: row!.ownerId ?? "", signedCount: "9" }), version: row!.version });
    expect(saved.signedCount).toBe(9);
    expect(await rejection(updateTarget(db, manager, row!.id, { ...input({ ownerId: row!.ownerId ?? "" }), version: row!.version }))).toBeInstanceOf(ConflictError);
    const [theirs] = await db.select().from(targets).where(eq(targets.unitId, other.id));
    expect(await getTarget(db, manager, theirs!.id)).toBeNull();
    expect(await rejection(updateTarget(db, manager, theirs!.id, { ...input(), version: theirs!.version }))).toBeInstanceOf(NotFoundError);
    expect(await getTarget(db, manager, "not-a-uuid")).toBeNull();
    expect((await listTargets(db, manager, 2026)).map((t) => t.unitName).sort()).toEqual(["生物医药招商组", "生物医药招商组"]);
    expect((await listTargets(db, admin, 2026)).length).toBe(3);
  });

  it("two managers at once: disjoint edits both survive; the same field is refused with the current values", async () => {
    const created = await createTarget(db, manager, input({ year: 2030 }));
    await updateTarget(db, admin, created.id, { constructionStarts: "5", version: 1 });
    const stale = (await rejection(updateTarget(db, manager, created.id, { signedInvestmentYi: "50", version: 1 }))) as ConflictError;
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toEqual({ year: 2030, unitId: group.id, ownerId: "", signedCount: "8", signedInvestmentYi: "45.5", constructionStarts: "5", operatingProjects: "2", version: 2 });
    await updateTarget(db, manager, created.id, { signedInvestmentYi: "50", version: 2 });
    const [row] = await db.select().from(targets).where(eq(targets.id, created.id));
    expect(row).toMatchObject({ signedCount: 8, signedInvestment: "5000000000.00", constructionStarts: 5, operatingProjects: 2, version: 3 });
    await updateTarget(db, admin, created.id, { signedCount: "10", version: 3 });
    const clash = (await rejection(updateTarget(db, manager, created.id, { signedCount: "12", version: 3 }))) as ConflictError;
    expect(clash.current).toMatchObject({ signedCount: "10", version: 4 });
  });
});

import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, enterprises, gridOfficers, grids, holidays, serviceRequests } from "@/db/schema";
import type { Viewer } from "@/lib/auth/roles";
import { addDays, makeCalendar } from "@/lib/grids/calendar";
import { requestClocks } from "@/lib/grids/clock";
import { officialHolidayRows } from "@/lib/grids/official-holidays";
import {
  clockCtes,
  enterpriseGrid,
  getGridAccess,
  getRequest,
  gridOverview,
  listGridEnterprises,
  listGridRequests,
  requestFigures,
} from "@/lib/grids/queries";
import { addHoliday, advanceRequest, assignEnterprise, createGrid, createRequest, removeHoliday, unassignEnterprise, updateGrid } from "@/lib/grids/service";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { historyGridNames } from "@/lib/enterprises/queries";
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();

/** An instant given as China local time. */
const at = (local: string) => new Date(`${local}+08:00`);
// "Now" for the figures: Friday 2026-10-09, the second working day after 国庆节; Saturday 10-10 is worked.
const NOW = at("2026-10-09T10:00:00");

let admin: Viewer, managerA: Viewer, staffA: Viewer, officerB: Viewer, managerB: Viewer;
let unitA: string, unitA1: string, unitB: string, root: string;
let gA: string, gA1: string, gB: string, gX: string;
let entA: string, entA2: string, entA1: string, entB: string;

async function insertGrid(code: string, unitId: string) {
  const [g] = await db.insert(grids).values({ code, name: `网格${code}`, unitId }).returning();
  return g!.id;
}

async function insertEnterprise(name: string, unitId: string, gridId: string | null) {
  const [e] = await db.insert(enterprises).values({ name, unitId, gridId }).returning();
  return e!.id;
}

type Times = { received: string; accepted?: string; replied?: string; resolved?: string };
async function insertRequest(gridId: string, enterpriseId: string, t: Times, title = "诉求") {
  const status = t.resolved ? "resolved" : t.replied ? "replied" : t.accepted ? "accepted" : "received";
  const [r] = await db
    .insert(serviceRequests)
    .values({
      gridId,
      enterpriseId,
      category: "policy",
      title,
      status,
      receivedAt: at(t.received),
      acceptedAt: t.accepted ? at(t.accepted) : null,
      repliedAt: t.replied ? at(t.replied) : null,
      resolvedAt: t.resolved ? at(t.resolved) : null,
    })
    .returning();
  return r!.id;
}

const auditCount = async (entityType: string, entityId?: string) => {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), entityId ? eq(auditLog.entityId, entityId) : undefined));
  return row!.n;
};

beforeAll(async () => {
  await db.insert(holidays).values([...officialHolidayRows(2025), ...officialHolidayRows(2026)]);
  root = (await insertUnit(db, { name: "区投资促进局" })).id;
  unitA = (await insertUnit(db, { name: "高新区", parentId: root })).id;
  unitA1 = (await insertUnit(db, { name: "高新区网格中心", parentId: unitA })).id;
  unitB = (await insertUnit(db, { name: "市北区", parentId: root })).id;
  admin = await insertViewer(db, "admin", root);
  managerA = await insertViewer(db, "manager", unitA);
  staffA = await insertViewer(db, "staff", unitA);
  officerB = await insertViewer(db, "staff", unitB);
  managerB = await insertViewer(db, "manager", unitB);
  gA = await insertGrid("GA", unitA);
  gA1 = await insertGrid("GA1", unitA1);
  gB = await insertGrid("GB", unitB);
  gX = await insertGrid("GX", root);
  // A 市北 staff member serves as a 网格员 of a 高新区 grid.
  await db.insert(gridOfficers).values({ gridId: gA, userId: officerB.id, role: "member" });
  entA = await insertEnterprise("海克斯康测量技术（青岛）有限公司", unitA, gA);
  entA2 = await insertEnterprise("青岛艾普智能仪器有限公司", unitA, null);
  entA1 = await insertEnterprise("青岛智腾微电子有限公司", unitA1, gA1);
  entB = await insertEnterprise("青岛百洋医药股份有限公司", unitB, gB);

  // The figures' dataset (deadlines worked out by hand in the comments).
  // gA: r1 resolved on time (resolve due 09-15); r2 resolved 09-16, late.
  await insertRequest(gA, entA, { received: "2026-09-01T09:00:00", accepted: "2026-09-01T10:00:00", replied: "2026-09-04T10:00:00", resolved: "2026-09-10T10:00:00" }, "r1");
  await insertRequest(gA, entA, { received: "2026-09-01T09:05:00", accepted: "2026-09-01T10:00:00", replied: "2026-09-08T10:00:00", resolved: "2026-09-16T10:00:00" }, "r2");
  // r3: reply due 10-13 (08, 09, Sat 10, 12, 13): green. r4: reply due 10-09 = today: yellow.
  await insertRequest(gA, entA, { received: "2026-09-30T10:00:00", accepted: "2026-09-30T11:00:00" }, "r3");
  await insertRequest(gA, entA, { received: "2026-09-24T10:00:00", accepted: "2026-09-24T11:00:00" }, "r4");
  // r5: reply due 09-29: red. r6: received today, not yet accepted: yellow.
  await insertRequest(gA, entA, { received: "2026-09-21T10:00:00", accepted: "2026-09-21T11:00:00" }, "r5");
  await insertRequest(gA, entA, { received: "2026-10-09T08:30:00" }, "r6");
  // r7: last year, outside the default period.
  await insertRequest(gA, entA, { received: "2025-12-22T10:00:00", accepted: "2025-12-22T11:00:00", replied: "2025-12-23T10:00:00", resolved: "2025-12-24T10:00:00" }, "r7");
  // gA1: r8 received on a holiday, starts 10-08, not accepted: red. r9 resolved on time.
  await insertRequest(gA1, entA1, { received: "2026-10-02T11:00:00" }, "r8");
  await insertRequest(gA1, entA1, { received: "2026-08-03T09:00:00", accepted: "2026-08-03T09:30:00", replied: "2026-08-05T10:00:00", resolved: "2026-08-07T10:00:00" }, "r9");
  // gB: one resolved on time.
  await insertRequest(gB, entB, { received: "2026-06-01T09:00:00", accepted: "2026-06-01T10:00:00", replied: "2026-06-02T10:00:00", resolved: "2026-06-03T10:00:00" }, "r10");
});

describe("grid figures", () => {
  it("per grid and overall equal the hand-computed values", async () => {
    const overview = await gridOverview(db, managerA, {}, NOW);
    expect(overview.period).toEqual({ from: "2026-01-01", to: "2026-10-09" });
    const byCode = new Map(overview.grids.map((g) => [g.code, g]));
    expect([...byCode.keys()].sort()).toEqual(["GA", "GA1"]);
    expect(byCode.get("GA")).toMatchObject({ received: 6, resolved: 2, resolvedOnTime: 1, openRed: 1, openYellow: 2, closureRate: 33.3, onTimeRate: 50, enterpriseCount: 1 });
    expect(byCode.get("GA1")).toMatchObject({ received: 2, resolved: 1, resolvedOnTime: 1, openRed: 1, openYellow: 0, closureRate: 50, onTimeRate: 100 });
    expect(overview.total).toMatchObject({ received: 8, resolved: 3, resolvedOnTime: 2, openRed: 2, openYellow: 2, closureRate: 37.5, onTimeRate: 66.7, grids: 2 });
  });

  it("follow the period and the unit filter", async () => {
    const wider = await gridOverview(db, managerA, { from: "2025-12-01", to: "2026-10-09" }, NOW);
    expect(wider.grids.find((g) => g.code === "GA")).toMatchObject({ received: 7, resolved: 3, resolvedOnTime: 2, closureRate: 42.9, onTimeRate: 66.7 });
    const august = await gridOverview(db, managerA, { from: "2026-08-01", to: "2026-08-31" }, NOW);
    expect(august.total).toMatchObject({ received: 1, resolved: 1, closureRate: 100 });
    const onlyA1 = await gridOverview(db, managerA, { unit: unitA1 }, NOW);
    expect(onlyA1.grids.map((g) => g.code)).toEqual(["GA1"]);
    expect(onlyA1.total).toMatchObject({ received: 2, resolved: 1 });
    const all = await gridOverview(db, admin, {}, NOW);
    expect(all.total).toMatchObject({ received: 9, resolved: 4, resolvedOnTime: 3, grids: 4 });
  });

  it("lists a grid's requests with their clocks, filtered by status and colour", async () => {
    const titles = async (params: Parameters<typeof listGridRequests>[3]) => (await listGridRequests(db, managerA, gA, params, NOW)).rows.map((r) => r.title);
    expect(await titles({ page: 1 })).toEqual(["r6", "r3", "r4", "r5", "r2", "r1"]);
    expect(await titles({ page: 1, colour: "red" })).toEqual(["r5", "r2"]);
    expect(await titles({ page: 1, colour: "yellow" })).toEqual(["r6", "r4"]);
    expect(await titles({ page: 1, status: "open" })).toEqual(["r6", "r3", "r4", "r5"]);
    expect(await titles({ page: 1, status: "resolved", colour: "green" })).toEqual(["r1"]);
    const { rows, total } = await listGridRequests(db, managerA, gA, { page: 1, status: "accepted" }, NOW);
    expect(total).toBe(3);
    const r4 = rows.find((r) => r.title === "r4")!;
    // Resolve: five working days after reply's 10-09 — Saturday 10-10 (worked), 12, 13, 14, 15.
    expect(r4).toMatchObject({ due: { accept: "2026-09-24", reply: "2026-10-09", resolve: "2026-10-15" }, states: { accept: "on_time", reply: "due_soon", resolve: "pending" }, overall: "yellow" });
    expect(r4.enterpriseName).toBe("海克斯康测量技术（青岛）有限公司");
  });

  it("agree with lib/grids/clock.ts on every day of a year, holidays and make-up days included", async () => {
    const cal = makeCalendar([...officialHolidayRows(2025), ...officialHolidayRows(2026)]);
    const rows: (typeof serviceRequests.$inferInsert)[] = [];
    let i = 0;
    for (let day = "2025-10-01"; day <= "2026-10-09"; day = addDays(day, 1), i++) {
      const hour = ["08:30", "12:00", "23:30"][i % 3]!;
      const received = at(`${day}T${hour}:00`);
      const step = (days: number) => new Date(Math.min(received.getTime() + days * 86_400_000 + 3_600_000, NOW.getTime()));
      const kind = i % 5;
      rows.push({
        gridId: gX,
        enterpriseId: entA,
        category: "other",
        title: `x${i}`,
        status: (["received", "accepted", "replied", "resolved", "resolved"] as const)[kind],
        receivedAt: received,
        acceptedAt: kind >= 1 ? step(i % 2) : null,
        repliedAt: kind >= 2 ? step(3 + (i % 6)) : null,
        resolvedAt: kind >= 3 ? step(8 + (i % 9)) : null,
      });
    }
    await db.insert(serviceRequests).values(rows);
    const { rows: fromSql } = await db.execute<Record<string, unknown>>(sql`
      ${clockCtes(eq(serviceRequests.gridId, gX), "2026-10-09")}
      select title, accept_due::text as accept_due, reply_due::text as reply_due, resolve_due::text as resolve_due,
             accept_state, reply_state, resolve_state, overall, received_at, accepted_at, replied_at, resolved_at
        from col order by received_at`);
    expect(fromSql.length).toBe(rows.length);
    for (const r of fromSql) {
      const ts = requestClocks(cal, { receivedAt: r.received_at as Date, acceptedAt: r.accepted_at as Date | null, repliedAt: r.replied_at as Date | null, resolvedAt: r.resolved_at as Date | null }, NOW);
      expect(
        { due: [r.accept_due, r.reply_due, r.resolve_due], states: [r.accept_state, r.reply_state, r.resolve_state], overall: r.overall },
        String(r.title),
      ).toEqual({ due: [ts.clocks.accept.due, ts.clocks.reply.due, ts.clocks.resolve.due], states: [ts.clocks.accept.state, ts.clocks.reply.state, ts.clocks.resolve.state], overall: ts.overall });
    }
    // Every state and colour occurs, so the comparison covered them all.
    expect(new Set(fromSql.flatMap((r) => [r.accept_state, r.reply_state, r.resolve_state]))).toEqual(new Set(["on_time", "late", "pending", "due_soon", "overdue"]));
    expect(new Set(fromSql.map((r) => r.overall))).toEqual(new Set(["red", "yellow", "green"]));
    await db.delete(serviceRequests).where(eq(serviceRequests.gridId, gX));
  });

  it("are counted in one query fast enough for a few thousand requests", async () => {
    const many: (typeof serviceRequests.$inferInsert)[] = [];
    for (let k = 0; k < 5000; k++) {
      const received = new Date(NOW.getTime() - (k % 360) * 86_400_000 - 3_600_000);
      const resolved = k % 50 !== 0 ? new Date(Math.min(received.getTime() + (k % 16) * 86_400_000, NOW.getTime())) : null;
      many.push({ gridId: gX, enterpriseId: entA, category: "other", title: `m${k}`, status: resolved ? "resolved" : "received", receivedAt: received, acceptedAt: resolved, repliedAt: resolved, resolvedAt: resolved });
    }
    await db.insert(serviceRequests).values(many);
    const started = performance.now();
    const figures = await requestFigures(db, eq(serviceRequests.gridId, gX), "2026-10-09");
    const ms = performance.now() - started;
    // A measurement printed for the record: speed belongs in benchmarks, not in timed tests.
    console.log(`[grids] figures over 5,000 requests: ${ms.toFixed(0)} ms`);
    expect(figures.byGrid.get(gX)!.received).toBe(5000);
    expect(figures.byGrid.get(gX)!.resolved).toBe(4900);
    await db.delete(serviceRequests).where(eq(serviceRequests.gridId, gX));
  });
});

describe("grid visibility", () => {
  it("shows each role the grids of its scope, plus those where they are an officer", async () => {
    const codes = async (v: Viewer) => (await gridOverview(db, v, {}, NOW)).grids.map((g) => g.code).sort();
    expect(await codes(admin)).toEqual(["GA", "GA1", "GB", "GX"]);
    expect(await codes(managerA)).toEqual(["GA", "GA1"]);
    expect(await codes(staffA)).toEqual(["GA"]);
    expect(await codes(officerB)).toEqual(["GA", "GB"]);
    expect(await codes(managerB)).toEqual(["GB"]);
  });

  it("hides another unit's grid and request by id", async () => {
    expect(await getGridAccess(db, managerB, gA)).toBeNull();
    expect(await getGridAccess(db, staffA, gA1)).toBeNull();
    expect(await getGridAccess(db, managerA, "not-a-uuid")).toBeNull();
    expect(await getGridAccess(db, managerA, gA)).toMatchObject({ canManage: true, canHandle: true });
    expect(await getGridAccess(db, staffA, gA)).toMatchObject({ canManage: false, canHandle: false });
    expect(await getGridAccess(db, officerB, gA)).toMatchObject({ canManage: false, canHandle: true });
    const [r] = await db.select({ id: serviceRequests.id }).from(serviceRequests).where(eq(serviceRequests.title, "r1"));
    expect(await getRequest(db, managerB, gA, r!.id, NOW)).toBeNull();
    // The right request under the wrong grid is no request either.
    expect(await getRequest(db, managerA, gA1, r!.id, NOW)).toBeNull();
    const detail = await getRequest(db, officerB, gA, r!.id, NOW);
    expect(detail).toMatchObject({ title: "r1", overall: "green", start: "2026-09-01" });
    expect((await listGridRequests(db, managerB, gA, { page: 1 }, NOW)).rows).toEqual([]);
    expect(await listGridEnterprises(db, managerB, gA)).toEqual([]);
    // The 市北 officer sees the 高新区 grid's enterprise by name, but may not open it.
    expect(await listGridEnterprises(db, officerB, gA)).toEqual([expect.objectContaining({ id: entA, visible: false })]);
    expect(await enterpriseGrid(db, managerA, entA)).toMatchObject({ id: gA, visible: true });
    expect(await enterpriseGrid(db, managerB, entA)).toBeNull();
  });
});

describe("managing grids", () => {
  const form = (over: Record<string, unknown> = {}) => ({ name: "精密仪器产业园核心区网格", code: "gx-new", area: "锦业路以北", unitId: unitA1, sortOrder: 5, officers: [], ...over });

  it("lets managers create grids in their scope only, with a unique code, audited", async () => {
    expect(await rejection(createGrid(db, staffA, form()))).toBeInstanceOf(ForbiddenError);
    const outOfScope = (await rejection(createGrid(db, managerA, form({ unitId: unitB })))) as ValidationError;
    expect(outOfScope.fields).toEqual({ unitId: ["grids.errors.unitOutOfScope"] });
    const foreignOfficer = (await rejection(createGrid(db, managerA, form({ officers: [{ userId: managerB.id, role: "lead" }] })))) as ValidationError;
    expect(foreignOfficer.fields).toEqual({ "officers.0.userId": ["grids.errors.officerOutOfScope"] });
    const twoLeads = (await rejection(createGrid(db, managerA, form({ officers: [{ userId: staffA.id, role: "lead" }, { userId: managerA.id, role: "lead" }] })))) as ValidationError;
    expect(twoLeads.fields).toEqual({ officers: ["grids.errors.oneLead"] });

    const created = await createGrid(db, managerA, form({ officers: [{ userId: staffA.id, role: "lead" }] }));
    expect(created).toMatchObject({ code: "GX-NEW", unitId: unitA1 });
    expect(await auditCount("grid", created.id)).toBe(1);
    const taken = (await rejection(createGrid(db, admin, form({ name: "另一个" })))) as ValidationError;
    expect(taken.fields).toEqual({ code: ["grids.errors.codeTaken"] });
  });

  it("saves officers with the grid, refuses a stale version, and keeps other units' grids out of reach", async () => {
    const [g] = await db.select().from(grids).where(eq(grids.code, "GX-NEW"));
    const saved = await updateGrid(db, managerA, g!.id, form({ officers: [{ userId: managerA.id, role: "lead" }, { userId: staffA.id, role: "member" }], version: g!.version }));
    expect(saved.version).toBe(g!.version + 1);
    const officers = await db.select({ userId: gridOfficers.userId, role: gridOfficers.role }).from(gridOfficers).where(eq(gridOfficers.gridId, g!.id));
    expect(officers.sort((a, b) => a.role.localeCompare(b.role))).toEqual([
      { userId: managerA.id, role: "lead" },
      { userId: staffA.id, role: "member" },
    ]);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "grid"), eq(auditLog.entityId, g!.id), eq(auditLog.action, "update")));
    expect(audit!.before).toMatchObject({ officers: [{ userId: staffA.id, role: "lead" }] });
    expect(audit!.after!.officers).toHaveLength(2);

    expect(await rejection(updateGrid(db, managerA, g!.id, form({ version: g!.version })))).toBeInstanceOf(ConflictError);
    expect(await rejection(updateGrid(db, managerB, g!.id, form({ unitId: unitB, version: saved.version })))).toBeInstanceOf(NotFoundError);
    // An officer who is not a manager sees the grid but may not edit it.
    expect(await rejection(updateGrid(db, staffA, g!.id, form({ version: saved.version })))).toBeInstanceOf(ForbiddenError);
  });

  it("assigns only enterprises the manager may see, one grid each, audited", async () => {
    const notVisible = (await rejection(assignEnterprise(db, managerA, gA, { enterpriseId: entB }))) as ValidationError;
    expect(notVisible.fields).toEqual({ enterpriseId: ["grids.errors.enterpriseRequired"] });
    expect(await rejection(assignEnterprise(db, officerB, gA, { enterpriseId: entA2 }))).toBeInstanceOf(ForbiddenError);
    await assignEnterprise(db, managerA, gA, { enterpriseId: entA2 });
    expect((await listGridEnterprises(db, managerA, gA)).map((e) => e.id).sort()).toEqual([entA, entA2].sort());
    const elsewhere = (await rejection(assignEnterprise(db, managerA, gA1, { enterpriseId: entA2 }))) as ValidationError;
    expect(elsewhere.fields).toEqual({ enterpriseId: ["grids.errors.inAnotherGrid"] });
    await unassignEnterprise(db, managerA, gA, entA2);
    expect(await rejection(unassignEnterprise(db, managerA, gA, entA2))).toBeInstanceOf(NotFoundError);
    const rows = await db.select({ before: auditLog.before, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.entityType, "enterprise"), eq(auditLog.entityId, entA2)));
    expect(rows).toEqual([
      { before: { gridId: null }, after: { gridId: gA } },
      { before: { gridId: gA }, after: { gridId: null } },
    ]);
  });
});

describe("an enterprise's history names grids", () => {
  it("only those the viewer may see; another unit's grid is there but unnamed, a deleted one absent", async () => {
    const gone = "00000000-0000-4000-8000-000000000099";
    const entries = [{ before: { gridId: gA }, after: { gridId: gB } }, { before: { gridId: gB }, after: { gridId: gone } }];
    const [nameA] = await db.select({ name: grids.name }).from(grids).where(eq(grids.id, gA));
    const [nameB] = await db.select({ name: grids.name }).from(grids).where(eq(grids.id, gB));
    expect(await historyGridNames(db, staffA, entries)).toEqual({ [gA]: nameA!.name, [gB]: null });
    // officerB serves in gA and belongs to 市北区 (gB): both named.
    expect(await historyGridNames(db, officerB, entries)).toEqual({ [gA]: nameA!.name, [gB]: nameB!.name });
    expect(await historyGridNames(db, admin, entries)).toEqual({ [gA]: nameA!.name, [gB]: nameB!.name });
  });
});

describe("requests and their steps", () => {
  let id: string;
  const received = at("2026-10-08T09:00:00");

  it("are logged by the grid's officers and the managers above it, for the grid's enterprises", async () => {
    const input = { enterpriseId: entA, category: "land_space", title: "扩产需要 2000 ㎡ 标准厂房", description: "企业计划新增产线", receivedAt: "2026-10-08T09:00" };
    expect(await rejection(createRequest(db, staffA, gA, input))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(createRequest(db, managerB, gA, input))).toBeInstanceOf(NotFoundError);
    const wrongEnterprise = (await rejection(createRequest(db, officerB, gA, { ...input, enterpriseId: entA1 }))) as ValidationError;
    expect(wrongEnterprise.fields).toEqual({ enterpriseId: ["grids.errors.enterpriseNotInGrid"] });
    const future = (await rejection(createRequest(db, officerB, gA, { ...input, receivedAt: "2099-01-01T09:00" }))) as ValidationError;
    expect(future.fields).toEqual({ receivedAt: ["grids.errors.futureTime"] });
    const created = await createRequest(db, officerB, gA, input);
    expect(created).toMatchObject({ status: "received", receivedAt: received, gridId: gA, createdById: officerB.id });
    id = created.id;
    expect(await auditCount("service_request", id)).toBe(1);
  });

  it("go in order, each stamped not before the one before and never in the future", async () => {
    const resolveFirst = (await rejection(advanceRequest(db, officerB, gA, id, { step: "resolve", resolution: "已解决", version: 1 }))) as ValidationError;
    expect(resolveFirst.fields).toEqual({ step: ["grids.errors.stepOrder"] });
    const beforeReceived = (await rejection(advanceRequest(db, officerB, gA, id, { step: "accept", at: "2026-10-08T08:00", handlerId: officerB.id, version: 1 }))) as ValidationError;
    expect(beforeReceived.fields).toEqual({ at: ["grids.errors.before.accept"] });
    const future = (await rejection(advanceRequest(db, officerB, gA, id, { step: "accept", at: "2099-10-08T08:00", handlerId: officerB.id, version: 1 }))) as ValidationError;
    expect(future.fields).toEqual({ at: ["grids.errors.futureTime"] });
    const badHandler = (await rejection(advanceRequest(db, officerB, gA, id, { step: "accept", at: "", handlerId: managerB.id, version: 1 }))) as ValidationError;
    expect(badHandler.fields).toEqual({ handlerId: ["grids.errors.handlerNotOfficer"] });
    expect(await rejection(advanceRequest(db, staffA, gA, id, { step: "accept", at: "", handlerId: staffA.id, version: 1 }))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(advanceRequest(db, managerB, gA, id, { step: "accept", at: "", handlerId: managerB.id, version: 1 }))).toBeInstanceOf(NotFoundError);

    // Accepted in the same minute it was received: counts as just after it.
    const accepted = await advanceRequest(db, officerB, gA, id, { step: "accept", at: "2026-10-08T09:00", handlerId: officerB.id, version: 1 });
    expect(accepted).toMatchObject({ status: "accepted", acceptedAt: received, handlerId: officerB.id, version: 2 });
    expect(await rejection(advanceRequest(db, officerB, gA, id, { step: "reply", at: "", reply: "已对接园区载体", version: 1 }))).toBeInstanceOf(ConflictError);
    const beforeAccepted = (await rejection(advanceRequest(db, managerA, gA, id, { step: "reply", at: "2026-10-07T10:00", reply: "已对接园区载体", version: 2 }))) as ValidationError;
    expect(beforeAccepted.fields).toEqual({ at: ["grids.errors.before.reply"] });

    const replyAt = new Date();
    const replied = await advanceRequest(db, managerA, gA, id, { step: "reply", at: "", reply: "已对接园区载体，推荐三处厂房", version: 2 });
    expect(replied.status).toBe("replied");
    expect(Math.abs(replied.repliedAt!.getTime() - replyAt.getTime())).toBeLessThan(5_000);
    const resolved = await advanceRequest(db, officerB, gA, id, { step: "resolve", at: "", resolution: "企业已签订租赁合同", version: 3 });
    expect(resolved).toMatchObject({ status: "resolved", reply: "已对接园区载体，推荐三处厂房", resolution: "企业已签订租赁合同" });
    const again = (await rejection(advanceRequest(db, officerB, gA, id, { step: "resolve", at: "", resolution: "再次", version: 4 }))) as ValidationError;
    expect(again.fields).toEqual({ step: ["grids.errors.stepOrder"] });

    const trail = await db.select({ action: auditLog.action, after: auditLog.after, actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.entityType, "service_request"), eq(auditLog.entityId, id))).orderBy(auditLog.id);
    expect(trail.map((t) => [t.action, t.after?.status])).toEqual([
      ["create", "received"],
      ["update", "accepted"],
      ["update", "replied"],
      ["update", "resolved"],
    ]);
    expect(trail.map((t) => t.actorId)).toEqual([officerB.id, officerB.id, managerA.id, officerB.id]);
  });
});

describe("holidays", () => {
  it("are added and removed by admins only, audited, and move the clocks", async () => {
    // A day off on Monday 2026-11-02 pushes a request received Friday 10-30's reply from 11-06 to 11-09.
    const enterpriseId = await insertEnterprise("青岛鹏晟海工科技有限公司", root, gX);
    const rid = await insertRequest(gX, enterpriseId, { received: "2026-10-30T10:00:00" });
    const reply = async () => (await getRequest(db, admin, gX, rid, NOW))!.clocks.reply.due;
    const replyInSql = async () => (await listGridRequests(db, admin, gX, { page: 1, from: "2026-10-01", to: "2026-12-31" }, NOW)).rows[0]!.due.reply;
    expect([await reply(), await replyInSql()]).toEqual(["2026-11-06", "2026-11-06"]);

    expect(await rejection(addHoliday(db, managerA, { day: "2026-11-02", name: "临时休假", isWorkday: false }))).toBeInstanceOf(ForbiddenError);
    await addHoliday(db, admin, { day: "2026-11-02", name: "临时休假", isWorkday: false });
    expect([await reply(), await replyInSql()]).toEqual(["2026-11-09", "2026-11-09"]);
    const dup = (await rejection(addHoliday(db, admin, { day: "2026-11-02", name: "重复", isWorkday: false }))) as ValidationError;
    expect(dup.fields).toEqual({ day: ["grids.errors.dayTaken"] });

    await removeHoliday(db, admin, { day: "2026-11-02" });
    expect(await reply()).toBe("2026-11-06");
    expect(await rejection(removeHoliday(db, admin, { day: "2026-11-02" }))).toBeInstanceOf(NotFoundError);
    const trail = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "holiday"), eq(auditLog.entityId, "2026-11-02"))).orderBy(auditLog.id);
    expect(trail.map((t) => t.action)).toEqual(["create", "delete"]);
  });
});

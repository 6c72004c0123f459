import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, enterprises, parcelStatusChanges, parcels, projects, zones } from "@/db/schema";
import type { Viewer } from "@/lib/auth/roles";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { sumMu } from "@/lib/land/area";
import { getParcel, getProjectLand, listOpenParcels, listParcels, listParkProjects, listParks, listZones, namesForHistory, parkTotals } from "@/lib/land/queries";
import { globalSearch } from "@/lib/search/queries";
import {
  changeParcelStatus,
  createParcel,
  createPark,
  linkParcel,
  ParcelBuiltError,
  ParcelTakenError,
  unlinkParcel,
  updateLandNeed,
  updateParcel,
  updatePark,
} from "@/lib/land/service";
import { listParcelsApi, parcelApiListSchema, readParcelApi, readParkApi, updateParcelApi, updateParkApi } from "@/lib/api-v1/land";
import { parcelListSchema } from "@/lib/land/validation";
import { createProject } from "@/lib/projects/service";
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();

// 市局 (admin) → 高新区投资促进部 (manager) → 生物医药组 (staff); 市北区健康谷专班 (staff2, manager2) elsewhere.
let admin: Viewer, manager: Viewer, staff: Viewer, staff2: Viewer, manager2: Viewer;
const ids: Record<string, string> = {};
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function auditRows(entityType: string, entityId: string) {
  return db
    .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after, actorId: auditLog.actorId })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.id);
}

async function parcelRow(id: string) {
  const [row] = await db.select().from(parcels).where(eq(parcels.id, id));
  return row!;
}

function parcelInput(over: Record<string, unknown> = {}) {
  return { code: "P", parkId: ids.park, zoneId: ids.core, location: "", area: "10", areaUnit: "mu", landUse: "industrial_m1", status: "reserved", statusDate: "2024-01-10", ...over };
}

/** Registers a parcel and walks it to `steps` (each: [status, date]) through the service. */
async function parcelAt(code: string, area: string, steps: [string, string][], over: Record<string, unknown> = {}) {
  const [first, ...rest] = steps;
  const transferred = ["transferred", "under_construction", "completed"].includes(first![0]);
  let p = await createParcel(db, manager, parcelInput({ code, area, status: first![0], statusDate: first![1], transferDate: transferred ? first![1] : "", ...over }));
  for (const [status, on] of rest) {
    p = await changeParcelStatus(db, manager, p.id, { toStatus: status, changedOn: on, version: p.version, transferDate: on });
  }
  return p;
}

beforeAll(async () => {
  const root = await insertUnit(db, { name: "青岛市投资促进局" });
  const dept = await insertUnit(db, { name: "高新区投资促进部", parentId: root.id });
  const unitA = (await insertUnit(db, { name: "生物医药招商组", parentId: dept.id })).id;
  const unitX = (await insertUnit(db, { name: "市北区健康谷专班", parentId: root.id })).id;
  admin = await insertViewer(db, "admin", root.id);
  manager = await insertViewer(db, "manager", dept.id);
  staff = await insertViewer(db, "staff", unitA);
  staff2 = await insertViewer(db, "staff", unitX);
  manager2 = await insertViewer(db, "manager", unitX);

  const park = await createPark(db, admin, {
    name: "健康谷",
    districtCode: "370203",
    areaMu: "1071",
    operator: "融汇集团",
    zones: [
      { name: "核心区", areaMu: "383" },
      { name: "孤山北", areaMu: "250" },
    ],
  });
  ids.park = park.id;
  const zoneRows = await db.select({ id: zones.id, name: zones.name }).from(zones).where(eq(zones.parkId, park.id));
  ids.core = zoneRows.find((z) => z.name === "核心区")!.id;
  ids.north = zoneRows.find((z) => z.name === "孤山北")!.id;
  ids.otherPark = (await createPark(db, admin, { name: "精密仪器仪表产业园", areaMu: "2900", zones: [{ name: "核心区" }] })).id;

  const [eA] = await db.insert(enterprises).values({ name: "国药融资租赁有限公司", unitId: unitA }).returning();
  const [eX] = await db.insert(enterprises).values({ name: "百洋医药", unitId: unitX }).returning();
  const base = { source: "walk_in", capitalOrigin: "local", totalInvestmentYi: "5" };
  ids.pA = (await createProject(db, staff, { ...base, name: "国药器械产业项目", enterpriseId: eA!.id, ownerId: staff.id, unitId: unitA, totalInvestmentYi: "25" })).id;
  ids.pX = (await createProject(db, staff2, { ...base, name: "百洋健康谷总部", enterpriseId: eX!.id, ownerId: staff2.id, unitId: unitX, totalInvestmentYi: "15.5" })).id;
  await db.update(projects).set({ parkId: park.id }).where(sql`true`);
});

describe("parcels: area, permissions, audit", () => {
  it("stores an area typed in ㎡ exactly in 亩, with the unit it was typed in", async () => {
    const p = await createParcel(db, manager, parcelInput({ code: "SQM-01", area: "12,345.67", areaUnit: "sqm" }));
    expect(p.areaMu).toBe("18.518505");
    expect(p.areaEnteredIn).toBe("sqm");
    const [change] = await db.select().from(parcelStatusChanges).where(eq(parcelStatusChanges.parcelId, p.id));
    expect(change).toMatchObject({ fromStatus: null, toStatus: "reserved", changedOn: "2024-01-10", actorId: manager.id });
    const audit = await auditRows("parcel", p.id);
    expect(audit).toEqual([expect.objectContaining({ action: "create", actorId: manager.id })]);
    expect(audit[0]!.after).toMatchObject({ code: "SQM-01", areaMu: "18.518505" });
  });

  it("refuses a bad area, a duplicate code and a zone of another park, writing nothing", async () => {
    const before = await db.select({ n: count() }).from(parcels);
    const bad = (await rejection(createParcel(db, manager, parcelInput({ code: "BAD-1", area: "12.345", areaUnit: "sqm" })))) as ValidationError;
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.fields).toEqual({ area: ["parcels.errors.areaSqm"] });
    const dup = (await rejection(createParcel(db, manager, parcelInput({ code: "SQM-01" })))) as ValidationError;
    expect(dup.fields).toEqual({ code: ["parcels.errors.codeTaken"] });
    const wrongZone = (await rejection(createParcel(db, manager, parcelInput({ code: "BAD-2", parkId: ids.otherPark, zoneId: ids.core })))) as ValidationError;
    expect(wrongZone.fields).toEqual({ zoneId: ["parcels.errors.zoneNotInPark"] });
    const future = (await rejection(createParcel(db, manager, parcelInput({ code: "BAD-3", statusDate: "2999-01-01" })))) as ValidationError;
    expect(future.fields).toEqual({ statusDate: ["parcels.errors.futureDate"] });
    expect(await db.select({ n: count() }).from(parcels)).toEqual(before);
  });

  it("lets managers and admins keep parcels, not staff; only admins keep parks", async () => {
    expect(await rejection(createParcel(db, staff, parcelInput({ code: "STAFF-1" })))).toBeInstanceOf(ForbiddenError);
    const p = await createParcel(db, admin, parcelInput({ code: "ADMIN-1" }));
    expect(await rejection(updateParcel(db, staff, p.id, { ...parcelInput({ code: "ADMIN-1b" }), version: p.version }))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(changeParcelStatus(db, staff, p.id, { toStatus: "cleared", changedOn: TODAY, version: p.version }))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(createPark(db, manager, { name: "经理建的园区" }))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(updatePark(db, manager, ids.park!, { name: "改名", version: 1 }))).toBeInstanceOf(ForbiddenError);
    expect((await parcelRow(p.id)).code).toBe("ADMIN-1");
    // Everyone reads parcels.
    expect((await getParcel(db, staff2, p.id))?.code).toBe("ADMIN-1");
  });

  it("edits a parcel with optimistic locking and audits what changed", async () => {
    const p = await createParcel(db, manager, parcelInput({ code: "EDIT-1", area: "20" }));
    const saved = await updateParcel(db, manager2, p.id, { ...parcelInput({ code: "EDIT-1", area: "30000", areaUnit: "sqm", location: "重庆南路以东" }), version: p.version });
    expect(saved).toMatchObject({ areaMu: "45.000000", areaEnteredIn: "sqm", location: "重庆南路以东", version: 2 });
    const stale = await rejection(updateParcel(db, manager, p.id, { ...parcelInput({ code: "EDIT-1", area: "1" }), version: 1 }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await parcelRow(p.id)).areaMu).toBe("45.000000");
    const audit = await auditRows("parcel", p.id);
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(audit[1]).toMatchObject({ before: { areaMu: "20.000000", areaEnteredIn: "mu", location: "" }, after: { areaMu: "45.000000", areaEnteredIn: "sqm", location: "重庆南路以东" } });
  });
});

describe("two people editing a parcel or a park at once", () => {
  it("parcel: disjoint edits both survive; a field both changed is refused with the current values", async () => {
    const p = await createParcel(db, manager, parcelInput({ code: "BOTH-1", area: "20", location: "株洲路以北" }));
    await updateParcel(db, manager2, p.id, { note: "已完成地勘", version: 1 });
    // The second save sends only its own change (the area) with the version it loaded.
    const stale = (await rejection(updateParcel(db, manager, p.id, { area: "25", version: 1 }))) as ConflictError;
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ note: "已完成地勘", area: "20", areaUnit: "mu", zoneId: ids.core, version: 2 });
    await updateParcel(db, manager, p.id, { area: "25", version: 2 });
    expect(await parcelRow(p.id)).toMatchObject({ note: "已完成地勘", areaMu: "25.000000", location: "株洲路以北", zoneId: ids.core, version: 3 });
    // Both change the location: the later save is refused and learns the other value.
    await updateParcel(db, manager2, p.id, { location: "株洲路以南", version: 3 });
    const clash = (await rejection(updateParcel(db, manager, p.id, { location: "松岭路以东", version: 3 }))) as ConflictError;
    expect(clash.current).toMatchObject({ location: "株洲路以南", version: 4 });
    expect((await parcelRow(p.id)).location).toBe("株洲路以南");
  });

  it("parcel PATCH writes only the fields sent, and a zone is checked against the merged park", async () => {
    const p = await createParcel(db, manager, parcelInput({ code: "PATCH-1", area: "12", zoneId: ids.north }));
    await updateParcel(db, manager2, p.id, { note: "拟供地", version: 1 });
    await updateParcelApi(db, manager, p.id, { floorAreaRatio: "2.5", version: 2 });
    expect(await parcelRow(p.id)).toMatchObject({ note: "拟供地", floorAreaRatio: "2.50", zoneId: ids.north, areaMu: "12.000000", version: 3 });
    const wrongZone = (await rejection(updateParcelApi(db, manager, p.id, { parkId: ids.otherPark, version: 3 }))) as ValidationError;
    expect(wrongZone.fields).toEqual({ zoneId: ["parcels.errors.zoneNotInPark"] });
  });

  it("park: disjoint edits (one to the park, one to its zones) both survive; the same field is refused with the current values", async () => {
    const park = await createPark(db, admin, { name: "蓝色硅谷", operator: "蓝谷管理局", zones: [{ name: "一区" }] });
    const [zone] = await db.select().from(zones).where(eq(zones.parkId, park.id));
    await updatePark(db, admin, park.id, { operator: "蓝谷发展集团", version: 1 });
    expect(await rejection(updatePark(db, admin, park.id, { zones: [{ id: zone!.id, name: "一区" }, { name: "二区" }], version: 1 }))).toBeInstanceOf(ConflictError);
    await updateParkApi(db, admin, park.id, { zones: [{ id: zone!.id, name: "一区" }, { name: "二区" }], version: 2 });
    const saved = await readParkApi(db, park.id);
    expect(saved).toMatchObject({ name: "蓝色硅谷", operator: "蓝谷发展集团", version: 3 });
    expect(saved.zones.map((z) => z.name)).toEqual(["一区", "二区"]);
    await updatePark(db, admin, park.id, { description: "海洋科技", version: 3 });
    const clash = (await rejection(updatePark(db, admin, park.id, { description: "海洋经济", version: 3 }))) as ConflictError;
    expect(clash.current).toMatchObject({ description: "海洋科技", operator: "蓝谷发展集团", version: 4 });
    expect((clash.current as { zones: { name: string }[] }).zones.map((z) => z.name)).toEqual(["一区", "二区"]);
  });
});

describe("parcel status life cycle", () => {
  it("moves forward with the date of each change, and keeps the history", async () => {
    const p = await createParcel(db, manager, parcelInput({ code: "LIFE-1" }));
    const cleared = await changeParcelStatus(db, manager, p.id, { toStatus: "cleared", changedOn: "2024-02-01", version: 1 });
    const transferred = await changeParcelStatus(db, manager, p.id, { toStatus: "transferred", changedOn: "2024-03-15", landPriceWan: "300.5", version: cleared.version });
    expect(transferred).toMatchObject({ status: "transferred", statusChangedOn: "2024-03-15", transferDate: "2024-03-15", landPrice: "3005000.00" });
    const history = await db.select().from(parcelStatusChanges).where(eq(parcelStatusChanges.parcelId, p.id)).orderBy(parcelStatusChanges.id);
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.changedOn])).toEqual([
      [null, "reserved", "2024-01-10"],
      ["reserved", "cleared", "2024-02-01"],
      ["cleared", "transferred", "2024-03-15"],
    ]);
    const audit = await auditRows("parcel", p.id);
    expect(audit[2]).toMatchObject({ action: "update", before: { status: "cleared", transferDate: null }, after: { status: "transferred", transferDate: "2024-03-15", landPrice: "3005000.00" } });
  });

  it("refuses a date in the future or before the last change, a move back without a note, and a stale version", async () => {
    const p = await createParcel(db, manager, parcelInput({ code: "LIFE-2", status: "listed", statusDate: "2024-05-01" }));
    const fields = async (input: Record<string, unknown>) => ((await rejection(changeParcelStatus(db, manager, p.id, { version: 1, ...input }))) as ValidationError).fields;
    expect(await fields({ toStatus: "transferred", changedOn: "2999-01-01" })).toEqual({ changedOn: ["parcels.errors.futureDate"] });
    expect(await fields({ toStatus: "transferred", changedOn: "2024-04-30" })).toEqual({ changedOn: ["parcels.errors.beforeLastChange"] });
    expect(await fields({ toStatus: "cleared", changedOn: "2024-05-02" })).toEqual({ note: ["parcels.errors.noteRequired"] });
    expect(await fields({ toStatus: "under_construction", changedOn: "2024-05-02" })).toEqual({ transferDate: ["errors.required"] });
    expect(await fields({ toStatus: "listed", changedOn: "2024-05-02" })).toEqual({ toStatus: ["parcels.errors.noChange"] });
    expect(await rejection(changeParcelStatus(db, manager, p.id, { toStatus: "transferred", changedOn: "2024-05-02", version: 7 }))).toBeInstanceOf(ConflictError);
    expect(await db.select({ n: count() }).from(parcelStatusChanges).where(eq(parcelStatusChanges.parcelId, p.id))).toEqual([{ n: 1 }]);
    expect((await parcelRow(p.id)).status).toBe("listed");
  });

  it("going back before 已出让 clears the transfer facts, which the audit row keeps", async () => {
    const p = await parcelAt("LIFE-3", "5", [["listed", "2024-01-05"], ["transferred", "2024-02-05"]]);
    const back = await changeParcelStatus(db, manager, p.id, { toStatus: "listed", changedOn: "2024-03-01", note: "受让方未按期签订出让合同，重新挂牌", version: p.version });
    expect(back).toMatchObject({ status: "listed", transferDate: null, landPrice: null });
    const audit = await auditRows("parcel", p.id);
    expect(audit.at(-1)).toMatchObject({ before: { status: "transferred", transferDate: "2024-02-05" }, after: { status: "listed", transferDate: null } });
    const [last] = await db.select().from(parcelStatusChanges).where(eq(parcelStatusChanges.parcelId, p.id)).orderBy(sql`${parcelStatusChanges.id} desc`).limit(1);
    expect(last).toMatchObject({ fromStatus: "transferred", toStatus: "listed", note: "受让方未按期签订出让合同，重新挂牌" });
  });
});

describe("park and zone totals", () => {
  // A park of its own, so the figures are exactly the ones written here.
  let parkId: string, zoneA: string, zoneB: string;
  const plan: { code: string; area: string; unit?: string; zone: "a" | "b" | null; steps: [string, string][] }[] = [
    { code: "T-01", area: "98.5", zone: "a", steps: [["reserved", "2024-01-01"]] },
    { code: "T-02", area: "86.2", zone: "a", steps: [["reserved", "2024-01-01"], ["cleared", "2024-02-01"]] },
    { code: "T-03", area: "50000", unit: "sqm", zone: "a", steps: [["listed", "2024-01-01"]] },
    { code: "T-04", area: "63.3", zone: "a", steps: [["listed", "2024-01-01"], ["transferred", "2024-03-01"]] },
    { code: "T-05", area: "60", zone: "b", steps: [["transferred", "2023-01-01"], ["under_construction", "2023-02-01"]] },
    { code: "T-06", area: "12345.67", unit: "sqm", zone: "b", steps: [["transferred", "2022-01-01"], ["completed", "2023-12-01"]] },
    { code: "T-07", area: "0.1", zone: null, steps: [["reserved", "2024-01-01"]] },
    { code: "T-08", area: "0.2", zone: null, steps: [["cleared", "2024-01-01"]] },
  ];

  beforeAll(async () => {
    const park = await createPark(db, admin, { name: "合计测试园", zones: [{ name: "甲" }, { name: "乙" }] });
    parkId = park.id;
    const z = await db.select({ id: zones.id, name: zones.name }).from(zones).where(eq(zones.parkId, parkId));
    zoneA = z.find((r) => r.name === "甲")!.id;
    zoneB = z.find((r) => r.name === "乙")!.id;
    for (const p of plan) {
      await parcelAt(p.code, p.area, p.steps, { parkId, zoneId: p.zone === "a" ? zoneA : p.zone === "b" ? zoneB : null, areaUnit: p.unit ?? "mu" });
    }
  });

  it("sums the park's area by status and cumulatively, in SQL, exactly as by hand", async () => {
    const t = await parkTotals(db, parkId);
    // By hand: 98.5 + 86.2 + 75 (50,000 ㎡) + 63.3 + 60 + 18.518505 (12,345.67 ㎡) + 0.1 + 0.2.
    expect(t.area).toBe("401.818505");
    expect(t.parcels).toBe(8);
    // Cleared or beyond: everything but T-01 (98.5) and T-07 (0.1).
    expect(t.cleared).toBe("303.218505");
    // Transferred or beyond: T-04, T-05, T-06.
    expect(t.transferred).toBe("141.818505");
    expect(t.underConstruction).toBe("78.518505");
    expect(Object.fromEntries([...t.byStatus].map(([s, v]) => [s, [v.parcels, v.area]]))).toEqual({
      reserved: [2, "98.600000"],
      cleared: [2, "86.400000"],
      listed: [1, "75.000000"],
      transferred: [1, "63.300000"],
      under_construction: [1, "60.000000"],
      completed: [1, "18.518505"],
    });
    expect(sumMu([...t.byStatus.values()].map((v) => v.area))).toBe(t.area);
  });

  it("sums each zone, and the parcels outside any zone", async () => {
    const { zones: zs, unzoned } = await listZones(db, parkId);
    const byName = Object.fromEntries(zs.map((z) => [z.name, z.totals]));
    expect(byName["甲"]).toEqual({ parcels: 4, area: "323.000000", cleared: "224.500000", transferred: "63.300000", underConstruction: "0" });
    expect(byName["乙"]).toEqual({ parcels: 2, area: "78.518505", cleared: "78.518505", transferred: "78.518505", underConstruction: "78.518505" });
    expect(unzoned).toEqual({ parcels: 2, area: "0.300000", cleared: "0.200000", transferred: "0", underConstruction: "0" });
    const parks = await listParks(db, staff);
    expect(parks.find((p) => p.id === parkId)?.totals).toMatchObject({ parcels: 8, area: "401.818505" });
  });

  it("filters the parcel list by park, zone, status, land use, area range, text and matching, with count and Σ area", async () => {
    const run = async (params: Record<string, unknown>) => {
      const r = await listParcels(db, staff, parcelListSchema.parse({ park: parkId, ...params }));
      return { codes: r.rows.map((x) => x.code), total: r.total, area: r.area };
    };
    expect(await run({})).toMatchObject({ total: 8, area: "401.818505" });
    expect(await run({ zone: zoneA })).toMatchObject({ codes: ["T-01", "T-02", "T-03", "T-04"], area: "323.000000" });
    expect(await run({ status: ["reserved", "cleared"] })).toMatchObject({ codes: ["T-01", "T-02", "T-07", "T-08"], total: 4 });
    expect(await run({ status: "transferred,under_construction" })).toMatchObject({ codes: ["T-04", "T-05"] });
    expect(await run({ minMu: "60", maxMu: "86.2" })).toMatchObject({ codes: ["T-02", "T-04", "T-05", "T-03"].sort() });
    expect(await run({ minMu: "1,000" })).toMatchObject({ total: 0, area: "0" });
    expect(await run({ q: "t-0" })).toMatchObject({ total: 8 });
    expect(await run({ q: "%" })).toMatchObject({ total: 0 });
    expect(await run({ landUse: "rnd" })).toMatchObject({ total: 0 });
    expect(await run({ sort: "area", dir: "desc", size: 20 })).toMatchObject({ codes: ["T-01", "T-02", "T-03", "T-04", "T-05", "T-06", "T-08", "T-07"] });
    expect(await run({ matched: "yes" })).toMatchObject({ total: 0 });
    expect(await run({ park: "not-a-uuid" }).then((r) => r.total)).toBeGreaterThan(8);
  });
});

describe("parcel text search over park and zone names", () => {
  it("finds a park's parcels by the park's name and a zone's by its name, in the list and the global search; names a zone with its park in history", async () => {
    const inCore = await parcelAt("NM-01", "5", [["reserved", "2024-01-01"]]);
    await parcelAt("NM-02", "6", [["reserved", "2024-01-01"]], { zoneId: ids.north });
    await parcelAt("NM-03", "7", [["reserved", "2024-01-01"]], { parkId: ids.otherPark, zoneId: null });
    const codes = async (q: string) => (await listParcels(db, staff2, parcelListSchema.parse({ q, size: 100 }))).rows.map((r) => r.code);
    const valley = await codes("健康谷");
    expect(valley).toEqual(expect.arrayContaining(["NM-01", "NM-02"]));
    expect(valley).not.toContain("NM-03");
    expect(await codes("孤山北")).toContain("NM-02");
    expect(await codes("孤山北")).not.toContain("NM-01");
    expect(await codes("精密仪器")).toContain("NM-03");
    const hits = await globalSearch(db, staff2, { q: "健康谷" });
    const parcelGroup = hits.groups.find((g) => g.kind === "parcels")!;
    expect(parcelGroup.total).toBe(valley.length);
    // A zone is named with its park in the parcel's history ("核心区" exists in both parks).
    const moved = await updateParcel(db, manager, inCore.id, { ...parcelInput({ code: "NM-01", area: "5", zoneId: ids.north }), version: inCore.version });
    expect(moved.zoneId).toBe(ids.north);
    const entries = await auditRows("parcel", inCore.id);
    const names = await namesForHistory(db, staff2, entries);
    expect(names.get(ids.core!)).toBe("健康谷 · 核心区");
    expect(names.get(ids.north!)).toBe("健康谷 · 孤山北");
  });
});

describe("zones on the park form", () => {
  it("renames, adds and removes zones, swapping two names in one save, each change audited", async () => {
    const park = await createPark(db, admin, { name: "组团测试园", zones: [{ name: "东区" }, { name: "西区" }, { name: "北区" }] });
    const before = await db.select().from(zones).where(eq(zones.parkId, park.id)).orderBy(zones.sortOrder);
    const [east, west, north] = before;
    const saved = await updatePark(db, admin, park.id, {
      name: "组团测试园",
      areaMu: "100",
      zones: [
        { id: west!.id, name: "东区" },
        { id: east!.id, name: "西区", areaMu: "40" },
        { name: "南区" },
      ],
      version: park.version,
    });
    expect(saved.version).toBe(2);
    const after = await db.select({ id: zones.id, name: zones.name, areaMu: zones.areaMu }).from(zones).where(eq(zones.parkId, park.id)).orderBy(zones.sortOrder);
    expect(after.map((z) => z.name)).toEqual(["东区", "西区", "南区"]);
    expect(after[0]!.id).toBe(west!.id);
    expect(after[1]).toMatchObject({ id: east!.id, areaMu: "40.000000" });
    expect(await auditRows("zone", north!.id)).toEqual([expect.objectContaining({ action: "create" }), expect.objectContaining({ action: "delete" })]);
    expect((await auditRows("zone", west!.id)).at(-1)).toMatchObject({ action: "update", before: { name: "西区" }, after: { name: "东区" } });
    expect((await auditRows("park", park.id)).at(-1)).toMatchObject({ action: "update", after: { areaMu: "100.000000" } });
  });

  it("refuses to remove a zone that still has parcels, and a stale save", async () => {
    const park = await createPark(db, admin, { name: "有地块的园", zones: [{ name: "一区" }] });
    const [zone] = await db.select().from(zones).where(eq(zones.parkId, park.id));
    await createParcel(db, manager, parcelInput({ code: "ZONE-1", parkId: park.id, zoneId: zone!.id }));
    const refused = (await rejection(updatePark(db, admin, park.id, { name: "有地块的园", zones: [], version: park.version }))) as ValidationError;
    expect(refused.fields).toEqual({ zones: ["parks.errors.zoneHasParcels"] });
    expect(await db.select({ n: count() }).from(zones).where(eq(zones.parkId, park.id))).toEqual([{ n: 1 }]);
    expect(await rejection(updatePark(db, admin, park.id, { name: "改名", zones: [{ id: zone!.id, name: "一区" }], version: 9 }))).toBeInstanceOf(ConflictError);
    const dupName = (await rejection(createPark(db, admin, { name: "有地块的园" }))) as ValidationError;
    expect(dupName.fields).toEqual({ name: ["parks.errors.nameTaken"] });
  });
});

describe("land need and matching", () => {
  it("sets the land need of a project in the viewer's scope, audited; another unit's project is not found", async () => {
    const land = await getProjectLand(db, staff, ids.pA!);
    const saved = await updateLandNeed(db, staff, ids.pA!, { landNeedMu: "60", landUse: "industrial_m1", parkId: ids.park, version: land!.version });
    expect(saved).toMatchObject({ landNeedMu: "60.000000", landUse: "industrial_m1", parkId: ids.park });
    expect((await auditRows("project_land", ids.pA!)).at(-1)).toMatchObject({ action: "update", before: { landNeedMu: null, landUse: null }, after: { landNeedMu: "60.000000", landUse: "industrial_m1" } });
    expect(await rejection(updateLandNeed(db, staff2, ids.pA!, { landNeedMu: "1", version: saved.version }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(updateLandNeed(db, staff, ids.pA!, { landNeedMu: "1", version: 1 }))).toBeInstanceOf(ConflictError);
    const bad = (await rejection(updateLandNeed(db, staff, ids.pA!, { landNeedMu: "1.2345678", version: saved.version }))) as ValidationError;
    expect(bad.fields).toEqual({ landNeedMu: ["parcels.errors.areaMu"] });
    expect(await getProjectLand(db, staff2, ids.pA!)).toBeNull();
    expect((await getProjectLand(db, manager, ids.pA!))?.landNeedMu).toBe("60.000000");
  });

  it("links a parcel for whoever may change the project; by id, another unit cannot", async () => {
    const p = await createParcel(db, manager, parcelInput({ code: "MATCH-1", area: "60", status: "cleared" }));
    // staff2 (市北区) names staff's project by id: not found, and nothing changes.
    expect(await rejection(linkParcel(db, staff2, ids.pA!, { parcelId: p.id }))).toBeInstanceOf(NotFoundError);
    expect((await parcelRow(p.id)).projectId).toBeNull();

    const linked = await linkParcel(db, staff, ids.pA!, { parcelId: p.id });
    expect(linked.projectId).toBe(ids.pA);
    expect(await auditRows("parcel", p.id)).toEqual([
      expect.objectContaining({ action: "create" }),
      expect.objectContaining({ action: "update", actorId: staff.id, before: { projectId: null }, after: { projectId: ids.pA } }),
    ]);
    expect((await auditRows("project_land", ids.pA!)).at(-1)).toMatchObject({ before: { parcel: null }, after: { parcel: { parcelId: p.id, parcelCode: "MATCH-1" } } });
    // Linking again is a no-op, not a second audit row.
    await linkParcel(db, staff, ids.pA!, { parcelId: p.id });
    expect(await auditRows("parcel", p.id)).toHaveLength(2);

    // The parcel names the project only to those who may see it.
    expect((await getParcel(db, staff, p.id))?.projectName).toBe("国药器械产业项目");
    // … not even by id: whether it is matched, yes; to which project, no (page, list and API alike).
    expect(await getParcel(db, staff, p.id)).toMatchObject({ matched: true, projectId: ids.pA });
    expect(await getParcel(db, staff2, p.id)).toMatchObject({ matched: true, projectId: null, projectName: null });
    const listed = await listParcels(db, staff2, parcelListSchema.parse({ q: "MATCH-1" }));
    expect(listed.rows.map((r) => [r.code, r.matched, r.projectId])).toEqual([["MATCH-1", true, null]]);
    expect(await readParcelApi(db, staff2, p.id)).toMatchObject({ matched: true, projectId: null, projectName: null });
    expect((await listParcelsApi(db, staff2, parcelApiListSchema.parse({ q: "MATCH-1" }))).data).toEqual([expect.objectContaining({ matched: true, projectId: null })]);
    expect(await readParcelApi(db, staff, p.id)).toMatchObject({ matched: true, projectId: ids.pA, projectName: "国药器械产业项目" });
    // No longer a candidate for anyone.
    expect((await listOpenParcels(db)).map((o) => o.code)).not.toContain("MATCH-1");
  });

  it("refuses a parcel matched to another project (409), and one being built on", async () => {
    const p = await createParcel(db, manager, parcelInput({ code: "MATCH-2", status: "listed" }));
    await linkParcel(db, staff2, ids.pX!, { parcelId: p.id });
    const taken = await rejection(linkParcel(db, staff, ids.pA!, { parcelId: p.id }));
    expect(taken).toBeInstanceOf(ParcelTakenError);
    expect(taken).toMatchObject({ status: 409, code: "parcel_taken", message: "parcels.errors.matchedElsewhere" });
    expect((await parcelRow(p.id)).projectId).toBe(ids.pX);

    const built = await createParcel(db, manager, parcelInput({ code: "MATCH-3", status: "under_construction", statusDate: "2024-02-01", transferDate: "2024-01-01" }));
    expect(await rejection(linkParcel(db, staff, ids.pA!, { parcelId: built.id }))).toBeInstanceOf(ParcelBuiltError);
    expect(await rejection(linkParcel(db, staff, ids.pA!, { parcelId: "not-a-uuid" }))).toBeInstanceOf(ValidationError);
  });

  it("unlinks only from the project it is matched to, by someone who may change that project", async () => {
    const p = await createParcel(db, manager, parcelInput({ code: "MATCH-4", status: "cleared" }));
    await linkParcel(db, staff, ids.pA!, { parcelId: p.id });
    expect(await rejection(unlinkParcel(db, staff2, ids.pA!, { parcelId: p.id }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(unlinkParcel(db, staff2, ids.pX!, { parcelId: p.id }))).toBeInstanceOf(NotFoundError);
    expect((await parcelRow(p.id)).projectId).toBe(ids.pA);
    const undone = await unlinkParcel(db, manager, ids.pA!, { parcelId: p.id });
    expect(undone.projectId).toBeNull();
    expect((await auditRows("parcel", p.id)).at(-1)).toMatchObject({ actorId: manager.id, before: { projectId: ids.pA }, after: { projectId: null } });
  });

  it("lists the park's projects within the viewer's scope, with their Σ total investment", async () => {
    expect(await listParkProjects(db, admin, ids.park!)).toMatchObject({ totalInvestment: "4050000000.00" });
    const forStaff = await listParkProjects(db, staff, ids.park!);
    expect(forStaff.rows.map((r) => r.name)).toEqual(["国药器械产业项目"]);
    expect(forStaff.totalInvestment).toBe("2500000000.00");
    const parks = await listParks(db, staff2);
    expect(parks.find((p) => p.id === ids.park)?.projectCount).toBe(1);
  });
});

describe("two people editing a project's land need at once", () => {
  it("disjoint edits both survive; the same field is refused with the current values", async () => {
    const [p] = await db.select({ version: projects.version }).from(projects).where(eq(projects.id, ids.pX!));
    const v = p!.version;
    await updateLandNeed(db, staff2, ids.pX!, { landUse: "rnd", version: v });
    const stale = (await rejection(updateLandNeed(db, manager2, ids.pX!, { landNeedMu: "80", version: v }))) as ConflictError;
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toEqual({ landNeedMu: "", landUse: "rnd", parkId: ids.park, version: v + 1 });
    await updateLandNeed(db, manager2, ids.pX!, { landNeedMu: "80", version: v + 1 });
    const [row] = await db.select().from(projects).where(eq(projects.id, ids.pX!));
    expect(row).toMatchObject({ landNeedMu: "80.000000", landUse: "rnd", parkId: ids.park, version: v + 2 });
    await updateLandNeed(db, staff2, ids.pX!, { landNeedMu: "90", version: v + 2 });
    const clash = (await rejection(updateLandNeed(db, manager2, ids.pX!, { landNeedMu: "70", version: v + 2 }))) as ConflictError;
    expect(clash.current).toMatchObject({ landNeedMu: "90", version: v + 3 });
  });
});

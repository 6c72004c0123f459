import { Readable } from "node:stream";
import { and, count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, enterprises, eventProjects, events, projects, signings, type Unit } from "@/db/schema";
import type { ProjectStage } from "@/db/schema/enums";
import type { Viewer } from "@/lib/auth/roles";
import { scopeOf } from "@/lib/auth/scope";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { readProjectApi, updateProjectApi } from "@/lib/api-v1/projects";
import { eventLeadConversion, getEvent, listEventOptions, listEvents, listMetProjects } from "@/lib/events/queries";
import { addEventProject, createEvent, mayEditEvent, removeEventProject, updateEvent } from "@/lib/events/service";
import { eventListSchema } from "@/lib/events/validation";
import { runImport } from "@/lib/imports/service";
import { sumYuan } from "@/lib/money";
import { getProject, listProjects } from "@/lib/projects/queries";
import { createProject } from "@/lib/projects/service";
import { projectListSchema } from "@/lib/projects/validation";
import { listSignedProjects } from "@/lib/signed/queries";
import { SIGNED_STAGES, signedListSchema } from "@/lib/signed/validation";
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();

let zone: Unit, bio: Unit, north: Unit;
let admin: Viewer, manager: Viewer, staff: Viewer, staff2: Viewer, northManager: Viewer;
const project: Record<string, string> = {};

const valid = (over: Record<string, unknown> = {}) => ({
  name: "高新区生物医药及医疗器械、精密仪器仪表产业园集中签约仪式",
  kind: "signing_ceremony",
  heldOn: "2023-04-06",
  place: "青岛高新区管委会会议中心",
  hostUnitId: "",
  description: "",
  ...over,
});

async function auditCount(entityType: string, action: "create" | "update" | "delete") {
  const [row] = await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entityType, entityType), eq(auditLog.action, action)));
  return row!.n;
}

beforeAll(async () => {
  zone = await insertUnit(db, { name: "青岛高新区投资促进部" });
  bio = await insertUnit(db, { name: "生物医药招商组", parentId: zone.id });
  north = await insertUnit(db, { name: "健康谷招商专班" });
  admin = await insertViewer(db, "admin", zone.id);
  manager = await insertViewer(db, "manager", zone.id);
  northManager = await insertViewer(db, "manager", north.id);
  staff = await insertViewer(db, "staff", bio.id);
  staff2 = await insertViewer(db, "staff", north.id);
  const [bioEnt] = await db.insert(enterprises).values({ name: "华东医药科技有限公司", unitId: bio.id }).returning();
  const [northEnt] = await db.insert(enterprises).values({ name: "健康谷康养集团", unitId: north.id }).returning();
  const rows: [string, string, string, string, ProjectStage, string][] = [
    ["bio1", "创新药产业化基地", bio.id, staff.id, "signed", "1200000000.10"],
    ["bio2", "医疗器械研发中心", bio.id, staff.id, "construction", "250000000.02"],
    ["bioBack", "退回意向的项目", bio.id, staff.id, "intent", "99000000.00"],
    ["bioLead", "体外诊断试剂线索", bio.id, staff.id, "lead", "0"],
    ["north1", "健康谷康养综合体", north.id, staff2.id, "signed", "650000000.10"],
  ];
  for (const [key, name, unitId, ownerId, stage, contract] of rows) {
    const [p] = await db
      .insert(projects)
      .values({ name, enterpriseId: unitId === north.id ? northEnt!.id : bioEnt!.id, unitId, ownerId, stage, totalInvestment: contract })
      .returning({ id: projects.id });
    project[key] = p!.id;
  }
});

describe("events: who may create and edit", () => {
  it("managers and admins create events, with an audit row; staff may not", async () => {
    expect(await rejection(createEvent(db, staff, valid()))).toBeInstanceOf(ForbiddenError);
    const before = await auditCount("event", "create");
    const e = await createEvent(db, manager, valid({ hostUnitId: bio.id }), { ip: "10.0.0.1" });
    expect(e).toMatchObject({ kind: "signing_ceremony", heldOn: "2023-04-06", hostUnitId: bio.id, version: 1 });
    expect(await auditCount("event", "create")).toBe(before + 1);
    const byAdmin = await createEvent(db, admin, valid({ name: "市北区健康谷产业推介会", kind: "promotion_event", heldOn: "2024-05-10", hostUnitId: north.id }));
    expect(byAdmin.hostUnitId).toBe(north.id);
  });

  it("refuses bad input field by field, and writes nothing", async () => {
    const before = await db.select({ n: count() }).from(events);
    const e = (await rejection(createEvent(db, manager, { name: "签", kind: "party", heldOn: "2023-02-30", place: "x".repeat(201) }))) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(Object.keys(e.fields!).sort()).toEqual(["heldOn", "kind", "name", "place"]);
    expect(e.fields!.name).toEqual(["events.errors.nameLength"]);
    expect(((await rejection(createEvent(db, manager, valid({ heldOn: "" })))) as ValidationError).fields!.heldOn).toEqual(["errors.required"]);
    expect(await db.select({ n: count() }).from(events)).toEqual(before);
  });

  it("a manager may host only in their own units", async () => {
    const e = (await rejection(createEvent(db, manager, valid({ hostUnitId: north.id })))) as ValidationError;
    expect(e.fields).toEqual({ hostUnitId: ["events.errors.hostOutOfScope"] });
    expect(((await rejection(createEvent(db, manager, valid({ hostUnitId: "00000000-0000-4000-8000-000000000000" })))) as ValidationError).fields).toEqual({
      hostUnitId: ["events.errors.hostOutOfScope"],
    });
  });

  it("edits with optimistic locking; another unit's manager may not edit it", async () => {
    const e = await createEvent(db, manager, valid({ name: "高新区精密仪器仪表产业推介会", kind: "promotion_event", hostUnitId: zone.id }));
    const updated = await updateEvent(db, manager, e.id, valid({ name: "高新区精密仪器仪表产业专场推介会", kind: "promotion_event", hostUnitId: zone.id, version: 1 }));
    expect(updated).toMatchObject({ name: "高新区精密仪器仪表产业专场推介会", version: 2 });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "event"), eq(auditLog.entityId, e.id), eq(auditLog.action, "update")));
    expect(audit!.after).toEqual({ name: "高新区精密仪器仪表产业专场推介会" });
    // A stale save is refused and changes nothing.
    expect(await rejection(updateEvent(db, manager, e.id, valid({ name: "过时的名称", kind: "promotion_event", version: 1 })))).toBeInstanceOf(ConflictError);
    expect((await getEvent(db, e.id))!.name).toBe("高新区精密仪器仪表产业专场推介会");
    // A save names only what its user changed: the host unit the other person set survives.
    const placed = await updateEvent(db, manager, e.id, { place: "高新区会展中心", version: 2 });
    expect(placed).toMatchObject({ place: "高新区会展中心", hostUnitId: zone.id, name: "高新区精密仪器仪表产业专场推介会", version: 3 });
    // 健康谷's manager may read it, not change it; staff neither; an admin may.
    expect(await rejection(updateEvent(db, northManager, e.id, valid({ version: 3 })))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(updateEvent(db, staff, e.id, valid({ version: 3 })))).toBeInstanceOf(ForbiddenError);
    expect(mayEditEvent(northManager, await scopeOf(db, northManager), { hostUnitId: zone.id })).toBe(false);
    expect(mayEditEvent(northManager, await scopeOf(db, northManager), { hostUnitId: null })).toBe(true);
    expect((await updateEvent(db, admin, e.id, valid({ name: "管理员改的名称", kind: "promotion_event", hostUnitId: zone.id, version: 3 }))).version).toBe(4);
    expect(await rejection(updateEvent(db, admin, "not-a-uuid", valid({ version: 1 })))).toBeInstanceOf(NotFoundError);
  });
});

describe("events: signed projects and totals", () => {
  let ceremony: string;
  beforeAll(async () => {
    ceremony = (await createEvent(db, admin, valid({ name: "2023年集中签约仪式" }))).id;
    for (const [key, contract] of [
      ["bio1", "1200000000.10"],
      ["bio2", "250000000.02"],
      ["bioBack", "99000000.00"],
      ["north1", "650000000.10"],
    ] as const) {
      await db.insert(signings).values({ projectId: project[key]!, signingDate: "2023-04-06", contractInvestment: contract, eventId: ceremony });
    }
  });

  it("counts and sums only what the viewer may see, at 签约 or later", async () => {
    const row = (list: Awaited<ReturnType<typeof listEvents>>) => list.rows.find((r) => r.id === ceremony)!;
    const params = eventListSchema.parse({});
    expect(row(await listEvents(db, admin, params))).toMatchObject({ signedCount: 3, contractInvestment: sumYuan(["1200000000.10", "250000000.02", "650000000.10"]) });
    expect(row(await listEvents(db, manager, params))).toMatchObject({ signedCount: 2, contractInvestment: sumYuan(["1200000000.10", "250000000.02"]) });
    expect(row(await listEvents(db, staff2, params))).toMatchObject({ signedCount: 1, contractInvestment: "650000000.10" });
    // The same numbers as the signed list filtered to the event (the page links there).
    const signed = await listSignedProjects(db, manager, signedListSchema.parse({ event: ceremony }));
    expect(signed.totals).toMatchObject({ count: 2, contractInvestment: sumYuan(["1200000000.10", "250000000.02"]) });
  });

  it("filters the list and offers every event, newest first, for pickers", async () => {
    const list = await listEvents(db, staff, eventListSchema.parse({ kind: "promotion_event" }));
    expect(list.rows.every((r) => r.kind === "promotion_event")).toBe(true);
    expect(list.total).toBe(2);
    expect((await listEvents(db, staff, eventListSchema.parse({ q: "健康谷" }))).rows.map((r) => r.name)).toEqual(["市北区健康谷产业推介会"]);
    expect((await listEvents(db, staff, eventListSchema.parse({ from: "2024-01-01", to: "2024-12-31" }))).total).toBe(1);
    expect(eventListSchema.parse({ kind: "party", from: "2024-13-01", page: "-1" })).toEqual({ q: undefined, kind: undefined, from: undefined, to: undefined, page: 1 });
    const options = await listEventOptions(db);
    expect(Object.keys(options[0]!).sort()).toEqual(["heldOn", "id", "kind", "name"]);
    expect(options.map((o) => o.heldOn)).toEqual([...options.map((o) => o.heldOn)].sort().reverse());
  });
});

describe("events: projects met there", () => {
  let fair: string;
  beforeAll(async () => {
    fair = (await createEvent(db, manager, valid({ name: "生物医药产业专场推介会", kind: "promotion_event" }))).id;
  });

  it("managers link projects they can see, once each, with an audit row", async () => {
    const before = await auditCount("event_project", "create");
    await addEventProject(db, manager, fair, { projectId: project.bioLead });
    expect(await auditCount("event_project", "create")).toBe(before + 1);
    const dup = (await rejection(addEventProject(db, manager, fair, { projectId: project.bioLead }))) as ValidationError;
    expect(dup.fields).toEqual({ projectId: ["events.errors.alreadyLinked"] });
    // Another unit's project is not theirs to link; staff may not link at all.
    const hidden = (await rejection(addEventProject(db, manager, fair, { projectId: project.north1 }))) as ValidationError;
    expect(hidden.fields).toEqual({ projectId: ["events.errors.projectRequired"] });
    expect(await rejection(addEventProject(db, staff, fair, { projectId: project.bio1 }))).toBeInstanceOf(ForbiddenError);
    expect(((await rejection(addEventProject(db, manager, fair, { projectId: "x" }))) as ValidationError).fields).toEqual({ projectId: ["events.errors.projectRequired"] });
    await addEventProject(db, northManager, fair, { projectId: project.north1 });
  });

  it("shows each viewer only the met projects they may see", async () => {
    expect((await listMetProjects(db, manager, fair)).map((p) => p.name)).toEqual(["体外诊断试剂线索"]);
    expect((await listMetProjects(db, staff2, fair)).map((p) => p.name)).toEqual(["健康谷康养综合体"]);
    expect((await listMetProjects(db, admin, fair)).map((p) => p.name).sort()).toEqual(["体外诊断试剂线索", "健康谷康养综合体"].sort());
  });

  it("takes a project off (audited); another unit's link stays out of reach", async () => {
    expect(await rejection(removeEventProject(db, manager, fair, project.north1!))).toBeInstanceOf(NotFoundError);
    const before = await auditCount("event_project", "delete");
    await removeEventProject(db, manager, fair, project.bioLead!);
    expect(await auditCount("event_project", "delete")).toBe(before + 1);
    expect(await rejection(removeEventProject(db, manager, fair, project.bioLead!))).toBeInstanceOf(NotFoundError);
    const left = await db.select().from(eventProjects).where(eq(eventProjects.eventId, fair));
    expect(left.map((l) => l.projectId)).toEqual([project.north1]);
  });
});

describe("events: the leads an event produced", () => {
  let fair: string;
  beforeAll(async () => {
    fair = (await createEvent(db, manager, valid({ name: "2026年生物医药产业推介会", kind: "promotion_event", heldOn: "2026-03-12" }))).id;
  });

  const base = (over: Record<string, unknown> = {}) => ({
    enterpriseId: "",
    source: "promotion_event",
    totalInvestmentYi: "1",
    capitalOrigin: "local",
    ownerId: staff.id,
    unitId: bio.id,
    ...over,
  });

  it("a lead records its 来源活动 through the form's service, on its page's record and in the API (PATCH keeps it); an archived or made-up event is refused", async () => {
    const [ent] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.unitId, bio.id));
    const p = await createProject(db, staff, base({ name: "推介会带来的抗体药项目", enterpriseId: ent!.id, sourceEventId: fair }));
    expect(p.sourceEventId).toBe(fair);
    expect((await getProject(db, staff, p.id))?.sourceEventName).toBe("2026年生物医药产业推介会");
    expect((await readProjectApi(db, staff, p.id)).sourceEventId).toBe(fair);
    // PATCH writes only what was sent: the 来源活动 stays.
    const patched = await updateProjectApi(db, staff, p.id, { name: "推介会带来的抗体药产业化项目", version: p.version });
    expect(patched.sourceEventId).toBe(fair);
    const made = (await rejection(createProject(db, staff, base({ name: "来源不明的项目", enterpriseId: ent!.id, sourceEventId: crypto.randomUUID() })))) as ValidationError;
    expect(made.fields).toHaveProperty("sourceEventId");
    const old = await createEvent(db, manager, valid({ name: "已归档的推介会", kind: "promotion_event", heldOn: "2025-01-10" }));
    await db.update(events).set({ archivedAt: new Date() }).where(eq(events.id, old.id));
    const archived = (await rejection(createProject(db, staff, base({ name: "来自已归档活动的项目", enterpriseId: ent!.id, sourceEventId: old.id })))) as ValidationError;
    expect(archived.fields).toHaveProperty("sourceEventId");
  });

  it("the event counts its leads and how many signed, over what the viewer may see, as the project list does", async () => {
    await db.update(projects).set({ sourceEventId: fair }).where(inArray(projects.id, [project.bio1!, project.bioLead!, project.north1!]));
    // Manager (高新区): bio1 (签约), bioLead and the one created above (线索); not north1 (another unit).
    expect(await eventLeadConversion(db, manager, fair)).toEqual({ leads: 3, signed: 1 });
    expect((await listProjects(db, manager, projectListSchema.parse({ sourceEvent: fair }))).total).toBe(3);
    expect((await listProjects(db, manager, projectListSchema.parse({ sourceEvent: fair, stage: SIGNED_STAGES.join(",") }))).total).toBe(1);
    // The other unit's staff see only their own lead from it.
    expect(await eventLeadConversion(db, staff2, fair)).toEqual({ leads: 1, signed: 1 });
    expect(await eventLeadConversion(db, admin, fair)).toEqual({ leads: 4, signed: 2 });
  });

  it("the import takes 来源活动 by the event's name", async () => {
    const csv = ["项目名称,投资方,总投资（亿元）,来源活动", "推介会带来的细胞治疗项目,华东医药科技有限公司,0.8,2026年生物医药产业推介会", ""].join("\r\n");
    const report = await runImport(db, manager, { kind: "projects", mode: "commit", fileName: "线索.csv", input: Readable.from([Buffer.from(csv, "utf8")]), mapping: null });
    expect(report.errors).toEqual([]);
    const [row] = await db.select({ sourceEventId: projects.sourceEventId }).from(projects).where(eq(projects.name, "推介会带来的细胞治疗项目"));
    expect(row?.sourceEventId).toBe(fair);
  });
});

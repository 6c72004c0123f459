/**
 * Archive (归档) and restore: "删除" hides a project, enterprise, contact, parcel or event from every
 * list and read path (for everyone, admins included), an admin restores it, and the purge
 * deletes old archives for good. Real PostgreSQL.
 */
import { and, count, desc, eq } from "drizzle-orm";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, contacts, enterprises, events, parcels, parks, projects, serviceRequests, grids } from "@/db/schema";
import { listArchived, archivedCounts } from "@/lib/archive/queries";
import { listEnterprisesApi, enterpriseApiListSchema } from "@/lib/api-v1/enterprises";
import { archiveContact, archiveEnterprise, archiveEvent, archiveParcel, archiveProject, EnterpriseHasProjectsError, purgeArchives, restoreRecord } from "@/lib/archive/service";
import { archiveListSchema, archivePurgeDays } from "@/lib/archive/validation";
import type { Viewer } from "@/lib/auth/roles";
import { getEnterprise, listContactHistory, listContacts, listEnterpriseProjects, listEnterprises, searchEnterprisesForPicker } from "@/lib/enterprises/queries";
import { createContact } from "@/lib/enterprises/service";
import { enterpriseListSchema } from "@/lib/enterprises/validation";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { getEvent, listEventOptions, listEvents } from "@/lib/events/queries";
import { eventListSchema } from "@/lib/events/validation";
import { getParcel, landTotals, listOpenParcels, listParcels, listParkProjects } from "@/lib/land/queries";
import { parcelListSchema } from "@/lib/land/validation";
import { loadBoard } from "@/lib/projects/board";
import { myOpenTasks, recentProjects } from "@/lib/projects/my-work";
import { getProject, listProjects } from "@/lib/projects/queries";
import { addTask, changeStage, createProject, updateProject } from "@/lib/projects/service";
import { enterpriseContacts } from "@/lib/projects/timeline";
import { projectListSchema } from "@/lib/projects/validation";
import { listSignedProjects, signedExportStatement } from "@/lib/signed/queries";
import { signedListSchema } from "@/lib/signed/validation";
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();

let admin: Viewer, manager: Viewer, staff: Viewer, other: Viewer;
let enterpriseId: string, parkId: string, eventId: string;

async function newProject(name: string, owner: Viewer, totalInvestmentYi = "2") {
  return createProject(db, owner, {
    name,
    enterpriseId,
    industryChainId: "",
    source: "walk_in",
    totalInvestmentYi,
    capitalOrigin: "local",
    ownerId: owner.id,
    unitId: owner.unitId,
    expectedSigningDate: "",
  });
}

async function sign(projectId: string, version: number) {
  return changeStage(db, staff, projectId, {
    toStage: "signed",
    toStatus: "active",
    version,
    signingDate: "2024-03-01",
    agreementType: "investment",
    contractInvestmentYi: "1.5",
    eventId,
  });
}

const projectNames = async (viewer: Viewer) => (await listProjects(db, viewer, projectListSchema.parse({ size: "200" }))).rows.map((r) => r.name);
const signedNames = async (viewer: Viewer) => (await listSignedProjects(db, viewer, signedListSchema.parse({ size: "200" }))).rows.map((r) => r.name);
const boardNames = async (viewer: Viewer) => (await loadBoard(db, viewer, {})).flatMap((c) => c.cards.map((card) => card.name));
const boardCount = async (viewer: Viewer) => (await loadBoard(db, viewer, {})).reduce((n, c) => n + c.count, 0);
async function exportedNames(viewer: Viewer) {
  const { page: _p, size: _s, ...params } = signedListSchema.parse({});
  const { text, values, fields } = await signedExportStatement(db, viewer, params);
  const { rows } = await (db as Db & { $client: pg.Pool }).$client.query({ text, values, rowMode: "array" });
  return rows.map((r: unknown[]) => r[fields.indexOf("name")]);
}

beforeAll(async () => {
  const zone = await insertUnit(db, { name: "高新区投资促进部" });
  const bio = await insertUnit(db, { name: "生物医药招商组", parentId: zone.id });
  const north = await insertUnit(db, { name: "健康谷招商专班" });
  admin = await insertViewer(db, "admin", zone.id);
  manager = await insertViewer(db, "manager", zone.id);
  staff = await insertViewer(db, "staff", bio.id);
  other = await insertViewer(db, "staff", north.id);
  const [e] = await db.insert(enterprises).values({ name: "国药租赁有限公司", unitId: bio.id, createdById: staff.id }).returning();
  enterpriseId = e!.id;
  const [p] = await db.insert(parks).values({ name: "生物医药及医疗器械产业园" }).returning();
  parkId = p!.id;
  const [ev] = await db.insert(events).values({ name: "集中签约仪式", kind: "signing_ceremony", heldOn: "2024-03-01" }).returning();
  eventId = ev!.id;
});

describe("archiving a project", () => {
  it("hides it from every list and read path, for staff, managers and admins, and restores it", async () => {
    const kept = await newProject("保留的项目", staff);
    const gone = await newProject("要删除的签约项目", staff);
    const signed = await sign(gone.id, gone.version);
    await db.update(projects).set({ parkId }).where(eq(projects.id, gone.id));
    const [parcel] = await db.insert(parcels).values({ code: "GX-A1", parkId, areaMu: "10", projectId: gone.id }).returning();
    await addTask(db, staff, gone.id, { title: "跟进要删除的项目", assigneeId: staff.id });
    expect((await myOpenTasks(db, staff, "2026-01-01")).map((t) => t.title)).toContain("跟进要删除的项目");

    for (const v of [staff, manager, admin]) {
      expect(await projectNames(v)).toContain("要删除的签约项目");
      expect(await signedNames(v)).toContain("要删除的签约项目");
    }
    const before = { board: await boardCount(manager) };

    const archived = await archiveProject(db, staff, gone.id, { version: signed.version });
    expect(archived.archivedAt).toBeInstanceOf(Date);

    for (const v of [staff, manager, admin]) {
      expect(await projectNames(v)).toEqual(expect.arrayContaining(["保留的项目"]));
      expect(await projectNames(v)).not.toContain("要删除的签约项目");
      expect(await signedNames(v)).not.toContain("要删除的签约项目");
      expect(await boardNames(v)).not.toContain("要删除的签约项目");
      expect(await exportedNames(v)).not.toContain("要删除的签约项目");
      expect(await getProject(db, v, gone.id)).toBeNull();
      expect((await recentProjects(db, v)).map((r) => r.name)).not.toContain("要删除的签约项目");
      expect((await listEnterpriseProjects(db, v, enterpriseId)).map((r) => r.name)).not.toContain("要删除的签约项目");
      expect((await listParkProjects(db, v, parkId)).rows).toEqual([]);
    }
    expect(await boardCount(manager)).toBe(before.board - 1);
    expect((await myOpenTasks(db, staff, "2026-01-01")).map((t) => t.title)).not.toContain("跟进要删除的项目");
    // The event's signed count no longer counts it.
    const [row] = (await listEvents(db, admin, eventListSchema.parse({}))).rows;
    expect(row!.signedCount).toBe(0);
    // The parcel it was matched to stays, without naming it.
    expect((await getParcel(db, admin, parcel!.id))?.projectName).toBeNull();

    // Nobody can change it while it is archived.
    const current = (await db.select().from(projects).where(eq(projects.id, gone.id)))[0]!;
    expect(await rejection(updateProject(db, staff, gone.id, { ...current, totalInvestmentYi: "3", version: current.version }))).toBeInstanceOf(NotFoundError);

    // The admin sees it among the archived, and restores it.
    const listed = await listArchived(db, admin, archiveListSchema.parse({ type: "project" }));
    expect(listed.rows.map((r) => r.name)).toEqual(["要删除的签约项目"]);
    expect(listed.rows[0]!.archivedByName).toBe(staff.displayName);
    expect((await archivedCounts(db, admin)).project).toBe(1);
    await restoreRecord(db, admin, "project", gone.id);
    for (const v of [staff, manager, admin]) {
      expect(await signedNames(v)).toContain("要删除的签约项目");
      expect(await getProject(db, v, gone.id)).not.toBeNull();
    }
    expect(await boardCount(manager)).toBe(before.board);

    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "project"), eq(auditLog.entityId, gone.id))).orderBy(desc(auditLog.id));
    expect(audit.map((a) => a.action).slice(0, 2)).toEqual(["restore", "archive"]);
    expect(audit[1]!.actorId).toBe(staff.id);
    expect(audit[0]!.actorId).toBe(admin.id);
    expect(kept.id).toBeTruthy();
  });

  it("refuses a stale version and a project outside the viewer's scope, changing nothing", async () => {
    const p = await newProject("版本冲突的项目", staff);
    expect(await rejection(archiveProject(db, staff, p.id, { version: p.version + 1 }))).toBeInstanceOf(ConflictError);
    expect(await rejection(archiveProject(db, other, p.id, { version: p.version }))).toBeInstanceOf(NotFoundError);
    const [row] = await db.select().from(projects).where(eq(projects.id, p.id));
    expect(row!.archivedAt).toBeNull();
    expect(row!.version).toBe(p.version);
  });

  it("only admins restore", async () => {
    const p = await newProject("只有管理员能恢复", staff);
    await archiveProject(db, staff, p.id, { version: p.version });
    expect(await rejection(restoreRecord(db, manager, "project", p.id))).toBeInstanceOf(ForbiddenError);
    await restoreRecord(db, admin, "project", p.id);
    expect(await rejection(restoreRecord(db, admin, "project", p.id))).toBeInstanceOf(NotFoundError);
  });
});

describe("archiving an enterprise", () => {
  it("is refused while it has live projects, then hides it everywhere; restoring a project brings it back", async () => {
    const [e] = await db.insert(enterprises).values({ name: "海克斯康测量技术有限公司", unitId: staff.unitId, createdById: staff.id }).returning();
    const p = await createProject(db, staff, {
      name: "海克斯康精密测量项目",
      enterpriseId: e!.id,
      source: "walk_in",
      totalInvestmentYi: "5",
      capitalOrigin: "foreign",
      ownerId: staff.id,
      unitId: staff.unitId,
    });
    expect(await rejection(archiveEnterprise(db, staff, e!.id, { version: e!.version }))).toBeInstanceOf(EnterpriseHasProjectsError);
    await archiveProject(db, staff, p.id, { version: p.version });
    await archiveEnterprise(db, staff, e!.id, { version: e!.version });

    for (const v of [staff, manager, admin]) {
      expect(await getEnterprise(db, v, e!.id)).toBeNull();
      expect((await listEnterprises(db, v, enterpriseListSchema.parse({ size: "100" }))).rows.map((r) => r.name)).not.toContain("海克斯康测量技术有限公司");
      expect((await searchEnterprisesForPicker(db, v, "海克斯康")).length).toBe(0);
    }
    // A project cannot be created for a hidden investor.
    const refused = await rejection(createProject(db, staff, { name: "新项目", enterpriseId: e!.id, source: "walk_in", totalInvestmentYi: "1", capitalOrigin: "local", ownerId: staff.id, unitId: staff.unitId }));
    expect((refused as { fields?: Record<string, string[]> }).fields?.enterpriseId).toBeTruthy();

    await restoreRecord(db, admin, "project", p.id);
    expect(await getEnterprise(db, staff, e!.id)).not.toBeNull();
    expect(await getProject(db, staff, p.id)).not.toBeNull();
  });
});

describe("archiving a contact", () => {
  /** Every read that shows or searches contacts, as `viewer` sees it: [what it shows, whether it finds `name`]. */
  async function contactReads(viewer: Viewer, enterprise: string, name: string) {
    return {
      enterprisePage: (await listContacts(db, viewer, enterprise)).map((c) => c.name),
      projectPage: (await enterpriseContacts(db, enterprise)).map((c) => c.name),
      projectSearch: (await listProjects(db, viewer, projectListSchema.parse({ q: name, size: "200" }))).rows.map((r) => r.name),
      enterpriseSearch: (await listEnterprises(db, viewer, enterpriseListSchema.parse({ q: name, size: "100" }))).rows.map((r) => r.name),
      apiSearch: (await listEnterprisesApi(db, viewer, enterpriseApiListSchema.parse({ q: name }))).data.map((e) => e.name),
    };
  }

  it("hides it from the enterprise page, the project page and every search; an admin restores it", async () => {
    const [e] = await db.insert(enterprises).values({ name: "青岛联络测试生物科技有限公司", unitId: staff.unitId, createdById: staff.id }).returning();
    await createProject(db, staff, { name: "联络测试生物药项目", enterpriseId: e!.id, source: "walk_in", totalInvestmentYi: "3", capitalOrigin: "local", ownerId: staff.id, unitId: staff.unitId });
    const kept = await createContact(db, staff, e!.id, { name: "贺常在", title: "总经理" });
    const c = await createContact(db, staff, e!.id, { name: "臧离去", title: "投资总监", phone: "13800009999" });

    for (const v of [staff, manager, admin]) {
      expect(await contactReads(v, e!.id, "臧离去")).toEqual({
        enterprisePage: ["贺常在", "臧离去"],
        projectPage: ["贺常在", "臧离去"],
        projectSearch: ["联络测试生物药项目"],
        enterpriseSearch: ["青岛联络测试生物科技有限公司"],
        apiSearch: ["青岛联络测试生物科技有限公司"],
      });
    }

    // Staff of another unit cannot archive it (it is not theirs to see); a stale version is refused; nothing is written.
    const [auditBefore] = await db.select({ n: count() }).from(auditLog);
    expect(await rejection(archiveContact(db, other, c.id, { version: c.version }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(archiveContact(db, staff, c.id, { version: c.version + 1 }))).toBeInstanceOf(ConflictError);
    expect(await rejection(archiveContact(db, staff, "not-a-uuid", { version: 1 }))).toBeInstanceOf(NotFoundError);
    const [untouched] = await db.select().from(contacts).where(eq(contacts.id, c.id));
    expect(untouched).toMatchObject({ archivedAt: null, archivedById: null, version: c.version });
    expect((await db.select({ n: count() }).from(auditLog))[0]!.n).toBe(auditBefore!.n);

    const archived = await archiveContact(db, staff, c.id, { version: c.version });
    expect(archived).toMatchObject({ id: c.id, enterpriseId: e!.id, version: c.version + 1 });
    for (const v of [staff, manager, admin]) {
      expect(await contactReads(v, e!.id, "臧离去")).toEqual({ enterprisePage: ["贺常在"], projectPage: ["贺常在"], projectSearch: [], enterpriseSearch: [], apiSearch: [] });
      // The contact still kept is found as before.
      expect((await contactReads(v, e!.id, "贺常在")).projectSearch).toEqual(["联络测试生物药项目"]);
    }
    // Kept in the database, marked by whom and when; a second 删除 finds nothing.
    const [row] = await db.select().from(contacts).where(eq(contacts.id, c.id));
    expect(row).toMatchObject({ name: "臧离去", archivedById: staff.id });
    expect(row!.archivedAt).toBeInstanceOf(Date);
    expect(await rejection(archiveContact(db, staff, c.id, { version: row!.version }))).toBeInstanceOf(NotFoundError);

    // The admin's list: type 联系人, with its enterprise; searchable by the enterprise's name too.
    const listed = await listArchived(db, admin, archiveListSchema.parse({ type: "contact" }));
    expect(listed.rows.map((r) => [r.name, r.detail, r.archivedByName])).toEqual([["臧离去", "青岛联络测试生物科技有限公司", staff.displayName]]);
    expect((await listArchived(db, admin, archiveListSchema.parse({ type: "contact", q: "联络测试" }))).total).toBe(1);
    expect((await listArchived(db, admin, archiveListSchema.parse({ type: "contact", q: "贺常在" }))).total).toBe(0);
    expect((await archivedCounts(db, admin)).contact).toBe(1);
    expect(await rejection(listArchived(db, manager, archiveListSchema.parse({ type: "contact" })))).toBeInstanceOf(ForbiddenError);

    expect(await rejection(restoreRecord(db, manager, "contact", c.id))).toBeInstanceOf(ForbiddenError);
    await restoreRecord(db, admin, "contact", c.id);
    for (const v of [staff, manager, admin]) {
      expect((await contactReads(v, e!.id, "臧离去")).enterprisePage).toEqual(["贺常在", "臧离去"]);
      expect((await contactReads(v, e!.id, "臧离去")).projectSearch).toEqual(["联络测试生物药项目"]);
    }
    expect((await archivedCounts(db, admin)).contact).toBe(0);

    // The enterprise's history has both, in words, with the actors.
    const history = await listContactHistory(db, e!.id);
    expect(history.slice(0, 2).map((h) => [h.action, h.actorName])).toEqual([
      ["restore", admin.displayName],
      ["archive", staff.displayName],
    ]);
    expect(kept.id).toBeTruthy();
  });

  it("restoring a contact whose enterprise was archived after it restores the enterprise too", async () => {
    const [e] = await db.insert(enterprises).values({ name: "已停止合作的咨询公司", unitId: staff.unitId, createdById: staff.id }).returning();
    const c = await createContact(db, staff, e!.id, { name: "伍先生" });
    await archiveContact(db, staff, c.id, { version: c.version });
    await archiveEnterprise(db, staff, e!.id, { version: e!.version });
    expect(await getEnterprise(db, staff, e!.id)).toBeNull();

    await restoreRecord(db, admin, "contact", c.id);
    expect(await getEnterprise(db, staff, e!.id)).not.toBeNull();
    expect((await listContacts(db, staff, e!.id)).map((r) => r.name)).toEqual(["伍先生"]);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "enterprise"), eq(auditLog.entityId, e!.id))).orderBy(desc(auditLog.id));
    expect(audit[0]).toMatchObject({ action: "restore", actorId: admin.id });
  });
});

describe("archiving a parcel and an event", () => {
  it("hides the parcel from lists, totals and matching; staff may not archive it", async () => {
    const [parcel] = await db.insert(parcels).values({ code: "GX-P9", parkId, areaMu: "25" }).returning();
    const totalBefore = await landTotals(db, eq(parcels.parkId, parkId));
    expect(await rejection(archiveParcel(db, staff, parcel!.id, { version: parcel!.version }))).toBeInstanceOf(ForbiddenError);
    await archiveParcel(db, manager, parcel!.id, { version: parcel!.version });
    expect(await getParcel(db, admin, parcel!.id)).toBeNull();
    expect((await listParcels(db, admin, parcelListSchema.parse({}))).rows.map((r) => r.code)).not.toContain("GX-P9");
    expect((await listOpenParcels(db)).map((r) => r.code)).not.toContain("GX-P9");
    const totalAfter = await landTotals(db, eq(parcels.parkId, parkId));
    expect(totalAfter.parcels).toBe(totalBefore.parcels - 1);
    await restoreRecord(db, admin, "parcel", parcel!.id);
    expect(await getParcel(db, admin, parcel!.id)).not.toBeNull();
  });

  it("hides the event from lists, pickers and its page, and from the signed list's 签约活动", async () => {
    const p = await newProject("活动删除后的签约项目", staff);
    await sign(p.id, p.version);
    const [ev] = await db.select().from(events).where(eq(events.id, eventId));
    await archiveEvent(db, manager, eventId, { version: ev!.version });
    expect(await getEvent(db, eventId)).toBeNull();
    expect((await listEventOptions(db)).map((e) => e.id)).not.toContain(eventId);
    expect((await listEvents(db, admin, eventListSchema.parse({}))).rows).toEqual([]);
    const row = (await listSignedProjects(db, admin, signedListSchema.parse({}))).rows.find((r) => r.name === "活动删除后的签约项目");
    expect(row?.eventName).toBeNull();
    await restoreRecord(db, admin, "event", eventId);
    expect(await getEvent(db, eventId)).not.toBeNull();
  });
});

describe("purging old archives", () => {
  it("reads ARCHIVE_PURGE_DAYS, and deletes only what was archived before the cutoff", () => {
    expect(archivePurgeDays({})).toBeNull();
    expect(archivePurgeDays({ ARCHIVE_PURGE_DAYS: "0" })).toBeNull();
    expect(archivePurgeDays({ ARCHIVE_PURGE_DAYS: "abc" })).toBeNull();
    expect(archivePurgeDays({ ARCHIVE_PURGE_DAYS: "90" })).toBe(90);
  });

  it("deletes old archived rows with their dependants; keeps recent ones and still-referenced enterprises", async () => {
    const [e] = await db.insert(enterprises).values({ name: "待清除的企业", unitId: staff.unitId, createdById: staff.id }).returning();
    const [busy] = await db.insert(enterprises).values({ name: "有诉求记录的企业", unitId: staff.unitId, createdById: staff.id }).returning();
    const [grid] = await db.insert(grids).values({ code: "G-T1", name: "测试网格", unitId: staff.unitId }).returning();
    await db.insert(serviceRequests).values({ gridId: grid!.id, enterpriseId: busy!.id, title: "用电增容", category: "utilities", receivedAt: new Date() });
    const old = await createProject(db, staff, { name: "很久以前删除的项目", enterpriseId: e!.id, source: "walk_in", totalInvestmentYi: "1", capitalOrigin: "local", ownerId: staff.id, unitId: staff.unitId });
    const recent = await newProject("最近删除的项目", staff);
    await archiveProject(db, staff, old.id, { version: old.version });
    await archiveProject(db, staff, recent.id, { version: recent.version });
    const longAgo = new Date(Date.now() - 100 * 86_400_000);
    await db.update(projects).set({ archivedAt: longAgo }).where(eq(projects.id, old.id));
    await db.update(enterprises).set({ archivedAt: longAgo }).where(eq(enterprises.id, e!.id));
    await db.update(enterprises).set({ archivedAt: longAgo }).where(eq(enterprises.id, busy!.id));

    const result = await purgeArchives(db, { days: 90 });
    expect(result).toMatchObject({ projects: 1, enterprises: 1, keptEnterprises: 1 });
    expect(await db.select().from(projects).where(eq(projects.id, old.id))).toEqual([]);
    expect(await db.select().from(enterprises).where(eq(enterprises.id, e!.id))).toEqual([]);
    expect((await db.select().from(enterprises).where(eq(enterprises.id, busy!.id))).length).toBe(1);
    expect((await db.select().from(projects).where(eq(projects.id, recent.id))).length).toBe(1);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, old.id), eq(auditLog.action, "delete")));
    expect(audit?.before).toMatchObject({ name: "很久以前删除的项目" });
  });

  it("purges old archived contacts (audited, still found by the enterprise's history), keeps recent and live ones", async () => {
    const [e] = await db.insert(enterprises).values({ name: "联系人清除测试企业", unitId: staff.unitId, createdById: staff.id }).returning();
    const live = await createContact(db, staff, e!.id, { name: "留任者" });
    const old = await createContact(db, staff, e!.id, { name: "早已删除者" });
    const recent = await createContact(db, staff, e!.id, { name: "刚删除者" });
    await archiveContact(db, staff, old.id, { version: old.version });
    await archiveContact(db, staff, recent.id, { version: recent.version });
    await db.update(contacts).set({ archivedAt: new Date(Date.now() - 100 * 86_400_000) }).where(eq(contacts.id, old.id));

    const result = await purgeArchives(db, { days: 90 });
    expect(result.contacts).toBe(1);
    const left = await db.select({ name: contacts.name }).from(contacts).where(eq(contacts.enterpriseId, e!.id)).orderBy(contacts.name);
    expect(left.map((r) => r.name).sort()).toEqual(["刚删除者", "留任者"].sort());
    const history = await listContactHistory(db, e!.id);
    expect(history[0]).toMatchObject({ action: "delete" });
    expect(history[0]!.before).toMatchObject({ name: "早已删除者", enterpriseId: e!.id });
    expect(live.id).toBeTruthy();
  });
});

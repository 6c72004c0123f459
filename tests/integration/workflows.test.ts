import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, checklistItems, checklists, enterprises, parks, projects, templateItems, workflowTemplates, zones } from "@/db/schema";
import type { Viewer } from "@/lib/auth/roles";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { todayInChina } from "@/lib/i18n/format";
import { reviewReport, saveReport } from "@/lib/milestones/service";
import { changeStage, createProject } from "@/lib/projects/service";
import { getTimeline } from "@/lib/projects/timeline";
import {
  applyOptions,
  editableItemIds,
  getChecklist,
  getTemplate,
  listChecklists,
  listTemplates,
  overdueServiceCount,
  phaseProgress,
  stewardWorklist,
  worklistTargets,
} from "@/lib/workflows/queries";
import { addDays } from "@/lib/workflows/rules";
import {
  addTemplateItem,
  applyTemplate,
  closeChecklistItem,
  createTemplate,
  deleteTemplateItem,
  moveTemplateItem,
  updateChecklistItem,
  updateTemplate,
  updateTemplateItem,
} from "@/lib/workflows/service";
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();
const today = todayInChina();

// 市局 (admin) → 高新区投资促进部 (manager) → 生物医药组 (staff, staffB); 落地办 (the steward); 市北区 健康谷专班 (staff2, managerX).
let admin: Viewer, manager: Viewer, staff: Viewer, staffB: Viewer, staff2: Viewer, managerX: Viewer, steward: Viewer;
let dept: string, unitA: string, unitX: string, enterpriseId: string;
let parkId: string, zoneId: string, otherZoneId: string;
let landTpl: string, taskforceTpl: string, mechanismTpl: string;

const rev = async (id: string) => (await db.select({ r: workflowTemplates.revision }).from(workflowTemplates).where(eq(workflowTemplates.id, id)))[0]!.r;
const itemsOf = (checklistId: string) => db.select().from(checklistItems).where(eq(checklistItems.checklistId, checklistId)).orderBy(asc(checklistItems.sortOrder));
const itemRow = async (id: string) => (await db.select().from(checklistItems).where(eq(checklistItems.id, id)))[0]!;
const auditCount = async (entityType: string, entityId?: string) =>
  (await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entityType, entityType), entityId ? eq(auditLog.entityId, entityId) : undefined)))[0]!.n;
const templateVersion = async (id: string) => (await db.select({ v: workflowTemplates.version }).from(workflowTemplates).where(eq(workflowTemplates.id, id)))[0]!.v;

async function project(name: string, signingDate: string | null, owner = staff) {
  const p = await createProject(db, owner, { name, enterpriseId, source: "walk_in", totalInvestmentYi: "5", capitalOrigin: "local", ownerId: owner.id, unitId: owner.unitId });
  if (!signingDate) return p.id;
  await changeStage(db, owner, p.id, { toStage: "intent", toStatus: "active", version: p.version });
  const [{ v }] = (await db.select({ v: projects.version }).from(projects).where(eq(projects.id, p.id))) as [{ v: number }];
  await changeStage(db, owner, p.id, { toStage: "signed", toStatus: "active", signingDate, contractInvestmentYi: "5", stewardId: steward.id, version: v });
  return p.id;
}

beforeAll(async () => {
  const root = await insertUnit(db, { name: "青岛市投资促进局" });
  dept = (await insertUnit(db, { name: "高新区投资促进部", parentId: root.id })).id;
  unitA = (await insertUnit(db, { name: "生物医药招商组", parentId: dept })).id;
  const ldb = await insertUnit(db, { name: "项目落地服务专班", parentId: root.id });
  unitX = (await insertUnit(db, { name: "健康谷招商专班", parentId: root.id })).id;
  admin = await insertViewer(db, "admin", root.id);
  manager = await insertViewer(db, "manager", dept);
  staff = await insertViewer(db, "staff", unitA);
  staffB = await insertViewer(db, "staff", unitA);
  staff2 = await insertViewer(db, "staff", unitX);
  managerX = await insertViewer(db, "manager", unitX);
  steward = await insertViewer(db, "staff", ldb.id);
  enterpriseId = (await db.insert(enterprises).values({ name: "国药融资租赁有限公司", unitId: unitA }).returning())[0]!.id;
  const park = (await db.insert(parks).values({ name: "健康谷" }).returning())[0]!;
  parkId = park.id;
  zoneId = (await db.insert(zones).values({ parkId, name: "核心区", areaMu: "383" }).returning())[0]!.id;
  const other = (await db.insert(parks).values({ name: "精密仪器仪表产业园" }).returning())[0]!;
  otherZoneId = (await db.insert(zones).values({ parkId: other.id, name: "核心区" }).returning())[0]!.id;

  // Templates the way an admin builds them: the fields, then the items one by one.
  landTpl = (await createTemplate(db, admin, { name: "用地一件事", code: "land", kind: "project_service", phases: "开工前\n建设中\n建成后", version: 1 })).id;
  for (const item of [
    { phase: "开工前", category: "用地规划许可", title: "建设用地规划许可证", responsibleDepartment: "自然资源局", dueOffsetDays: 5, dueAnchor: "land", evidenceRequired: true },
    { phase: "开工前", category: "施工许可", title: "建筑工程施工许可证", responsibleDepartment: "住房和城乡建设局", dueOffsetDays: 15, dueAnchor: "land", evidenceRequired: true },
    { phase: "建设中", category: "质量安全监督", title: "工程质量安全监督手续", dueOffsetDays: 20, dueAnchor: "land" },
    { phase: "建成后", category: "联合竣工验收", title: "联合竣工验收", dueOffsetDays: 360, dueAnchor: "land", evidenceRequired: true },
  ])
    await addTemplateItem(db, admin, landTpl, item);
  taskforceTpl = (await createTemplate(db, admin, { name: "落地办专班", code: "taskforce", kind: "project_service", phases: "", version: 1 })).id;
  for (const item of [
    { title: "确定项目服务管家", dueOffsetDays: 3, dueAnchor: "signing" },
    { title: "项目公司注册", dueOffsetDays: 30, dueAnchor: "signing", evidenceRequired: true },
    { title: "扶持政策兑现", dueOffsetDays: 120, dueAnchor: "start" },
    { title: "人才引进对接" },
  ])
    await addTemplateItem(db, admin, taskforceTpl, item);
  mechanismTpl = (await createTemplate(db, admin, { name: "7个1工作体系", code: "7x1", kind: "park_mechanism", phases: "", version: 1 })).id;
  for (const title of ["1个产业规划", "1支专业团队", "1组项目台账"]) await addTemplateItem(db, admin, mechanismTpl, { title, dueOffsetDays: 30 });
});

describe("templates", () => {
  it("only admins create or change them; every change is audited", async () => {
    expect(await rejection(createTemplate(db, manager, { name: "5个1工作机制", code: "5x1", kind: "park_mechanism", version: 1 }))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(addTemplateItem(db, manager, landTpl, { title: "规划条件核实" }))).toBeInstanceOf(ForbiddenError);
    expect(await auditCount("workflow_template", landTpl)).toBeGreaterThanOrEqual(5); // created, then a revision per item
    expect(await auditCount("template_item")).toBe(11);
    const list = await listTemplates(db);
    expect(list.find((t) => t.id === landTpl)).toMatchObject({ name: "用地一件事", revision: 5, items: 4, checklists: 0 });
  });

  it("refuse a code in use, a phase the template lacks, and a stale save, naming the field", async () => {
    expect((await rejection(createTemplate(db, admin, { name: "另一个", code: "land", kind: "project_service", version: 1 })) as ValidationError).fields).toEqual({ code: ["workflows.errors.codeTaken"] });
    const before = await rev(landTpl);
    expect((await rejection(addTemplateItem(db, admin, landTpl, { phase: "验收后", title: "规划条件核实" })) as ValidationError).fields).toEqual({ phase: ["workflows.errors.unknownPhase"] });
    // A phased template's items sit in a phase; a flat one's in none.
    expect((await rejection(addTemplateItem(db, admin, landTpl, { title: "规划条件核实" })) as ValidationError).fields).toEqual({ phase: ["workflows.errors.unknownPhase"] });
    expect((await rejection(addTemplateItem(db, admin, taskforceTpl, { phase: "开工前", title: "地块匹配" })) as ValidationError).fields).toEqual({ phase: ["workflows.errors.unknownPhase"] });
    expect(await rev(landTpl)).toBe(before); // the refused change rolled back, revision too
    // Items added since leave the fields' version alone; a save of the fields moves it, and one
    // made from the version before is refused.
    expect(await templateVersion(landTpl)).toBe(1);
    const fields = { name: "用地一件事", code: "land", kind: "project_service", phases: "开工前\n建设中\n建成后" };
    await updateTemplate(db, admin, landTpl, { ...fields, description: "企业拿地时一次性交付的事项清单", version: 1 });
    expect(await templateVersion(landTpl)).toBe(2);
    const stale = await rejection(updateTemplate(db, admin, landTpl, { ...fields, name: "用地一件事（新）", version: 1 }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await getTemplate(db, landTpl))!.name).toBe("用地一件事");
  });

  it("will not drop a phase that still has items", async () => {
    const e = await rejection(updateTemplate(db, admin, landTpl, { name: "用地一件事", code: "land", kind: "project_service", phases: "开工前\n建设中", version: await templateVersion(landTpl) }));
    expect((e as ValidationError).fields).toEqual({ phases: ["workflows.errors.phaseInUse"] });
  });
});

describe("template versioning", () => {
  it("a started checklist keeps its copy whatever happens to the template afterwards", async () => {
    const pid = await project("版本测试项目", "2025-01-10");
    const started = await applyTemplate(db, staff, { templateId: landTpl, projectId: pid, startedOn: "2025-01-15" });
    const r0 = await rev(landTpl);
    expect(started.templateRevision).toBe(r0);
    const copy = await itemsOf(started.id);
    expect(copy.map((i) => i.title)).toEqual(["建设用地规划许可证", "建筑工程施工许可证", "工程质量安全监督手续", "联合竣工验收"]);

    // Saving the template unchanged is not a revision.
    const tpl = (await getTemplate(db, landTpl))!;
    const same = await updateTemplate(db, admin, landTpl, { name: tpl.name, code: tpl.code, kind: tpl.kind, description: tpl.description, phases: tpl.phases.join("\n"), active: true, version: tpl.version });
    expect(same.revision).toBe(r0);

    // Rename and add a phase; edit, add, move and delete items: each a new revision.
    const renamed = await updateTemplate(db, admin, landTpl, { name: "用地一件事（2026版）", code: "land", kind: "project_service", phases: "开工前\n建设中\n建成后\n运营期", version: tpl.version });
    expect(renamed.revision).toBe(r0 + 1);
    const first = tpl.items[0]!;
    await updateTemplateItem(db, admin, first.id, { ...first, title: "建设用地规划许可证（含规划条件）", dueOffsetDays: 3, version: first.version });
    expect(await rev(landTpl)).toBe(r0 + 2);
    // The same form saved again unchanged: no new revision.
    const edited = (await getTemplate(db, landTpl))!.items[0]!;
    await updateTemplateItem(db, admin, edited.id, { ...edited, version: edited.version });
    expect(await rev(landTpl)).toBe(r0 + 2);
    const added = await addTemplateItem(db, admin, landTpl, { phase: "建设中", category: "专项验收", title: "消防验收", dueOffsetDays: 340, dueAnchor: "land", evidenceRequired: true });
    expect(await rev(landTpl)).toBe(r0 + 3);
    await deleteTemplateItem(db, admin, tpl.items[2]!.id);
    expect(await rev(landTpl)).toBe(r0 + 4);

    // Moves stay within the phase: 消防验收 is alone in 建设中 now, so it cannot move; 施工许可 can move up.
    expect(await moveTemplateItem(db, admin, added.id, "up")).toBe(false);
    expect(await rev(landTpl)).toBe(r0 + 4);
    expect(await moveTemplateItem(db, admin, tpl.items[1]!.id, "up")).toBe(true);
    expect(await rev(landTpl)).toBe(r0 + 5);
    const now = (await getTemplate(db, landTpl))!;
    expect(now.items.map((i) => [i.phase, i.title])).toEqual([
      ["开工前", "建筑工程施工许可证"],
      ["开工前", "建设用地规划许可证（含规划条件）"],
      ["建设中", "消防验收"],
      ["建成后", "联合竣工验收"],
    ]);

    // The checklist started earlier: same name, phases, revision and items as the day it started.
    const [checklist] = await db.select().from(checklists).where(eq(checklists.id, started.id));
    expect(checklist).toMatchObject({ name: "用地一件事", phases: ["开工前", "建设中", "建成后"], templateRevision: r0 });
    const after = await itemsOf(started.id);
    expect(after.map(({ title, dueOffsetDays, sortOrder, updatedAt, version }) => ({ title, dueOffsetDays, sortOrder, updatedAt, version }))).toEqual(
      copy.map(({ title, dueOffsetDays, sortOrder, updatedAt, version }) => ({ title, dueOffsetDays, sortOrder, updatedAt, version })),
    );
    // The deleted template item: the checklist keeps its copy, now unlinked.
    expect(after[2]).toMatchObject({ title: "工程质量安全监督手续", templateItemId: null });

    // A checklist started now gets the new revision.
    const pid2 = await project("新版本项目", "2025-02-01");
    const fresh = await applyTemplate(db, staff, { templateId: landTpl, projectId: pid2, startedOn: "2025-02-02" });
    expect(fresh).toMatchObject({ templateRevision: r0 + 5, name: "用地一件事（2026版）" });
    expect((await itemsOf(fresh.id)).map((i) => i.title)).toEqual(now.items.map((i) => i.title));
    // The detail page shows both revisions.
    expect(await getChecklist(db, staff, started.id)).toMatchObject({ templateRevision: r0, currentRevision: r0 + 5 });
  });
});

describe("starting a checklist", () => {
  it("for a park: a manager for a unit in scope, per park and per zone, once each", async () => {
    const c = await applyTemplate(db, manager, { templateId: mechanismTpl, parkId, unitId: unitA, ownerId: staff.id, startedOn: "2025-03-01" });
    expect(c).toMatchObject({ parkId, zoneId: null, projectId: null, unitId: unitA, kind: "park_mechanism", ownerId: staff.id });
    const items = await itemsOf(c.id);
    expect(items.map((i) => [i.dueDate, i.ownerId])).toEqual(Array(3).fill(["2025-03-31", staff.id]));
    const z = await applyTemplate(db, manager, { templateId: mechanismTpl, parkId, zoneId, startedOn: "2025-03-01" });
    expect(z).toMatchObject({ zoneId, unitId: dept }); // the manager's own unit by default
    const again = await rejection(applyTemplate(db, manager, { templateId: mechanismTpl, parkId, startedOn: "2025-04-01" }));
    expect((again as ValidationError).fields).toEqual({ templateId: ["workflows.errors.alreadyApplied"] });
    // The whole park's first, then each zone's.
    expect((await listChecklists(db, manager, { parkId })).map((x) => [x.name, x.zoneName])).toEqual([
      ["7个1工作体系", null],
      ["7个1工作体系", "核心区"],
    ]);
  });

  it("for a park: the form offers the mechanism templates, the park's zones and the units in the manager's scope", async () => {
    const options = await applyOptions(db, manager, { parkId });
    expect(options.templates.map((t) => t.name)).toEqual(["7个1工作体系"]);
    expect(options.zones.map((z) => z.name)).toEqual(["核心区"]);
    expect(options.units.map((u) => [u.name, u.depth])).toEqual([
      ["高新区投资促进部", 0],
      ["生物医药招商组", 1],
    ]);
    expect(options.people.map((p) => p.id)).toEqual(expect.arrayContaining([staff2.id, steward.id]));
  });

  it("for a park: staff are refused; a unit outside the manager's scope or another park's zone is named", async () => {
    const before = (await db.select({ n: count() }).from(checklists))[0]!.n;
    expect(await rejection(applyTemplate(db, staff, { templateId: mechanismTpl, parkId, startedOn: "2025-03-01" }))).toBeInstanceOf(ForbiddenError);
    const outside = await rejection(applyTemplate(db, manager, { templateId: mechanismTpl, parkId, zoneId, unitId: unitX, startedOn: "2025-03-01" }));
    expect((outside as ValidationError).fields).toEqual({ unitId: ["projects.errors.unitOutOfScope"] });
    const wrongZone = await rejection(applyTemplate(db, admin, { templateId: mechanismTpl, parkId, zoneId: otherZoneId, startedOn: "2025-03-01" }));
    expect((wrongZone as ValidationError).fields).toEqual({ zoneId: ["errors.invalidChoice"] });
    expect((await db.select({ n: count() }).from(checklists))[0]!.n).toBe(before);
  });

  it("for a project: signed only, by whoever may change it; another unit's staff get not found; twice is refused", async () => {
    const lead = await project("未签约项目", null);
    const e = await rejection(applyTemplate(db, staff, { templateId: taskforceTpl, projectId: lead, startedOn: "2025-03-01" }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).message).toBe("workflows.errors.notSigned");

    const pid = await project("落地办测试项目", "2025-01-10");
    expect(await rejection(applyTemplate(db, staff2, { templateId: taskforceTpl, projectId: pid, startedOn: "2025-03-01" }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(applyTemplate(db, managerX, { templateId: taskforceTpl, projectId: pid, startedOn: "2025-03-01" }))).toBeInstanceOf(NotFoundError);
    expect((await applyOptions(db, staff, { projectId: pid })).templates.map((t) => t.name)).toEqual(expect.arrayContaining(["落地办专班"]));

    const c = await applyTemplate(db, staffB, { templateId: taskforceTpl, projectId: pid, ownerId: steward.id, startedOn: "2025-02-01" });
    expect(c).toMatchObject({ projectId: pid, unitId: unitA, kind: "project_service", templateRevision: await rev(taskforceTpl) });
    // Due dates from each item's anchor: the signing date, the start date, or none.
    expect((await itemsOf(c.id)).map((i) => [i.title, i.dueDate, i.ownerId])).toEqual([
      ["确定项目服务管家", "2025-01-13", steward.id],
      ["项目公司注册", "2025-02-09", steward.id],
      ["扶持政策兑现", "2025-06-01", steward.id],
      ["人才引进对接", null, steward.id],
    ]);
    // Already there: not offered again, and refused if sent anyway.
    expect((await applyOptions(db, staff, { projectId: pid })).templates.map((t) => t.name)).not.toContain("落地办专班");
    const twice = await rejection(applyTemplate(db, staff, { templateId: taskforceTpl, projectId: pid, startedOn: "2025-03-01" }));
    expect((twice as ValidationError).message).toBe("workflows.errors.alreadyApplied");
    expect(await auditCount("checklist", c.id)).toBe(1);
  });

  it("refuses an inactive template, and a start date in the future", async () => {
    const pid = await project("停用模板项目", "2025-01-10");
    const tpl = await createTemplate(db, admin, { name: "已停用的清单", code: "old", kind: "project_service", active: false, version: 1 });
    expect((await rejection(applyTemplate(db, staff, { templateId: tpl.id, projectId: pid, startedOn: "2025-03-01" })) as ValidationError).fields).toEqual({ templateId: ["workflows.errors.templateRequired"] });
    expect((await rejection(applyTemplate(db, staff, { templateId: taskforceTpl, projectId: pid, startedOn: addDays(today, 1) })) as ValidationError).fields).toEqual({ startedOn: ["projects.errors.futureDate"] });
  });
});

describe("who may change an item", () => {
  let pid: string, checklistId: string, itemId: string, parkChecklist: string;
  beforeAll(async () => {
    pid = await project("权限测试项目", "2025-01-10", staff);
    const c = await applyTemplate(db, staff, { templateId: taskforceTpl, projectId: pid, startedOn: "2025-01-12" });
    checklistId = c.id;
    itemId = (await itemsOf(c.id))[3]!.id; // 人才引进对接: no evidence needed
    // A park checklist led by the manager's dept, one item owned by staff2 of another unit.
    const gushanbei = (await db.insert(zones).values({ parkId, name: "孤山北" }).returning())[0]!.id;
    const p = await applyTemplate(db, admin, { templateId: mechanismTpl, parkId, zoneId: gushanbei, unitId: dept, startedOn: "2025-03-01" });
    parkChecklist = p.id;
  });

  const save = async (viewer: Viewer, id: string, note: string) => {
    const row = await itemRow(id);
    return updateChecklistItem(db, viewer, id, { status: "in_progress", ownerId: row.ownerId ?? "", dueDate: row.dueDate ?? "", progressNote: note, evidence: row.evidence, version: row.version });
  };

  it("on a project's checklist: whoever may change the project (its unit's staff, the managers above), its steward, an admin", async () => {
    for (const [who, viewer] of [["staff", staff], ["staffB", staffB], ["manager", manager], ["steward", steward], ["admin", admin]] as const) {
      const saved = await save(viewer, itemId, `由${who}更新`);
      expect(saved.progressNote).toBe(`由${who}更新`);
    }
  });

  it("others get not found, and nothing changes", async () => {
    const before = await itemRow(itemId);
    for (const viewer of [staff2, managerX]) expect(await rejection(save(viewer, itemId, "越权"))).toBeInstanceOf(NotFoundError);
    expect(await itemRow(itemId)).toEqual(before);
    const detail = (await getChecklist(db, admin, checklistId))!;
    expect((await editableItemIds(db, staff2, detail)).size).toBe(0);
    expect((await editableItemIds(db, steward, detail)).size).toBe(4);
  });

  it("an item's own owner and a checklist's owner, even from another unit; a park checklist's managers, not its unit's staff", async () => {
    const [first, second] = await itemsOf(parkChecklist);
    // staff2 owns one item only: that one, not the other.
    await db.update(checklistItems).set({ ownerId: staff2.id }).where(eq(checklistItems.id, first!.id));
    expect((await save(staff2, first!.id, "张华推进")).progressNote).toBe("张华推进");
    expect(await rejection(save(staff2, second!.id, "越权"))).toBeInstanceOf(NotFoundError);
    const detail = (await getChecklist(db, staff2, parkChecklist))!;
    expect([...(await editableItemIds(db, staff2, detail))]).toEqual([first!.id]);
    // Staff of the checklist's unit read it but may not change it; its managers may.
    const deptStaff = await insertViewer(db, "staff", dept);
    expect(await getChecklist(db, deptStaff, parkChecklist)).not.toBeNull();
    expect(await rejection(save(deptStaff, second!.id, "越权"))).toBeInstanceOf(NotFoundError);
    expect((await save(manager, second!.id, "王建国推进")).progressNote).toBe("王建国推进");
    expect(await rejection(save(managerX, second!.id, "越权"))).toBeInstanceOf(NotFoundError);
    // Made the checklist's owner, deptStaff may change every item.
    await db.update(checklists).set({ ownerId: deptStaff.id }).where(eq(checklists.id, parkChecklist));
    expect((await save(deptStaff, second!.id, "牵头人推进")).progressNote).toBe("牵头人推进");
  });

  it("a stale save is refused with nothing written; every save is audited with before and after", async () => {
    const row = await itemRow(itemId);
    const audits = await auditCount("checklist_item", itemId);
    const stale = await rejection(updateChecklistItem(db, staff, itemId, { status: "done", completedOn: today, version: row.version - 1 }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect(await itemRow(itemId)).toEqual(row);
    await updateChecklistItem(db, staff, itemId, { status: "done", ownerId: steward.id, completedOn: today, progressNote: "已对接", version: row.version });
    expect(await auditCount("checklist_item", itemId)).toBe(audits + 1);
    const [last] = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "checklist_item"), eq(auditLog.entityId, itemId))).orderBy(asc(auditLog.id)).offset(audits);
    expect(last).toMatchObject({ actorId: staff.id, action: "update", before: { status: "in_progress", completedOn: null, ownerId: null }, after: { status: "done", completedOn: today, ownerId: steward.id } });
  });
});

describe("two people updating an item at once", () => {
  it("disjoint edits both survive; the same field is refused with the current values", async () => {
    const pid = await project("并发更新测试项目", "2025-01-10");
    const c = await applyTemplate(db, staff, { templateId: taskforceTpl, projectId: pid, startedOn: "2025-01-12" });
    const item = (await itemsOf(c.id))[3]!;
    const row = await itemRow(item.id);
    await updateChecklistItem(db, manager, item.id, { dueDate: "2025-06-30", version: row.version });
    const stale = (await rejection(updateChecklistItem(db, staff, item.id, { progressNote: "已对接人社局", version: row.version }))) as ConflictError;
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ status: row.status, dueDate: "2025-06-30", progressNote: row.progressNote, version: row.version + 1 });
    await updateChecklistItem(db, staff, item.id, { progressNote: "已对接人社局", version: row.version + 1 });
    expect(await itemRow(item.id)).toMatchObject({ status: row.status, ownerId: row.ownerId, dueDate: "2025-06-30", progressNote: "已对接人社局", version: row.version + 2 });
    await updateChecklistItem(db, manager, item.id, { dueDate: "2025-07-31", version: row.version + 2 });
    const clash = (await rejection(updateChecklistItem(db, staff, item.id, { dueDate: "2025-05-31", version: row.version + 2 }))) as ConflictError;
    expect(clash.current).toMatchObject({ dueDate: "2025-07-31", version: row.version + 3 });
  });
});

describe("closing an item", () => {
  let pid: string, checklistId: string;
  beforeAll(async () => {
    pid = await project("办结测试项目", "2025-01-10");
    checklistId = (await applyTemplate(db, staff, { templateId: taskforceTpl, projectId: pid, startedOn: "2025-01-12" })).id;
  });

  it("in the dialog, done needs a completion date and, where asked, evidence", async () => {
    const item = (await itemsOf(checklistId))[1]!; // 项目公司注册: evidence required
    const noDate = await rejection(updateChecklistItem(db, staff, item.id, { status: "done", completedOn: "", version: item.version }));
    expect((noDate as ValidationError).fields).toEqual({ completedOn: ["workflows.errors.completedOnRequired"] });
    const noEvidence = await rejection(updateChecklistItem(db, staff, item.id, { status: "done", completedOn: today, version: item.version }));
    expect((noEvidence as ValidationError).fields).toEqual({ evidence: ["workflows.errors.evidenceRequired"] });
    expect(await itemRow(item.id)).toEqual(item);
    // Back to in progress, the completion date is cleared whatever was typed.
    const saved = await updateChecklistItem(db, staff, item.id, { status: "in_progress", completedOn: today, version: item.version });
    expect(saved.completedOn).toBeNull();
  });

  it("in one step from the worklist: a link where evidence is required, the note added to the progress", async () => {
    const item = (await itemsOf(checklistId))[1]!;
    await db.update(checklistItems).set({ progressNote: "材料已提交" }).where(eq(checklistItems.id, item.id));
    const refused = await rejection(closeChecklistItem(db, steward, item.id, { note: "已取得营业执照", version: item.version }));
    expect((refused as ValidationError).fields).toEqual({ evidenceUrl: ["workflows.errors.evidenceRequired"] });
    const bad = await rejection(closeChecklistItem(db, steward, item.id, { note: "", evidenceUrl: "营业执照.pdf", version: item.version }));
    expect((bad as ValidationError).fields).toEqual({ evidenceUrl: ["workflows.errors.url"] });
    expect((await itemRow(item.id)).status).toBe("in_progress");

    const closed = await closeChecklistItem(db, steward, item.id, { note: "已取得营业执照", evidenceUrl: "https://zwfw.example.com/license.pdf", version: item.version });
    expect(closed).toMatchObject({ status: "done", completedOn: today, progressNote: "材料已提交\n已取得营业执照", evidence: [{ label: "", url: "https://zwfw.example.com/license.pdf" }] });
    const again = await rejection(closeChecklistItem(db, steward, item.id, { note: "", version: closed.version }));
    expect((again as ValidationError).message).toBe("workflows.errors.alreadyDone");
    expect(await rejection(closeChecklistItem(db, steward, item.id, { note: "", version: item.version }))).toBeInstanceOf(ConflictError);
    // Without evidence needed, a note alone closes it; another unit's staff cannot.
    const plain = (await itemsOf(checklistId))[0]!;
    expect(await rejection(closeChecklistItem(db, staff2, plain.id, { note: "x", version: plain.version }))).toBeInstanceOf(NotFoundError);
    expect(await closeChecklistItem(db, steward, plain.id, { note: "已对接企业", version: plain.version })).toMatchObject({ status: "done", evidence: [] });
  });

  it("shows in the project's timeline as one entry per save", async () => {
    const timeline = await getTimeline(db, pid);
    const started = timeline.filter((t) => t.type === "checklist");
    expect(started).toMatchObject([{ name: "落地办专班", checklistId }]);
    const changes = timeline.filter((t) => t.type === "checklistItems");
    expect(changes.length).toBeGreaterThanOrEqual(3);
    expect(changes[0]).toMatchObject({ checklistId, changes: [{ title: "确定项目服务管家", after: { status: "done" } }] });
  });
});

describe("land due dates", () => {
  it("are filled in, audited, when the 供地 report is approved; done items keep theirs", async () => {
    const pid = await project("拿地即开工项目", "2025-01-10");
    const c = await applyTemplate(db, staff, { templateId: landTpl, projectId: pid, startedOn: "2025-01-12" });
    const items = await itemsOf(c.id);
    expect(items.every((i) => i.dueDate === null)).toBe(true); // the land date is not known yet
    const done = items.find((i) => i.title.startsWith("建设用地规划许可证"))!;
    await updateChecklistItem(db, staff, done.id, { status: "done", completedOn: "2025-02-01", evidence: [{ label: "许可证", url: "https://a.cn/1" }], version: done.version });

    const report = await saveReport(db, staff, pid, { stage: "land_secured", actualDate: "2025-06-15", note: "租赁标准厂房", submit: true, confirmOrder: true, version: 0 });
    // Submitted is not approved: nothing yet.
    expect((await itemsOf(c.id)).filter((i) => i.dueDate).length).toBe(0);
    await reviewReport(db, manager, report.id, { decision: "approve", version: report.version });

    const after = await itemsOf(c.id);
    const byTitle = Object.fromEntries(after.map((i) => [i.title, i]));
    expect(byTitle["建筑工程施工许可证"]!.dueDate).toBe("2025-06-30");
    expect(byTitle["联合竣工验收"]!.dueDate).toBe(addDays("2025-06-15", 360));
    expect(after.find((i) => i.id === done.id)!.dueDate).toBeNull();
    const filled = after.filter((i) => i.dueDate);
    for (const i of filled) {
      const [row] = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "checklist_item"), eq(auditLog.entityId, i.id))).orderBy(asc(auditLog.id));
      expect(row).toMatchObject({ actorId: manager.id, before: { dueDate: null }, after: { dueDate: i.dueDate } });
    }
    // One timeline entry for the whole fill, under the approver.
    const entry = (await getTimeline(db, pid)).find((t) => t.type === "checklistItems" && t.changes.length === filled.length);
    expect(entry).toBeTruthy();

    // A checklist started after approval counts from the approved land date at once.
    const second = await applyTemplate(db, staff, { templateId: taskforceTpl, projectId: pid, startedOn: "2025-07-01" });
    expect((await itemsOf(second.id))[0]!.dueDate).toBe("2025-01-13");
  });
});

describe("the steward's worklist", () => {
  let pid: string, checklistId: string;
  let mine: Viewer;
  beforeAll(async () => {
    mine = await insertViewer(db, "staff", unitA);
    // A project whose steward is `mine`: signed by a colleague, steward set at signing.
    const p = await createProject(db, staff, { name: "管家测试项目", enterpriseId, source: "walk_in", totalInvestmentYi: "5", capitalOrigin: "local", ownerId: staff.id, unitId: unitA });
    await changeStage(db, staff, p.id, { toStage: "intent", toStatus: "active", version: p.version });
    const [{ v }] = (await db.select({ v: projects.version }).from(projects).where(eq(projects.id, p.id))) as [{ v: number }];
    await changeStage(db, staff, p.id, { toStage: "signed", toStatus: "active", signingDate: "2025-01-10", contractInvestmentYi: "5", stewardId: mine.id, version: v });
    pid = p.id;
    checklistId = (await applyTemplate(db, staff, { templateId: taskforceTpl, projectId: pid, startedOn: addDays(today, -10) })).id;
  });

  it("lists every open item of the steward's projects, overdue first then by due date, undated last", async () => {
    const list = await stewardWorklist(db, mine, {}, today);
    expect(list.map((i) => [i.title, i.dueDate, i.overdue])).toEqual([
      ["确定项目服务管家", "2025-01-13", true],
      ["项目公司注册", "2025-02-09", true],
      ["扶持政策兑现", addDays(today, 110), false],
      ["人才引进对接", null, false],
    ]);
    expect(list[0]).toMatchObject({ projectId: pid, projectName: "管家测试项目", checklistId, checklistName: "落地办专班" });
    expect(await overdueServiceCount(db, mine, today)).toBe(2);
    expect(await worklistTargets(db, mine, today)).toEqual([{ key: `project:${pid}`, projectName: "管家测试项目", parkName: null, open: 4, overdue: 2 }]);
    expect(await stewardWorklist(db, mine, { overdueOnly: true }, today)).toHaveLength(2);
    expect(await stewardWorklist(db, mine, { projectId: pid }, today)).toHaveLength(4);
    expect(await stewardWorklist(db, mine, { projectId: enterpriseId }, today)).toHaveLength(0);
  });

  it("drops an item once done; holds the items someone owns or whose checklist they lead, and nobody else's", async () => {
    const first = (await itemsOf(checklistId))[0]!;
    await closeChecklistItem(db, mine, first.id, { note: "已对接", version: first.version });
    expect((await stewardWorklist(db, mine)).map((i) => i.title)).not.toContain("确定项目服务管家");

    const other = await insertViewer(db, "staff", unitX);
    expect(await stewardWorklist(db, other)).toEqual([]);
    const last = (await itemsOf(checklistId))[3]!;
    await db.update(checklistItems).set({ ownerId: other.id }).where(eq(checklistItems.id, last.id));
    expect((await stewardWorklist(db, other)).map((i) => i.title)).toEqual(["人才引进对接"]);
    // The project, which `other` may not open, is named (it is their work) but its id is not given.
    expect((await stewardWorklist(db, other))[0]).toMatchObject({ projectId: null, projectName: "管家测试项目", checklistId });
    expect(await worklistTargets(db, other, today)).toEqual([{ key: `checklist:${checklistId}`, projectName: "管家测试项目", parkName: null, open: 1, overdue: 0 }]);
    expect(await stewardWorklist(db, other, { checklistId }, today)).toHaveLength(1);
    expect((await stewardWorklist(db, mine))[0]!.projectId).toBe(pid);
    // What is on one's worklist one may open and close.
    expect(await getChecklist(db, other, checklistId)).toMatchObject({ projectName: "管家测试项目", projectVisible: false });
    expect(await getChecklist(db, staff, checklistId)).toMatchObject({ projectId: pid, projectVisible: true });
    expect(await closeChecklistItem(db, other, last.id, { note: "已对接人社局", version: last.version })).toMatchObject({ status: "done" });

    const lead = await insertViewer(db, "staff", unitX);
    await db.update(checklists).set({ ownerId: lead.id }).where(eq(checklists.id, checklistId));
    expect((await stewardWorklist(db, lead)).map((i) => i.title)).toEqual(["项目公司注册", "扶持政策兑现"]);
  });
});

describe("who sees which checklist", () => {
  it("a project's: those who see the project, its steward and owners; a park's: its unit's scope and owners", async () => {
    const pid = await project("可见性测试项目", "2025-01-10");
    const c = await applyTemplate(db, staff, { templateId: taskforceTpl, projectId: pid, startedOn: "2025-01-12" });
    for (const viewer of [admin, manager, staff, staffB, steward]) expect(await getChecklist(db, viewer, c.id), viewer.username).not.toBeNull();
    for (const viewer of [staff2, managerX]) expect(await getChecklist(db, viewer, c.id), viewer.username).toBeNull();
    expect(await listChecklists(db, staff2, { projectId: pid })).toEqual([]);
    expect((await listChecklists(db, steward, { projectId: pid })).map((x) => x.name)).toEqual(["落地办专班"]);

    const parkChecklists = await listChecklists(db, admin, { parkId });
    expect(parkChecklists.length).toBeGreaterThanOrEqual(3);
    // managerX's unit leads none of them; manager's dept leads all (its scope holds unitA too).
    expect(await listChecklists(db, managerX, { parkId })).toEqual([]);
    expect((await listChecklists(db, manager, { parkId })).length).toBe(parkChecklists.length);
    // staff2 owns an item of one of them (set above): that one only.
    expect((await listChecklists(db, staff2, { parkId })).length).toBe(1);
  });

  it("progress per checklist and per phase comes from the items", async () => {
    const pid = await project("进度测试项目", "2025-01-10");
    const c = await applyTemplate(db, staff, { templateId: landTpl, projectId: pid, startedOn: "2025-01-12" });
    const [a, b] = await itemsOf(c.id);
    await updateChecklistItem(db, staff, a!.id, { status: "done", completedOn: today, evidence: [{ label: "", url: "https://a.cn" }], version: a!.version });
    await updateChecklistItem(db, staff, b!.id, { status: "in_progress", dueDate: "2025-02-01", version: b!.version });
    const [summary] = await listChecklists(db, staff, { projectId: pid }, today);
    expect(summary).toMatchObject({ total: 4, done: 1, inProgress: 1, overdue: 1 });
    const phases = (await phaseProgress(db, [c.id], today)).get(c.id);
    expect(phases).toEqual([
      { phase: "开工前", total: 2, done: 1, overdue: 1 },
      { phase: "建设中", total: 1, done: 0, overdue: 0 },
      { phase: "建成后", total: 1, done: 0, overdue: 0 },
    ]);
  });

  it("template items are not reachable by other means: a missing id is not found", async () => {
    expect(await rejection(updateTemplateItem(db, admin, "00000000-0000-4000-8000-000000000000", { title: "无此事项", version: 1 }))).toBeInstanceOf(NotFoundError);
    expect(await getChecklist(db, admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect((await db.select({ n: count() }).from(templateItems).where(eq(templateItems.templateId, mechanismTpl)))[0]!.n).toBe(3);
  });
});

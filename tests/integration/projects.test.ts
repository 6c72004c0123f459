import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, contacts, enterprises, projects, signings, stageEvents, tasks } from "@/db/schema";
import type { Viewer } from "@/lib/auth/roles";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { myOpenTasks, myStalledProjects } from "@/lib/projects/my-work";
import { boardWhere, getProject, listProjects, stageTotals } from "@/lib/projects/queries";
import { addActivity, addTask, changeStage, createProject, setTaskDone, updateProject } from "@/lib/projects/service";
import { projectFormValues, projectListSchema } from "@/lib/projects/validation";
import { updateProjectApi } from "@/lib/api-v1/projects";
import { changedSince, mergeThreeWay } from "@/lib/versioned";
import { reviewReport, saveReport } from "@/lib/milestones/service";
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();

// 市局 (admin) → 高新区投资促进部 (manager) → 生物医药组 (staff), 精密仪器组 (staffB); 市北区 (staff2) elsewhere.
let admin: Viewer, manager: Viewer, staff: Viewer, staffB: Viewer, staff2: Viewer;
let unitA: string, unitB: string, unitX: string;
const ids: Record<string, string> = {};

const list = (viewer: Viewer, params: Record<string, unknown> = {}) => listProjects(db, viewer, projectListSchema.parse(params));
const names = async (viewer: Viewer, params: Record<string, unknown> = {}) => (await list(viewer, { size: 200, ...params })).rows.map((r) => r.name).sort();

async function insertEnterprise(name: string, unitId: string, uscc: string | null = null) {
  const [row] = await db.insert(enterprises).values({ name, unitId, uscc }).returning();
  return row!;
}

function projectInput(over: Record<string, unknown>) {
  return { name: "项目", enterpriseId: ids.e1, source: "promotion_event", totalInvestmentYi: "1", capitalOrigin: "local", ownerId: staff.id, unitId: unitA, ...over };
}

async function countOf(table: typeof stageEvents | typeof auditLog | typeof signings | typeof projects) {
  const [row] = await db.select({ n: count() }).from(table);
  return row!.n;
}

beforeAll(async () => {
  const root = await insertUnit(db, { name: "青岛市投资促进局" });
  const dept = await insertUnit(db, { name: "高新区投资促进部", parentId: root.id });
  unitA = (await insertUnit(db, { name: "生物医药招商组", parentId: dept.id })).id;
  unitB = (await insertUnit(db, { name: "精密仪器招商组", parentId: dept.id })).id;
  unitX = (await insertUnit(db, { name: "市北区健康谷专班", parentId: root.id })).id;
  admin = await insertViewer(db, "admin", root.id);
  manager = await insertViewer(db, "manager", dept.id);
  staff = await insertViewer(db, "staff", unitA);
  staffB = await insertViewer(db, "staff", unitB);
  staff2 = await insertViewer(db, "staff", unitX);

  const e1 = await insertEnterprise("国药集团融资租赁有限公司", unitA, "91350200776049653A");
  const e2 = await insertEnterprise("青岛海尔生物医疗股份有限公司", unitB);
  const e3 = await insertEnterprise("百洋医药集团有限公司", unitX);
  Object.assign(ids, { e1: e1.id, e2: e2.id, e3: e3.id });
  await db.insert(contacts).values({ enterpriseId: e2.id, name: "欧阳明", phone: "13800000001" });

  ids.p1 = (await createProject(db, staff, projectInput({ name: "国药科技城", totalInvestmentYi: "60" }))).id;
  ids.p2 = (await createProject(db, staffB, projectInput({ name: "海尔生物安全科创产业园", enterpriseId: e2.id, totalInvestmentYi: "5", ownerId: staffB.id, unitId: unitB }))).id;
  ids.p3 = (await createProject(db, staff2, projectInput({ name: "百洋健康谷总部", enterpriseId: e3.id, totalInvestmentYi: "12.3456", ownerId: staff2.id, unitId: unitX }))).id;
  // Owned by `staff` but filed under 市北区: staff sees it as its owner; the 高新区 manager does not.
  ids.p4 = (await createProject(db, admin, projectInput({ name: "跨区协作项目", enterpriseId: e3.id, totalInvestmentYi: "0.5", ownerId: staff.id, unitId: unitX }))).id;
});

describe("visibility", () => {
  it("admins see everything", async () => {
    expect(await names(admin)).toEqual(["国药科技城", "海尔生物安全科创产业园", "百洋健康谷总部", "跨区协作项目"].sort());
  });

  it("managers see their unit and the units below it", async () => {
    expect(await names(manager)).toEqual(["国药科技城", "海尔生物安全科创产业园"].sort());
  });

  it("staff see their unit's projects and the ones they own", async () => {
    expect(await names(staff)).toEqual(["国药科技城", "跨区协作项目"].sort());
    expect(await names(staffB)).toEqual(["海尔生物安全科创产业园"]);
    expect(await names(staff2)).toEqual(["百洋健康谷总部", "跨区协作项目"].sort());
  });

  it("by id too: another unit's project is simply not found", async () => {
    expect(await getProject(db, staff2, ids.p1!)).toBeNull();
    expect(await getProject(db, staffB, ids.p1!)).toBeNull();
    expect((await getProject(db, manager, ids.p1!))?.name).toBe("国药科技城");
    expect(await getProject(db, manager, ids.p3!)).toBeNull();
  });

  it("changing another unit's project by a direct call is refused and writes nothing", async () => {
    const before = await Promise.all([countOf(stageEvents), countOf(auditLog)]);
    const project = (await getProject(db, admin, ids.p1!))!;
    expect(await rejection(changeStage(db, staff2, ids.p1!, { toStage: "negotiating", toStatus: "active", version: project.version }))).toBeInstanceOf(NotFoundError);
    // The record is found (in scope) before the fields are checked against it: another unit's project is a 404, like every other change.
    expect(await rejection(updateProject(db, staff2, ids.p1!, { ...projectInput({ name: "改名" }), version: project.version }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(updateProject(db, staff2, ids.p1!, { name: "改名", version: project.version }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(addActivity(db, staff2, ids.p1!, { kind: "visit", occurredOn: "2026-01-05", summary: "走访" }))).toBeInstanceOf(NotFoundError);
    expect(await Promise.all([countOf(stageEvents), countOf(auditLog)])).toEqual(before);
    expect((await getProject(db, admin, ids.p1!))!.stage).toBe("lead");
  });

  it("stage totals count only what the viewer may see", async () => {
    const totals = await stageTotals(db, await boardWhere(db, manager, {}));
    expect(totals.get("lead")).toEqual({ count: 2, total: "6500000000.00" });
  });
});

describe("creating", () => {
  it("stores the amount exactly in 元 and records the first stage event and an audit row", async () => {
    const p3 = (await getProject(db, admin, ids.p3!))!;
    expect(p3.totalInvestment).toBe("1234560000.00");
    const events = await db.select().from(stageEvents).where(eq(stageEvents.projectId, ids.p3!));
    expect(events).toMatchObject([{ fromStage: null, toStage: "lead", toStatus: "active", actorId: staff2.id }]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, ids.p3!));
    expect(audits.map((a) => a.action)).toEqual(["create"]);
  });

  it("staff cannot file a project under another unit, give it to someone outside, or use an enterprise they cannot see", async () => {
    const hidden = await insertEnterprise("李沧区某企业", unitX);
    const e = await rejection(createProject(db, staff, projectInput({ unitId: unitB, ownerId: staffB.id, enterpriseId: hidden.id })));
    expect((e as ValidationError).fields).toEqual({
      unitId: ["projects.errors.unitOutOfScope"],
      ownerId: ["projects.errors.ownerOutOfScope"],
      enterpriseId: ["projects.errors.enterpriseRequired"],
    });
  });

  it("a manager may file under any unit below them", async () => {
    const p = await createProject(db, manager, projectInput({ name: "精密仪器新项目", unitId: unitB, ownerId: staffB.id, enterpriseId: ids.e2 }));
    expect(p.unitId).toBe(unitB);
    expect(await names(staffB)).toContain("精密仪器新项目");
  });

  it("rejects amounts with more than 4 decimals, next to the field", async () => {
    const e = await rejection(createProject(db, staff, projectInput({ totalInvestmentYi: "1.23456" })));
    expect((e as ValidationError).fields).toEqual({ totalInvestmentYi: ["projects.errors.amount"] });
  });
});

describe("editing", () => {
  it("a stale version is refused with the current row, and nothing is written", async () => {
    const project = (await getProject(db, staff, ids.p1!))!;
    await updateProject(db, staff, ids.p1!, { ...projectInput({ name: "国药科技城（一期）", totalInvestmentYi: "60" }), version: project.version });
    const audits = await countOf(auditLog);
    const e = await rejection(updateProject(db, manager, ids.p1!, { ...projectInput({ name: "过期的保存" }), version: project.version }));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).current).toMatchObject({ name: "国药科技城（一期）", version: project.version + 1 });
    expect((await getProject(db, admin, ids.p1!))!.name).toBe("国药科技城（一期）");
    expect(await countOf(auditLog)).toBe(audits);
  });

  it("disjoint edits by two people both survive: a save writes only the fields its user changed", async () => {
    const loaded = (await getProject(db, manager, ids.p2!))!;
    // B changes 包靠领导; A, who loaded the same version, changes only the description.
    await updateProject(db, manager, ids.p2!, { responsibleLeader: "刘志强", version: loaded.version });
    const stale = await rejection(updateProject(db, admin, ids.p2!, { description: "A 的补充说明", version: loaded.version }));
    expect(stale).toBeInstanceOf(ConflictError);
    // The refusal carries the newest values in the form's shape, so the form can merge.
    expect((stale as ConflictError).current).toMatchObject({ responsibleLeader: "刘志强", totalInvestmentYi: "5", version: loaded.version + 1 });
    // The form adopts the newest version and sends again only what A changed.
    const merged = mergeThreeWay(projectFormValues(loaded), { ...projectFormValues(loaded), description: "A 的补充说明" }, (stale as ConflictError).current!);
    expect(merged.conflicts).toEqual([]);
    await updateProject(db, admin, ids.p2!, changedSince({ ...projectFormValues(loaded), ...(stale as ConflictError).current! } as never, merged.values));
    expect(await getProject(db, admin, ids.p2!)).toMatchObject({ responsibleLeader: "刘志强", description: "A 的补充说明", version: loaded.version + 2 });
  });

  it("the same field changed by both: a refusal, and both values to choose from", async () => {
    const loaded = (await getProject(db, manager, ids.p2!))!;
    await updateProject(db, manager, ids.p2!, { responsibleLeader: "王建国", version: loaded.version });
    const stale = await rejection(updateProject(db, admin, ids.p2!, { responsibleLeader: "张立", version: loaded.version }));
    expect(stale).toBeInstanceOf(ConflictError);
    const merged = mergeThreeWay(projectFormValues(loaded), { ...projectFormValues(loaded), responsibleLeader: "张立" }, (stale as ConflictError).current!);
    expect(merged.conflicts).toEqual([{ field: "responsibleLeader", mine: "张立", theirs: "王建国" }]);
    expect((await getProject(db, admin, ids.p2!))!.responsibleLeader).toBe("王建国");
  });

  it("a PATCH writes only the fields it sends and checks them against the record as it is", async () => {
    const loaded = (await getProject(db, manager, ids.p2!))!;
    await updateProjectApi(db, manager, ids.p2!, { isKey: true, version: loaded.version });
    expect(await getProject(db, admin, ids.p2!)).toMatchObject({ isKey: true, responsibleLeader: loaded.responsibleLeader, name: loaded.name });
    expect(await rejection(updateProjectApi(db, manager, ids.p2!, { isKey: false, version: loaded.version }))).toBeInstanceOf(ConflictError);
    expect(await rejection(updateProjectApi(db, manager, ids.p2!, { name: "", version: loaded.version + 1 }))).toBeInstanceOf(ValidationError);
  });

  it("audits only the fields that changed", async () => {
    const project = (await getProject(db, staff, ids.p1!))!;
    await updateProject(db, staff, ids.p1!, { ...projectInput({ name: project.name, totalInvestmentYi: "60.5" }), version: project.version });
    const [last] = await db.select().from(auditLog).where(eq(auditLog.entityId, ids.p1!)).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(last).toMatchObject({ action: "update", before: { totalInvestment: "6000000000.00" }, after: { totalInvestment: "6050000000.00" } });
  });
});

describe("stage changes", () => {
  const version = async (id: string) => (await getProject(db, admin, id))!.version;

  it("moves forward, writing the stage event and the audit row with it", async () => {
    const events = await countOf(stageEvents);
    const moved = await changeStage(db, staff, ids.p1!, { toStage: "intent", toStatus: "active", version: await version(ids.p1!) });
    expect(moved.stage).toBe("intent");
    expect(await countOf(stageEvents)).toBe(events + 1);
    const [event] = await db.select().from(stageEvents).where(eq(stageEvents.projectId, ids.p1!)).orderBy(sql`${stageEvents.id} desc`).limit(1);
    expect(event).toMatchObject({ fromStage: "lead", toStage: "intent", actorId: staff.id });
  });

  it("signing needs the signing date and contract investment, and records them", async () => {
    const e = await rejection(changeStage(db, staff, ids.p1!, { toStage: "signed", toStatus: "active", version: await version(ids.p1!) }));
    expect((e as ValidationError).fields).toEqual({ signingDate: ["errors.required"], contractInvestmentYi: ["errors.required"] });
    const future = await rejection(
      changeStage(db, staff, ids.p1!, { toStage: "signed", toStatus: "active", signingDate: "2999-01-01", contractInvestmentYi: "50", version: await version(ids.p1!) }),
    );
    expect((future as ValidationError).fields).toEqual({ signingDate: ["projects.errors.futureDate"] });
    await changeStage(db, staff, ids.p1!, { toStage: "signed", toStatus: "active", signingDate: "2026-04-06", contractInvestmentYi: "50.25", version: await version(ids.p1!) });
    const [signing] = await db.select().from(signings).where(eq(signings.projectId, ids.p1!));
    expect(signing).toMatchObject({ signingDate: "2026-04-06", contractInvestment: "5025000000.00" });
  });

  it("moving back needs a reason", async () => {
    const e = await rejection(changeStage(db, staff, ids.p1!, { toStage: "intent", toStatus: "active", version: await version(ids.p1!) }));
    expect((e as ValidationError).fields).toEqual({ reason: ["projects.errors.reasonRequired"] });
    await changeStage(db, staff, ids.p1!, { toStage: "intent", toStatus: "active", reason: "协议条款重新谈判", version: await version(ids.p1!) });
    // Signed once: going forward again does not ask for the signing facts twice.
    await changeStage(db, staff, ids.p1!, { toStage: "signed", toStatus: "active", version: await version(ids.p1!) });
    // Past 签约 the stage moves by an approved report, not by a direct change.
    const direct = await rejection(changeStage(db, staff, ids.p1!, { toStage: "registered", toStatus: "active", version: await version(ids.p1!) }));
    expect((direct as ValidationError).fields).toEqual({ toStage: ["projects.errors.reportRequired"] });
    const report = await saveReport(db, staff, ids.p1!, { stage: "registered", actualDate: "2026-05-06", companyName: "国药（青岛）科技城有限公司", companyUscc: "913502000728319549", submit: true, version: 0 });
    await reviewReport(db, manager, report.id, { decision: "approve", version: report.version });
    expect((await getProject(db, admin, ids.p1!))!.stage).toBe("registered");
  });

  it("on hold needs a reason; while on hold the stage moves only with reactivation", async () => {
    const e = await rejection(changeStage(db, staffB, ids.p2!, { toStage: "lead", toStatus: "on_hold", version: await version(ids.p2!) }));
    expect((e as ValidationError).fields).toEqual({ reason: ["projects.errors.reasonRequired"] });
    await changeStage(db, staffB, ids.p2!, { toStage: "lead", toStatus: "on_hold", reason: "企业暂缓投资计划", version: await version(ids.p2!) });
    expect((await getProject(db, admin, ids.p2!))!).toMatchObject({ status: "on_hold", statusReason: "企业暂缓投资计划" });
    const stuck = await rejection(changeStage(db, staffB, ids.p2!, { toStage: "negotiating", toStatus: "on_hold", reason: "x", version: await version(ids.p2!) }));
    expect((stuck as ValidationError).fields).toEqual({ toStage: ["projects.errors.reactivateFirst"] });
    await changeStage(db, staffB, ids.p2!, { toStage: "negotiating", toStatus: "active", version: await version(ids.p2!) });
    expect((await getProject(db, admin, ids.p2!))!).toMatchObject({ stage: "negotiating", status: "active", statusReason: "" });
  });

  it("is atomic: if the audit row cannot be written, neither the stage nor its event is", async () => {
    const before = (await getProject(db, admin, ids.p3!))!;
    const events = await countOf(stageEvents);
    await db.execute(sql`create function fail_audit() returns trigger language plpgsql as $$ begin raise exception 'audit down'; end $$`);
    await db.execute(sql`create trigger fail_audit before insert on audit_log for each row execute function fail_audit()`);
    try {
      await rejection(changeStage(db, staff2, ids.p3!, { toStage: "negotiating", toStatus: "active", version: before.version }));
    } finally {
      await db.execute(sql`drop trigger fail_audit on audit_log`);
      await db.execute(sql`drop function fail_audit()`);
    }
    const after = (await getProject(db, admin, ids.p3!))!;
    expect({ stage: after.stage, version: after.version }).toEqual({ stage: before.stage, version: before.version });
    expect(await countOf(stageEvents)).toBe(events);
  });
});

describe("search and filters", () => {
  it("finds by part of the enterprise name, the USCC, a contact's name and the project name — within scope", async () => {
    expect(await names(admin, { q: "国药集团" })).toEqual(["国药科技城（一期）"]);
    expect(await names(admin, { q: "91350200776049653a" })).toEqual(["国药科技城（一期）"]);
    expect(await names(manager, { q: "欧阳" })).toEqual(["海尔生物安全科创产业园", "精密仪器新项目"].sort());
    expect(await names(admin, { q: "健康谷" })).toEqual(["百洋健康谷总部"]);
    expect(await names(staff2, { q: "国药" })).toEqual([]);
    // LIKE wildcards are taken literally.
    expect(await names(admin, { q: "%" })).toEqual([]);
  });

  it("filters by amount range in 亿元 exactly, by stage list and by unit subtree", async () => {
    expect(await names(admin, { minYi: "5", maxYi: "12.3456" })).toEqual(["海尔生物安全科创产业园", "百洋健康谷总部"].sort());
    expect(await names(admin, { stage: ["lead", "registered"] })).toEqual(["百洋健康谷总部", "跨区协作项目", "国药科技城（一期）", "精密仪器新项目"].sort());
    expect((await list(admin, { unit: unitA })).total).toBe(1);
  });

  it("sorts and pages without overlap", async () => {
    const byAmount = (await list(admin, { sort: "totalInvestment", dir: "desc" })).rows.map((r) => r.totalInvestment);
    expect(byAmount).toEqual([...byAmount].sort((a, b) => Number(b) - Number(a)));
    const page1 = await list(admin, { sort: "name", dir: "asc", size: 20 });
    expect(page1.total).toBe(5);
    const all = new Set(page1.rows.map((r) => r.id));
    expect(all.size).toBe(5);
  });
});

describe("activities, tasks and my work", () => {
  it("an activity updates the project's last activity date", async () => {
    await addActivity(db, staff2, ids.p3!, { kind: "visit", occurredOn: "2026-03-01", participants: "张华", summary: "走访企业总部" });
    expect((await db.select({ at: projects.lastActivityAt }).from(projects).where(eq(projects.id, ids.p3!)))[0]!.at?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("future activity dates are refused", async () => {
    const e = await rejection(addActivity(db, staff2, ids.p3!, { kind: "call", occurredOn: "2999-01-01", summary: "x" }));
    expect((e as ValidationError).fields).toEqual({ occurredOn: ["projects.errors.futureDate"] });
  });

  it("tasks go to people in scope; my open tasks list overdue ones first", async () => {
    const e = await rejection(addTask(db, staff, ids.p1!, { title: "跨区指派", assigneeId: staff2.id, dueDate: "" }));
    expect((e as ValidationError).fields).toEqual({ assigneeId: ["projects.errors.assigneeOutOfScope"] });
    await addTask(db, manager, ids.p1!, { title: "准备签约材料", assigneeId: staff.id, dueDate: "2026-12-31" });
    await addTask(db, manager, ids.p1!, { title: "报送项目进展", assigneeId: staff.id, dueDate: "2026-01-10" });
    await addTask(db, staff, ids.p1!, { title: "没有期限", assigneeId: staff.id, dueDate: "" });
    const mine = await myOpenTasks(db, staff, "2026-06-01");
    expect(mine.map((t) => t.title)).toEqual(["报送项目进展", "准备签约材料", "没有期限"]);
    expect(mine[0]!.projectName).toBe("国药科技城（一期）");
  });

  it("a task is closed by its assignee or someone who sees its project, not by others", async () => {
    const [task] = await db.select().from(tasks).where(eq(tasks.title, "报送项目进展"));
    expect(await rejection(setTaskDone(db, staff2, task!.id, true))).toBeInstanceOf(NotFoundError);
    const done = await setTaskDone(db, staff, task!.id, true);
    expect(done.status).toBe("done");
    expect(done.completedAt).toBeInstanceOf(Date);
  });

  it("stalled projects: my active projects silent for N days, the longest silent first", async () => {
    await db.update(projects).set({ createdAt: new Date("2026-01-01T00:00:00Z"), lastActivityAt: null }).where(eq(projects.id, ids.p4!));
    const stalled = await myStalledProjects(db, staff, 30);
    expect(stalled.map((p) => p.name)).toContain("跨区协作项目");
    expect(stalled.every((p) => p.status === "active")).toBe(true);
    // staff2's project was last visited on 2026-03-01, long before "now".
    expect((await myStalledProjects(db, staff2, 30)).map((p) => p.name)).toEqual(["百洋健康谷总部"]);
    expect(await myStalledProjects(db, staff2, 100_000)).toEqual([]);
  });
});

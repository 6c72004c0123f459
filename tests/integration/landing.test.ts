import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, enterprises, events, milestones, parcels, parks, projects, signings, stageEvents } from "@/db/schema";
import type { Viewer } from "@/lib/auth/roles";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { pendingStages, projectMilestones, reviewQueue } from "@/lib/milestones/queries";
import { approveReports, OrderNotConfirmedError, reviewReport, saveReport, setMilestonePlan } from "@/lib/milestones/service";
import { getProject } from "@/lib/projects/queries";
import { changeStage, createProject, updateProject } from "@/lib/projects/service";
import { getSigning, listFunds } from "@/lib/signings/queries";
import { addFundsEntry, updateSigning } from "@/lib/signings/service";
import { createTestDb } from "../support/db";
import { insertUnit, insertUser, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();

// 市局 (admin) → 高新区投资促进部 (manager) → 生物医药组 (staff, and its own head managerA); 市北区 (staff2).
let admin: Viewer, manager: Viewer, managerA: Viewer, staff: Viewer, staff2: Viewer;
let unitA: string, enterpriseId: string, eventId: string, stewardId: string, parcelId: string;

const version = async (id: string) => (await db.select({ v: projects.version }).from(projects).where(eq(projects.id, id)))[0]!.v;
const countOf = async (table: typeof stageEvents | typeof auditLog | typeof milestones | typeof signings) => (await db.select({ n: count() }).from(table))[0]!.n;

async function signedProject(name: string, signingDate = "2026-03-01") {
  const p = await createProject(db, staff, {
    name,
    enterpriseId,
    source: "promotion_event",
    totalInvestmentYi: "10",
    capitalOrigin: "local",
    ownerId: staff.id,
    unitId: unitA,
  });
  await changeStage(db, staff, p.id, { toStage: "intent", toStatus: "active", version: p.version });
  await changeStage(db, staff, p.id, { toStage: "signed", toStatus: "active", signingDate, contractInvestmentYi: "8", version: await version(p.id) });
  return p.id;
}

beforeAll(async () => {
  const root = await insertUnit(db, { name: "青岛市投资促进局" });
  const dept = await insertUnit(db, { name: "高新区投资促进部", parentId: root.id });
  unitA = (await insertUnit(db, { name: "生物医药招商组", parentId: dept.id })).id;
  const ldb = await insertUnit(db, { name: "项目落地服务专班", parentId: root.id });
  const unitX = await insertUnit(db, { name: "健康谷招商专班", parentId: root.id });
  admin = await insertViewer(db, "admin", root.id);
  manager = await insertViewer(db, "manager", dept.id);
  managerA = await insertViewer(db, "manager", unitA);
  staff = await insertViewer(db, "staff", unitA);
  staff2 = await insertViewer(db, "staff", unitX.id);
  stewardId = (await insertUser(db, { unitId: ldb.id, displayName: "周振宇" })).id;
  enterpriseId = (await db.insert(enterprises).values({ name: "国药融资租赁有限公司", unitId: unitA }).returning())[0]!.id;
  eventId = (await db.insert(events).values({ name: "集中签约仪式", kind: "signing_ceremony", heldOn: "2023-04-06" }).returning())[0]!.id;
  const park = (await db.insert(parks).values({ name: "生物医药及医疗器械产业园" }).returning())[0]!;
  parcelId = (await db.insert(parcels).values({ code: "HTQ-2023-05", parkId: park.id, areaMu: "471" }).returning())[0]!.id;
});

describe("signing", () => {
  it("records every signing fact when a project first signs, and the leader on the project", async () => {
    const p = await createProject(db, staff, { name: "国药科技城", enterpriseId, source: "business_referral", totalInvestmentYi: "60", capitalOrigin: "out_of_province", ownerId: staff.id, unitId: unitA });
    const facts = {
      toStage: "signed",
      toStatus: "active",
      signingDate: "2023-04-06",
      agreementType: "formal_contract",
      contractInvestmentYi: "60",
      phase1InvestmentYi: "15.5",
      eventId,
      stewardId,
      responsibleUnitId: unitA,
      responsibleLeader: "刘志强",
      version: p.version,
    };
    // An inactive steward is refused next to the field, and nothing is written.
    const [inactive] = await db.insert((await import("@/db/schema")).users).values({ username: `gone${Date.now()}`, displayName: "已停用", role: "staff", unitId: unitA, passwordHash: "x", active: false }).returning();
    const signingsBefore = await countOf(signings);
    const refused = await rejection(changeStage(db, staff, p.id, { ...facts, stewardId: inactive!.id }));
    expect((refused as ValidationError).fields).toEqual({ stewardId: ["errors.invalidChoice"] });
    expect(await countOf(signings)).toBe(signingsBefore);
    expect((await getProject(db, admin, p.id))!.stage).toBe("lead");

    await changeStage(db, staff, p.id, facts);
    const signing = await getSigning(db, p.id);
    expect(signing).toMatchObject({
      signingDate: "2023-04-06",
      agreementType: "formal_contract",
      contractInvestment: "6000000000.00",
      phase1Investment: "1550000000.00",
      eventName: "集中签约仪式",
      stewardName: "周振宇",
      responsibleUnitName: "生物医药招商组",
    });
    expect((await getProject(db, admin, p.id))!.responsibleLeader).toBe("刘志强");
  });

  it("is edited later with history; a stale save is refused and shows the other version", async () => {
    const id = await signedProject("威高（青岛）高端医疗器械产业园");
    const s = (await getSigning(db, id))!;
    const form = { signingDate: s.signingDate, agreementType: "investment", contractInvestmentYi: "8", phase1InvestmentYi: "3", eventId: "", stewardId, responsibleUnitId: "", responsibleLeader: "孙立新", progress: "已注册", issues: "", note: "", version: s.version };
    await updateSigning(db, staff, id, form);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "signing"), eq(auditLog.entityId, id)));
    expect(audit!.after).toMatchObject({ phase1Investment: "300000000.00", stewardId, progress: "已注册", responsibleLeader: "孙立新" });
    expect(audit!.before).toMatchObject({ phase1Investment: null, stewardId: null, progress: "", responsibleLeader: "" });

    const stale = await rejection(updateSigning(db, manager, id, { ...form, progress: "别人的进展" }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).current).toMatchObject({ progress: "已注册", phase1InvestmentYi: "3", version: s.version + 1 });
    expect((await getSigning(db, id))!.progress).toBe("已注册");
    // Another unit's project is not found, by id.
    expect(await rejection(updateSigning(db, staff2, id, { ...form, version: s.version + 1 }))).toBeInstanceOf(NotFoundError);
  });

  it("an edit of 包靠领导 elsewhere survives a signing save that did not touch it", async () => {
    const id = await signedProject("青岛国际院士港生物医药中试基地");
    const s = (await getSigning(db, id))!;
    const p = (await getProject(db, admin, id))!;
    await updateProject(db, manager, id, { responsibleLeader: "刘志强", version: p.version });
    // A opened the signing form when the leader was the old one and changed only 项目进展.
    await updateSigning(db, staff, id, { progress: "已完成工商注册", version: s.version });
    expect((await getProject(db, admin, id))!.responsibleLeader).toBe("刘志强");
    expect((await getSigning(db, id))!.progress).toBe("已完成工商注册");
  });
});

describe("stage reports and review", () => {
  it("a draft, then a submission; the stage moves only when a manager of the unit above approves", async () => {
    const id = await signedProject("阿斯利康吸入气雾剂生产供应基地");
    const draft = await saveReport(db, staff, id, { stage: "registered", actualDate: "2026-04-10", companyName: "阿斯利康（青岛）制药有限公司", companyUscc: "91440101MA5CJQ4N59", version: 0 });
    expect(draft.reviewStatus).toBe("draft");
    const sent = await saveReport(db, staff, id, { stage: "registered", actualDate: "2026-04-10", companyName: "阿斯利康（青岛）制药有限公司", companyUscc: "91440101MA5CJQ4N59", submit: true, version: draft.version });
    expect(sent).toMatchObject({ reviewStatus: "pending", submittedById: staff.id });
    expect((await getProject(db, admin, id))!.stage).toBe("signed");
    expect((await pendingStages(db, [id])).get(id)).toEqual(["registered"]);
    // In review, the report is locked.
    const locked = await rejection(saveReport(db, staff, id, { stage: "registered", actualDate: "2026-04-11", companyName: "x有限公司", companyUscc: "91440101MA5CJQ4N59", version: sent.version }));
    expect((locked as ValidationError).message).toBe("milestones.errors.locked_pending");

    // The submitter, the head of the project's own unit, and another unit's staff may not approve.
    const own = await rejection(reviewReport(db, staff, sent.id, { decision: "approve", version: sent.version }));
    expect((own as ValidationError).message).toBe("milestones.errors.ownReport");
    const sameUnit = await rejection(reviewReport(db, managerA, sent.id, { decision: "approve", version: sent.version }));
    expect((sameUnit as ValidationError).message).toBe("milestones.errors.mayNotReview");
    expect(await rejection(reviewReport(db, staff2, sent.id, { decision: "approve", version: sent.version }))).toBeInstanceOf(NotFoundError);

    const events = await countOf(stageEvents);
    const approved = await reviewReport(db, manager, sent.id, { decision: "approve", comment: "材料齐全", version: sent.version });
    expect(approved).toMatchObject({ reviewStatus: "approved", reviewedById: manager.id, reviewComment: "材料齐全" });
    const project = (await getProject(db, admin, id))!;
    expect(project.stage).toBe("registered");
    expect(await countOf(stageEvents)).toBe(events + 1);
    const [event] = await db.select().from(stageEvents).where(eq(stageEvents.projectId, id)).orderBy(sql`${stageEvents.at} desc`).limit(1);
    expect(event).toMatchObject({ fromStage: "signed", toStage: "registered", actorId: manager.id });
    const [projectAudit] = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "project"), eq(auditLog.entityId, id))).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(projectAudit!.after).toEqual({ stage: "registered" });
    // Approved stands.
    const again = await rejection(saveReport(db, staff, id, { stage: "registered", actualDate: "2026-04-11", companyName: "x有限公司", companyUscc: "91440101MA5CJQ4N59", version: approved.version }));
    expect((again as ValidationError).message).toBe("milestones.errors.locked_approved");
  });

  it("nobody reviews their own report, not even an admin", async () => {
    const id = await signedProject("海尔大健康产业基地");
    const sent = await saveReport(db, admin, id, { stage: "registered", actualDate: "2026-04-10", companyName: "海尔大健康（青岛）有限公司", companyUscc: "913502000728319549", submit: true, version: 0 });
    const e = await rejection(reviewReport(db, admin, sent.id, { decision: "approve", version: sent.version }));
    expect((e as ValidationError).message).toBe("milestones.errors.ownReport");
    expect((await reviewQueue(db, admin)).some((r) => r.id === sent.id)).toBe(false);
    expect((await reviewQueue(db, manager)).some((r) => r.id === sent.id)).toBe(true);
  });

  it("批量通过: each report is approved, checked and audited on its own; a refused one leaves the others approved", async () => {
    const uscc = "91440101MA5CJQ4N59";
    const report = (id: string, who: Viewer, stage = "registered") =>
      saveReport(db, who, id, { stage, actualDate: "2026-04-10", companyName: "批量（青岛）有限公司", companyUscc: uscc, submit: true, version: 0 });
    const a = await report(await signedProject("批量审核甲"), staff);
    const b = await report(await signedProject("批量审核乙"), staff);
    const stale = await report(await signedProject("批量审核丙"), staff);
    const own = await report(await signedProject("批量审核丁"), manager);
    const audits = await countOf(auditLog);

    const results = await approveReports(db, manager, {
      reports: [
        { id: a.id, version: a.version },
        { id: b.id, version: b.version },
        { id: stale.id, version: stale.version + 1 }, // someone changed it since the list was loaded
        { id: own.id, version: own.version }, // one's own report: never
      ],
    });
    expect(results).toEqual([
      { id: a.id, ok: true, stage: "registered" },
      { id: b.id, ok: true, stage: "registered" },
      { id: stale.id, ok: false, code: "stale_version", message: "errors.staleVersion" },
      { id: own.id, ok: false, code: "invalid_input", message: "milestones.errors.ownReport" },
    ]);
    const statusOf = async (id: string) => (await db.select({ s: milestones.reviewStatus }).from(milestones).where(eq(milestones.id, id)))[0]!.s;
    expect([await statusOf(a.id), await statusOf(b.id), await statusOf(stale.id), await statusOf(own.id)]).toEqual(["approved", "approved", "pending", "pending"]);
    // Each approval wrote its own rows: the report and the project's stage, per report.
    expect(await countOf(auditLog)).toBe(audits + 4);
    const reportAudits = await db.select({ id: auditLog.entityId, actor: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.entityType, "milestone"), sql`${auditLog.entityId} in (${a.id}, ${b.id})`, eq(auditLog.action, "update"), eq(auditLog.actorId, manager.id)));
    expect(reportAudits.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());

    // Staff of the project's unit approve nothing, another unit does not even find it; nothing chosen is refused whole.
    const staffTry = await approveReports(db, staff2, { reports: [{ id: stale.id, version: stale.version }] });
    expect(staffTry).toEqual([{ id: stale.id, ok: false, code: "not_found", message: "errors.notFound" }]);
    const sameUnit = await approveReports(db, managerA, { reports: [{ id: stale.id, version: stale.version }] });
    expect(sameUnit[0]).toMatchObject({ ok: false, message: "milestones.errors.mayNotReview" });
    expect(await rejection(approveReports(db, manager, { reports: [] }))).toBeInstanceOf(ValidationError);
    // Approving again is refused per report: it is no longer pending.
    const twice = await approveReports(db, manager, { reports: [{ id: a.id, version: a.version + 1 }] });
    expect(twice[0]).toMatchObject({ ok: false, message: "milestones.errors.notPending" });
    expect(await statusOf(stale.id)).toBe("pending");
  });

  it("a returned report carries the comment, is corrected and sent again", async () => {
    const id = await signedProject("瑞泽高端医用耗材生产基地");
    const sent = await saveReport(db, staff, id, { stage: "registered", actualDate: "2026-04-10", companyName: "瑞泽（青岛）医疗有限公司", companyUscc: "913502000728319549", submit: true, version: 0 });
    const noComment = await rejection(reviewReport(db, manager, sent.id, { decision: "reject", comment: "", version: sent.version }));
    expect((noComment as ValidationError).fields).toEqual({ comment: ["milestones.errors.commentRequired"] });
    const returned = await reviewReport(db, manager, sent.id, { decision: "reject", comment: "信用代码与营业执照不符", version: sent.version });
    expect(returned).toMatchObject({ reviewStatus: "rejected", reviewComment: "信用代码与营业执照不符" });
    expect((await getProject(db, admin, id))!.stage).toBe("signed");
    const again = await saveReport(db, staff, id, { stage: "registered", actualDate: "2026-04-10", companyName: "瑞泽（青岛）医疗有限公司", companyUscc: "91350200776049653A", submit: true, version: returned.version });
    expect(again.reviewStatus).toBe("pending");
    // The manager's queue holds it, oldest first, with what the list needs; staff have no queue.
    const queue = await reviewQueue(db, manager);
    expect(queue.find((r) => r.id === again.id)).toMatchObject({ projectName: "瑞泽高端医用耗材生产基地", stage: "registered", unitName: "生物医药招商组" });
    expect(await reviewQueue(db, staff)).toEqual([]);
    expect(await reviewQueue(db, managerA)).toEqual([]);
  });

  it("a report out of the usual order needs confirming; nothing is written until it is", async () => {
    const id = await signedProject("伟隆智能阀门制造项目", "2026-01-10");
    const before = await countOf(milestones);
    const input = { stage: "construction", actualDate: "2026-03-01", submit: true, version: 0 };
    const e = await rejection(saveReport(db, staff, id, input));
    expect(e).toBeInstanceOf(OrderNotConfirmedError);
    expect((e as OrderNotConfirmedError).warnings).toEqual([{ kind: "earlierMissing", stages: ["registered", "land_secured"] }]);
    expect(await countOf(milestones)).toBe(before);
    // Saved as a draft it is not checked; submitted with the user's yes it goes through.
    await saveReport(db, staff, id, { ...input, submit: false });
    const sent = await saveReport(db, staff, id, { ...input, confirmOrder: true, version: 1 });
    await reviewReport(db, manager, sent.id, { decision: "approve", version: sent.version });
    expect((await getProject(db, admin, id))!.stage).toBe("construction");
  });

  it("a land report names a free parcel, which the approval matches to the project", async () => {
    const id = await signedProject("国药融资租赁医药器械产业项目（471 亩）");
    const noLand = await rejection(saveReport(db, staff, id, { stage: "land_secured", actualDate: "2026-05-01", submit: true, confirmOrder: true, version: 0 }));
    expect((noLand as ValidationError).fields).toEqual({ parcelId: ["milestones.errors.parcelOrCarrier"] });
    const sent = await saveReport(db, staff, id, { stage: "land_secured", actualDate: "2026-05-01", parcelId, submit: true, confirmOrder: true, version: 0 });
    await reviewReport(db, manager, sent.id, { decision: "approve", version: sent.version });
    const [parcel] = await db.select({ projectId: parcels.projectId }).from(parcels).where(eq(parcels.id, parcelId));
    expect(parcel!.projectId).toBe(id);
    // Now matched, it cannot be named for another project.
    const other = await signedProject("另一个项目");
    const taken = await rejection(saveReport(db, staff, other, { stage: "land_secured", actualDate: "2026-05-01", parcelId, version: 0 }));
    expect((taken as ValidationError).fields).toEqual({ parcelId: ["milestones.errors.parcelTaken"] });
  });

  it("is atomic: if the audit row cannot be written, the report stays in review and the project where it was", async () => {
    const id = await signedProject("原子性测试项目");
    const sent = await saveReport(db, staff, id, { stage: "registered", actualDate: "2026-04-10", companyName: "测试（青岛）有限公司", companyUscc: "913502000728319549", submit: true, version: 0 });
    const events = await countOf(stageEvents);
    await db.execute(sql`create function fail_audit_landing() returns trigger language plpgsql as $$ begin raise exception 'audit down'; end $$`);
    await db.execute(sql`create trigger fail_audit_landing before insert on audit_log for each row execute function fail_audit_landing()`);
    try {
      await rejection(reviewReport(db, manager, sent.id, { decision: "approve", version: sent.version }));
    } finally {
      await db.execute(sql`drop trigger fail_audit_landing on audit_log`);
      await db.execute(sql`drop function fail_audit_landing()`);
    }
    expect((await getProject(db, admin, id))!.stage).toBe("signed");
    expect(await countOf(stageEvents)).toBe(events);
    const [m] = await db.select({ status: milestones.reviewStatus }).from(milestones).where(eq(milestones.id, sent.id));
    expect(m!.status).toBe("pending");
  });

  it("plans: planned dates per milestone; a stale plan is refused", async () => {
    const id = await signedProject("计划测试项目");
    const versions = { registered: 0, land_secured: 0, construction: 0, completed: 0, operating: 0 };
    await setMilestonePlan(db, staff, id, { dates: { registered: "2026-06-01", land_secured: "2026-09-01" }, versions });
    const list = await projectMilestones(db, id);
    expect(list.map((m) => [m.stage, m.report?.plannedDate ?? null, m.report?.reviewStatus ?? null])).toEqual([
      ["registered", "2026-06-01", null],
      ["land_secured", "2026-09-01", null],
      ["construction", null, null],
      ["completed", null, null],
      ["operating", null, null],
    ]);
    expect(await rejection(setMilestonePlan(db, manager, id, { dates: { registered: "2026-07-01" }, versions }))).toBeInstanceOf(ConflictError);
    expect(await rejection(setMilestonePlan(db, staff2, id, { dates: {}, versions }))).toBeInstanceOf(NotFoundError);
  });
});

describe("funds in place", () => {
  it("dated entries, summed exactly; a negative entry corrects; only on signed projects the viewer may change", async () => {
    const id = await signedProject("资金到位测试项目");
    await addFundsEntry(db, staff, id, { receivedOn: "2026-04-01", amountYi: "1.2345" });
    await addFundsEntry(db, manager, id, { receivedOn: "2026-05-01", amountYi: "0.7655", note: "二期" });
    await addFundsEntry(db, staff, id, { receivedOn: "2026-05-02", amountYi: "-0.1", note: "冲减误录" });
    const funds = await listFunds(db, id);
    expect(funds.total).toBe("190000000.00");
    expect(funds.entries.map((e) => e.amount)).toEqual(["-10000000.00", "76550000.00", "123450000.00"]);
    expect(await rejection(addFundsEntry(db, staff2, id, { receivedOn: "2026-05-01", amountYi: "1" }))).toBeInstanceOf(NotFoundError);
    const unsigned = await createProject(db, staff, { name: "未签约项目", enterpriseId, source: "other", totalInvestmentYi: "1", capitalOrigin: "local", ownerId: staff.id, unitId: unitA });
    const e = await rejection(addFundsEntry(db, staff, unsigned.id, { receivedOn: "2026-05-01", amountYi: "1" }));
    expect((e as ValidationError).message).toBe("signing.errors.notSigned");
    const [audit] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityType, "funds_in_place"));
    expect(audit!.n).toBe(3);
  });
});

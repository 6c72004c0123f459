import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { enterprises, events, industryChains, parks, projects, users } from "@/db/schema";
import { STAGES, STATUSES } from "@/lib/projects/stages";
import type { Viewer } from "@/lib/auth/roles";
import { MESSAGES } from "@/lib/i18n/messages";
import { updateLandNeed } from "@/lib/land/service";
import { reviewReport, saveReport, setMilestonePlan } from "@/lib/milestones/service";
import { addActivity, addTask, changeStage, createProject, setTaskDone, updateProject } from "@/lib/projects/service";
import { getTimeline, namesForEdits } from "@/lib/projects/timeline";
import { timelineFormatter } from "@/lib/projects/timeline-format";
import { addFundsEntry, updateSigning } from "@/lib/signings/service";
import { getSigning } from "@/lib/signings/queries";
import { createTestDb } from "../support/db";
import { insertUnit, insertUser, insertViewer } from "./fixtures";

// The project page's timeline as a Chinese officer reads it: every kind of entry, no raw key.
const zh = createTranslator({ locale: "zh-CN", messages: MESSAGES["zh-CN"] });
vi.mock("next-intl/server", () => ({ getTranslations: async () => zh }));
const { Timeline } = await import("@/components/projects/timeline");

const { db } = await createTestDb();
let projectId: string;

const version = async (id: string) => (await db.select({ v: projects.version }).from(projects).where(eq(projects.id, id)))[0]!.v;

beforeAll(async () => {
  const root = await insertUnit(db, { name: "青岛市投资促进局" });
  const dept = await insertUnit(db, { name: "高新区投资促进部", parentId: root.id });
  const unitA = (await insertUnit(db, { name: "生物医药招商组", parentId: dept.id })).id;
  const unitB = (await insertUnit(db, { name: "精密仪器招商组", parentId: dept.id })).id;
  const manager: Viewer = await insertViewer(db, "manager", dept.id);
  const staff: Viewer = await insertViewer(db, "staff", unitA);
  const staffB: Viewer = await insertViewer(db, "staff", unitB);
  for (const [v, name] of [[manager, "李明"], [staff, "张华"], [staffB, "王芳"]] as const) await db.update(users).set({ displayName: name }).where(eq(users.id, v.id));
  const steward = await insertUser(db, { unitId: unitB, displayName: "周振宇" });
  const [e1] = await db.insert(enterprises).values({ name: "国药融资租赁有限公司", unitId: unitA }).returning();
  const [e2] = await db.insert(enterprises).values({ name: "国药控股青岛有限公司", unitId: unitA }).returning();
  const [event] = await db.insert(events).values({ name: "集中签约仪式", kind: "signing_ceremony", heldOn: "2026-04-06" }).returning();
  const [chain] = await db.insert(industryChains).values({ code: "biomed-t", name: "生物医药" }).returning();
  const [park] = await db.insert(parks).values({ name: "生物医药产业园" }).returning();

  const p = await createProject(db, staff, { name: "国药科技城", enterpriseId: e1!.id, source: "promotion_event", totalInvestmentYi: "10", capitalOrigin: "local", ownerId: staff.id, unitId: unitA });
  projectId = p.id;
  await addActivity(db, staff, p.id, { kind: "visit", occurredOn: "2026-03-01", participants: "张总", summary: "实地考察", nextStep: "报价" });
  // Every field of the project form changed at once.
  await updateProject(db, manager, p.id, {
    name: "国药科技城（一期）",
    enterpriseId: e2!.id,
    industryChainId: chain!.id,
    source: "business_referral",
    totalInvestmentYi: "12.5",
    capitalOrigin: "out_of_province",
    ownerId: manager.id,
    unitId: unitB,
    responsibleLeader: "王建国",
    isKey: true,
    expectedSigningDate: "2026-06-30",
    description: "生物医药产业化基地",
    version: p.version,
  });
  await changeStage(db, manager, p.id, { toStage: "intent", toStatus: "active", version: await version(p.id) });
  await changeStage(db, manager, p.id, { toStage: "intent", toStatus: "on_hold", reason: "等待董事会", version: await version(p.id) });
  await changeStage(db, manager, p.id, { toStage: "intent", toStatus: "active", reason: "恢复", version: await version(p.id) });
  // Signing with a new 包靠领导: the audit row carries the stage fields too.
  await changeStage(db, manager, p.id, {
    toStage: "signed",
    toStatus: "active",
    signingDate: "2026-04-06",
    contractInvestmentYi: "8",
    eventId: event!.id,
    stewardId: steward.id,
    responsibleUnitId: unitB,
    responsibleLeader: "刘志强",
    version: await version(p.id),
  });
  const s = (await getSigning(db, p.id))!;
  await updateSigning(db, manager, p.id, { agreementType: "formal_contract", phase1InvestmentYi: "3", progress: "已注册", issues: "用地指标", note: "备注", stewardId: "", eventId: "", responsibleUnitId: "", version: s.version });
  await updateLandNeed(db, manager, p.id, { landNeedMu: "120", landUse: "industrial_m1", parkId: park!.id, version: await version(p.id) });
  const task = await addTask(db, manager, p.id, { title: "准备签约材料", assigneeId: staff.id, dueDate: "2026-05-01" });
  await setTaskDone(db, manager, task.id, true);
  await setMilestonePlan(db, manager, p.id, { plans: { registered: "2026-05-01" } }).catch(() => undefined);
  const draft = await saveReport(db, staffB, p.id, { stage: "registered", actualDate: "2026-04-10", companyName: "国药（青岛）科技城有限公司", companyUscc: "91440101MA5CJQ4N59", submit: true, version: 0 });
  await reviewReport(db, manager, draft.id, { decision: "reject", comment: "材料不全", version: draft.version });
  await addFundsEntry(db, manager, p.id, { receivedOn: "2026-04-20", amountYi: "1.5", note: "首笔" });
});

describe("the project timeline in Chinese", () => {
  it("renders every kind of entry with words, never an enum key, field name or English message", async () => {
    const items = await getTimeline(db, projectId);
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(["activity", "stage", "edit", "task", "report", "funds"]));
    const names = await namesForEdits(db, items);
    const chains = new Map((await db.select().from(industryChains)).map((c) => [c.id, c.name]));
    const format = timelineFormatter(zh as never, names, chains, new Map());
    const html = renderToStaticMarkup(await Timeline({ items, format }));
    const text = html.replace(/<[^>]+>/g, " ");
    expect(text).toContain("刘志强");
    expect(text).toContain("签约");
    // No ASCII word: the data is all Chinese, so any is a key, a field name or an English message.
    expect(text.match(/[A-Za-z_]{2,}[A-Za-z_.]*/g) ?? []).toEqual([]);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    for (const key of [...STAGES, ...STATUSES]) expect(text).not.toMatch(new RegExp(`\\b${key}\\b`));
  });
});

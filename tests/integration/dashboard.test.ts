/**
 * 领导驾驶舱 against a small dataset whose every figure was worked out by hand (in the comments
 * beside each expectation), for a manager, an admin and a staff member; then every figure's
 * drill-down list, opened from the link the page shows, must count the same.
 *
 * "Today" is 2026-06-15 throughout; the period is 2026 unless a test says otherwise.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  activities,
  checklistItems,
  checklists,
  enterprises,
  fundsInPlace,
  grids,
  industryChains,
  milestones,
  parcels,
  parks,
  projects,
  serviceRequests,
  signings,
  stageEvents,
  targets,
  tasks,
  type Unit,
} from "@/db/schema";
import type { ActivityKind, ParcelStatus, ProjectSource, ProjectStage, ProjectStatus, ReviewStatus } from "@/db/schema/enums";
import type { Viewer } from "@/lib/auth/roles";
import { links, type DrillContext } from "@/lib/dashboard/links";
import {
  breakdowns,
  cohort,
  conversion,
  dashboardContext,
  funnel,
  gridClosure,
  landByPark,
  league,
  mechanismsByPark,
  monthlyTrend,
  overdueByAssignee,
  periodFigures,
  stalledByOwner,
  targetActuals,
  targetOf,
  type DashboardContext,
} from "@/lib/dashboard/queries";
import { dashboardSchema } from "@/lib/dashboard/validation";
import { gridOverview, listGridRequests } from "@/lib/grids/queries";
import { gridListSchema, requestListSchema } from "@/lib/grids/validation";
import { listParcels } from "@/lib/land/queries";
import { parcelListSchema } from "@/lib/land/validation";
import { myOpenTasks } from "@/lib/projects/my-work";
import { listProjects } from "@/lib/projects/queries";
import { projectListSchema } from "@/lib/projects/validation";
import { listSignedProjects } from "@/lib/signed/queries";
import { searchParamsRecord, signedListSchema } from "@/lib/signed/validation";
import { listTasks } from "@/lib/tasks/queries";
import { taskListSchema } from "@/lib/tasks/validation";
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer } from "./fixtures";

const { db } = await createTestDb();
const TODAY = "2026-06-15";

let R: Unit, Z: Unit, A: Unit, B: Unit, N: Unit;
let admin: Viewer, manager: Viewer, sa1: Viewer, sa2: Viewer, sb: Viewer, sn: Viewer;
let C1: string, C2: string, PK1: string, PK2: string, E1: string, E2: string, E3: string, G1: string, G2: string;
const ids: Record<string, string> = {};

/** A moment on a China day (10:00 plus a few minutes, so a day's events keep their order). */
const at = (day: string, minute = 0) => new Date(`${day}T10:${String(minute).padStart(2, "0")}:00+08:00`);

type P = {
  key: string;
  unit: () => Unit;
  owner: () => Viewer;
  chain: () => string | null;
  park: () => string | null;
  source: ProjectSource;
  total: string;
  enterprise: () => string;
  /** Stage history: [day, stage, status]; the first is the creation. */
  history: [string, ProjectStage, ProjectStatus][];
  signing?: { date: string; contract: string };
  milestones?: { stage: ProjectStage; planned: string | null; actual?: string; status?: ReviewStatus }[];
  funds?: [string, string][];
  activities?: [ActivityKind, string][];
};

// Units: R 青岛市 → Z 高新区 (the manager's) → A 生物组, B 精密组; R → N 市北.
const PROJECTS: P[] = [
  {
    key: "P1", unit: () => A, owner: () => sa1, chain: () => C1, park: () => PK1, source: "promotion_event", total: "300000000.00", enterprise: () => E1,
    history: [["2026-01-10", "lead", "active"], ["2026-02-01", "negotiating", "active"], ["2026-03-01", "intent", "active"], ["2026-03-20", "signed", "active"], ["2026-04-22", "registered", "active"], ["2026-06-06", "land_secured", "active"]],
    signing: { date: "2026-03-20", contract: "250000000.00" },
    milestones: [
      { stage: "registered", planned: "2026-04-30", actual: "2026-04-20", status: "approved" },
      { stage: "land_secured", planned: "2026-05-31", actual: "2026-06-05", status: "approved" }, // late: breaks 履约
      { stage: "construction", planned: "2026-09-30" },
    ],
    funds: [["2026-05-01", "50000000.00"], ["2026-06-10", "30000000.00"]],
    activities: [["visit", "2026-01-15"], ["visit", "2026-02-10"], ["reception", "2026-03-05"], ["promotion_event", "2026-03-20"], ["call", "2026-06-10"]],
  },
  {
    key: "P2", unit: () => A, owner: () => sa1, chain: () => C1, park: () => PK1, source: "walk_in", total: "50000000.00", enterprise: () => E3,
    history: [["2025-11-01", "lead", "active"], ["2025-12-01", "negotiating", "active"], ["2026-02-15", "signed", "active"], ["2026-03-26", "registered", "active"], ["2026-04-21", "land_secured", "active"]],
    signing: { date: "2026-02-15", contract: "40000000.00" },
    milestones: [
      { stage: "registered", planned: "2026-03-31", actual: "2026-03-25", status: "approved" },
      { stage: "land_secured", planned: "2026-05-15", actual: "2026-04-20", status: "approved" },
      { stage: "construction", planned: "2026-06-10", actual: "2026-06-01", status: "pending" }, // 履约 only once approved
    ],
    activities: [["visit", "2025-12-05"], ["visit", "2026-04-01"]],
  },
  {
    key: "P3", unit: () => A, owner: () => sa2, chain: () => C2, park: () => PK2, source: "business_referral", total: "1200000000.00", enterprise: () => E2,
    history: [["2025-03-01", "lead", "active"], ["2025-04-01", "negotiating", "active"], ["2025-06-01", "intent", "active"], ["2025-09-10", "signed", "active"], ["2025-10-21", "registered", "active"], ["2025-12-22", "land_secured", "active"], ["2026-03-16", "construction", "active"]],
    signing: { date: "2025-09-10", contract: "1000000000.00" },
    milestones: [
      { stage: "registered", planned: "2025-10-31", actual: "2025-10-20", status: "approved" },
      { stage: "land_secured", planned: "2025-12-31", actual: "2025-12-20", status: "approved" },
      { stage: "construction", planned: "2026-03-31", actual: "2026-03-15", status: "approved" },
    ],
    funds: [["2025-12-01", "200000000.00"], ["2026-04-01", "100000000.00"]],
    activities: [["site_visit", "2026-06-01"]],
  },
  {
    key: "P4", unit: () => B, owner: () => sb, chain: () => null, park: () => PK2, source: "intermediary", total: "200000000.00", enterprise: () => E1,
    history: [["2026-02-01", "lead", "active"], ["2026-02-20", "negotiating", "active"], ["2026-04-10", "signed", "active"], ["2026-05-20", "signed", "on_hold"]],
    signing: { date: "2026-04-10", contract: "180000000.00" },
    milestones: [{ stage: "registered", planned: "2026-05-10" }], // due, never reported
    activities: [["meeting", "2026-04-05"]],
  },
  {
    key: "P5", unit: () => B, owner: () => sb, chain: () => C2, park: () => null, source: "online", total: "80000000.00", enterprise: () => E3,
    history: [["2026-03-01", "lead", "active"], ["2026-04-01", "negotiating", "active"]],
    activities: [["visit", "2026-04-02"]],
  },
  {
    key: "P6", unit: () => A, owner: () => sa2, chain: () => C1, park: () => null, source: "other", total: "100000000.00", enterprise: () => E2,
    history: [["2026-01-05", "lead", "active"], ["2026-01-20", "negotiating", "active"], ["2026-02-10", "intent", "active"], ["2026-05-05", "signed", "active"]],
    signing: { date: "2026-05-05", contract: "90000000.00" },
    milestones: [{ stage: "registered", planned: "2026-06-30", actual: "2026-06-10", status: "pending" }],
    funds: [["2026-06-01", "10000000.00"]],
    activities: [["reception", "2026-05-01"], ["visit", "2026-06-14"]],
  },
  {
    key: "P7", unit: () => N, owner: () => sn, chain: () => C1, park: () => PK1, source: "walk_in", total: "500000000.00", enterprise: () => E1,
    history: [["2025-12-01", "lead", "active"], ["2026-01-20", "signed", "active"], ["2026-02-21", "registered", "active"], ["2026-05-11", "construction", "active"]],
    signing: { date: "2026-01-20", contract: "400000000.00" },
    milestones: [
      { stage: "registered", planned: "2026-02-28", actual: "2026-02-20", status: "approved" },
      { stage: "construction", planned: "2026-05-31", actual: "2026-05-10", status: "approved" },
    ],
    activities: [["visit", "2026-06-12"]],
  },
  {
    key: "P8", unit: () => A, owner: () => sa1, chain: () => C1, park: () => PK1, source: "promotion_event", total: "30000000.00", enterprise: () => E3,
    history: [["2026-05-01", "lead", "active"], ["2026-05-20", "lead", "lost"]],
    activities: [["call", "2026-05-02"]],
  },
  {
    key: "P9", unit: () => Z, owner: () => manager, chain: () => C2, park: () => PK2, source: "resident_office", total: "2000000000.00", enterprise: () => E2,
    history: [["2024-06-01", "lead", "active"], ["2024-07-01", "negotiating", "active"], ["2024-09-01", "intent", "active"], ["2024-12-01", "signed", "active"], ["2025-01-15", "registered", "active"], ["2025-04-01", "land_secured", "active"], ["2025-06-01", "construction", "active"], ["2025-12-01", "completed", "active"], ["2026-02-01", "operating", "active"]],
    signing: { date: "2024-12-01", contract: "1500000000.00" },
    milestones: [
      { stage: "registered", planned: "2025-01-31", actual: "2025-01-10", status: "approved" },
      { stage: "land_secured", planned: "2025-03-31", actual: "2025-03-28", status: "approved" },
      { stage: "construction", planned: "2025-06-30", actual: "2025-05-30", status: "approved" },
      { stage: "completed", planned: "2025-11-30", actual: "2025-11-25", status: "approved" },
      { stage: "operating", planned: "2026-01-31", actual: "2026-01-28", status: "approved" },
    ],
    funds: [["2025-06-01", "500000000.00"]],
    activities: [["visit", "2026-06-01"]],
  },
  {
    // Signed, then moved back to 意向: keeps its signing row but is not a signed project.
    key: "P10", unit: () => A, owner: () => sa1, chain: () => C1, park: () => PK1, source: "walk_in", total: "150000000.00", enterprise: () => E1,
    history: [["2026-01-02", "lead", "active"], ["2026-02-01", "signed", "active"], ["2026-03-01", "intent", "active"]],
    signing: { date: "2026-02-01", contract: "120000000.00" },
    activities: [["visit", "2026-06-05"]],
  },
  {
    key: "P12", unit: () => A, owner: () => sa2, chain: () => C2, park: () => PK2, source: "walk_in", total: "60000000.00", enterprise: () => E3,
    history: [["2026-06-14", "lead", "active"]],
  },
  {
    key: "P13", unit: () => B, owner: () => sb, chain: () => C2, park: () => PK2, source: "walk_in", total: "20000000.00", enterprise: () => E3,
    history: [["2025-05-01", "lead", "active"]],
  },
];

async function insertProject(p: P) {
  const [created] = p.history;
  const last = p.history[p.history.length - 1]!;
  const lastActivity = p.activities?.map(([, d]) => d).sort().at(-1);
  const [row] = await db
    .insert(projects)
    .values({
      name: `项目 ${p.key}`,
      enterpriseId: p.enterprise(),
      industryChainId: p.chain(),
      parkId: p.park(),
      source: p.source,
      totalInvestment: p.total,
      stage: last[1],
      status: last[2],
      statusReason: last[2] === "active" ? "" : "原因",
      ownerId: p.owner().id,
      unitId: p.unit().id,
      stageChangedAt: at(last[0]),
      lastActivityAt: lastActivity ? new Date(`${lastActivity}T00:00:00Z`) : null,
      createdAt: at(created![0]),
      updatedAt: at(last[0]),
    })
    .returning({ id: projects.id });
  const id = row!.id;
  ids[p.key] = id;
  await db.insert(stageEvents).values(
    p.history.map(([day, stage, status], i) => ({
      projectId: id,
      fromStage: i === 0 ? null : p.history[i - 1]![1],
      toStage: stage,
      fromStatus: i === 0 ? null : p.history[i - 1]![2],
      toStatus: status,
      at: at(day, i),
    })),
  );
  if (p.signing) await db.insert(signings).values({ projectId: id, signingDate: p.signing.date, contractInvestment: p.signing.contract });
  for (const m of p.milestones ?? []) {
    await db.insert(milestones).values({ projectId: id, stage: m.stage, plannedDate: m.planned, actualDate: m.actual ?? null, reviewStatus: m.status ?? null });
  }
  for (const [day, amount] of p.funds ?? []) await db.insert(fundsInPlace).values({ projectId: id, receivedOn: day, amount });
  for (const [kind, day] of p.activities ?? []) await db.insert(activities).values({ projectId: id, kind, occurredOn: day, summary: "跟进" });
}

beforeAll(async () => {
  R = await insertUnit(db, { name: "青岛市投资促进局" });
  Z = await insertUnit(db, { name: "高新区投资促进部", parentId: R.id, sortOrder: 1 });
  A = await insertUnit(db, { name: "生物医药招商组", parentId: Z.id, sortOrder: 1 });
  B = await insertUnit(db, { name: "精密仪器招商组", parentId: Z.id, sortOrder: 2 });
  N = await insertUnit(db, { name: "市北区投资促进局", parentId: R.id, sortOrder: 2 });
  admin = await insertViewer(db, "admin", R.id);
  manager = await insertViewer(db, "manager", Z.id);
  sa1 = await insertViewer(db, "staff", A.id);
  sa2 = await insertViewer(db, "staff", A.id);
  sb = await insertViewer(db, "staff", B.id);
  sn = await insertViewer(db, "staff", N.id);
  [{ id: C1 }, { id: C2 }] = (await db
    .insert(industryChains)
    .values([
      { code: "T-C1", name: "生物医药", sortOrder: 1 },
      { code: "T-C2", name: "精密仪器", sortOrder: 2 },
    ])
    .returning({ id: industryChains.id })) as [{ id: string }, { id: string }];
  [{ id: PK1 }, { id: PK2 }] = (await db
    .insert(parks)
    .values([
      { name: "测试生物园", sortOrder: 1 },
      { name: "测试仪器园", sortOrder: 2 },
    ])
    .returning({ id: parks.id })) as [{ id: string }, { id: string }];
  [{ id: E1 }, { id: E2 }, { id: E3 }] = (await db
    .insert(enterprises)
    .values([
      { name: "五百强上市集团", tags: ["世界500强", "上市公司"], ownershipType: "foreign", unitId: Z.id },
      { name: "某央企投资公司", tags: [], ownershipType: "central_soe", unitId: Z.id },
      { name: "本地科技公司", tags: ["专精特新"], ownershipType: "private", unitId: Z.id },
    ])
    .returning({ id: enterprises.id })) as [{ id: string }, { id: string }, { id: string }];
  for (const p of PROJECTS) await insertProject(p);

  // Tasks: P2's is overdue (SA1), P4's too (assigned to SA2, not its owner); P5's are not; one has no project.
  await db.insert(tasks).values([
    { projectId: ids.P2!, title: "报送进度", assigneeId: sa1.id, dueDate: "2026-06-01" },
    { projectId: ids.P4!, title: "核实资料", assigneeId: sa2.id, dueDate: "2026-05-01" },
    { projectId: ids.P5!, title: "回访", assigneeId: sb.id, dueDate: "2026-06-20" },
    { projectId: ids.P5!, title: "整理需求", assigneeId: sb.id, dueDate: "2026-06-10", status: "done", completedAt: at("2026-06-09") },
    { projectId: null, title: "无项目的待办", assigneeId: sa1.id, dueDate: "2026-05-01" },
  ]);

  // Parcels (亩): 测试生物园 100 reserved, 50 cleared, 30.5 transferred; 测试仪器园 20 transferred, 10.25 under construction.
  const parcel = (code: string, parkId: string, areaMu: string, status: ParcelStatus) => ({ code, parkId, areaMu, status });
  await db.insert(parcels).values([
    parcel("T-L1", PK1, "100", "reserved"),
    parcel("T-L2", PK1, "50", "cleared"),
    parcel("T-L3", PK1, "30.5", "transferred"),
    parcel("T-L4", PK2, "20", "transferred"),
    parcel("T-L5", PK2, "10.25", "under_construction"),
  ]);

  // 7个1 on 测试生物园 (unit Z): 7 items, 3 done, one overdue. 用地一件事 on P1: 4 items, 1 done, 2 overdue.
  const [mech] = await db
    .insert(checklists)
    .values({ templateRevision: 1, kind: "park_mechanism", name: "7个1", parkId: PK1, unitId: Z.id, startedOn: "2026-01-01" })
    .returning({ id: checklists.id });
  await db.insert(checklistItems).values(
    Array.from({ length: 7 }, (_, i) => ({
      checklistId: mech!.id,
      title: `事项 ${i + 1}`,
      sortOrder: i,
      status: i < 3 ? ("done" as const) : ("in_progress" as const),
      dueDate: i === 3 ? "2026-06-01" : i === 4 ? "2026-07-01" : null,
    })),
  );
  const [service] = await db
    .insert(checklists)
    .values({ templateRevision: 1, kind: "project_service", name: "用地一件事", projectId: ids.P1!, unitId: A.id, startedOn: "2026-04-01" })
    .returning({ id: checklists.id });
  await db.insert(checklistItems).values([
    { checklistId: service!.id, title: "规划许可", status: "done", dueDate: "2026-05-01", sortOrder: 1 },
    { checklistId: service!.id, title: "施工许可", status: "in_progress", dueDate: "2026-06-01", sortOrder: 2 },
    { checklistId: service!.id, title: "消防审查", status: "not_started", dueDate: "2026-06-10", sortOrder: 3 },
    { checklistId: service!.id, title: "竣工验收", status: "not_started", dueDate: "2026-12-01", sortOrder: 4 },
  ]);

  // Grids: G1 (unit A) received 2 requests in 2026 (one resolved) and one in 2025; G2 (unit N) one in 2026, resolved.
  [{ id: G1 }, { id: G2 }] = (await db
    .insert(grids)
    .values([
      { code: "T-G1", name: "生物组网格", unitId: A.id, sortOrder: 1 },
      { code: "T-G2", name: "市北网格", unitId: N.id, sortOrder: 2 },
    ])
    .returning({ id: grids.id })) as [{ id: string }, { id: string }];
  const request = (gridId: string, received: string, resolved: string | null) => ({
    enterpriseId: E3,
    gridId,
    category: "policy" as const,
    title: "政策咨询",
    status: resolved ? ("resolved" as const) : ("received" as const),
    receivedAt: at(received),
    acceptedAt: resolved ? at(received, 30) : null,
    repliedAt: resolved ? at(received, 40) : null,
    resolvedAt: resolved ? at(resolved) : null,
  });
  await db.insert(serviceRequests).values([request(G1, "2026-03-02", "2026-03-05"), request(G1, "2026-04-01", null), request(G1, "2025-12-01", "2025-12-03"), request(G2, "2026-02-02", "2026-02-03")]);

  // Targets for 2026: Z and N have their own (the admin's whole tree adds them up); A has one; SA1 has one.
  await db.insert(targets).values([
    { year: 2026, unitId: Z.id, signedCount: 10, signedInvestment: "2000000000", constructionStarts: 3, operatingProjects: 2 },
    { year: 2026, unitId: N.id, signedCount: 4, signedInvestment: "800000000", constructionStarts: 1, operatingProjects: 1 },
    { year: 2026, unitId: A.id, signedCount: 6, signedInvestment: "1000000000", constructionStarts: 2, operatingProjects: 1 },
    { year: 2026, unitId: A.id, ownerId: sa1.id, signedCount: 3, signedInvestment: "500000000", constructionStarts: 1, operatingProjects: 0 },
    { year: 2025, unitId: Z.id, signedCount: 8, signedInvestment: "1500000000", constructionStarts: 2, operatingProjects: 1 },
  ]);
});

async function ctxFor(viewer: Viewer, query: Record<string, string> = {}): Promise<DashboardContext> {
  return dashboardContext(db, viewer, dashboardSchema.parse(query), TODAY);
}

const drill = (ctx: DashboardContext): DrillContext => ({ base: ctx.base, period: ctx.period, asOf: ctx.asOf, today: ctx.today, stalledDays: ctx.stalledDays });

describe("dashboard figures, worked out by hand", () => {
  it("funnel today: active projects and Σ total investment per stage", async () => {
    const f = Object.fromEntries((await funnel(db, await ctxFor(manager))).map((s) => [s.stage, [s.count, s.total]]));
    // Manager (Z, A, B): P12 + P13 leads (0.6 + 0.2 亿); P5 在谈; P10 意向; P6 签约 (P4 is on hold);
    // P1 + P2 供地; P3 开工; P9 投产. P8 is dropped; P7 belongs to 市北.
    expect(f).toEqual({
      lead: [2, "80000000.00"],
      negotiating: [1, "80000000.00"],
      intent: [1, "150000000.00"],
      signed: [1, "100000000.00"],
      registered: [0, "0"],
      land_secured: [2, "350000000.00"],
      construction: [1, "1200000000.00"],
      completed: [0, "0"],
      operating: [1, "2000000000.00"],
    });
    const a = Object.fromEntries((await funnel(db, await ctxFor(admin))).map((s) => [s.stage, [s.count, s.total]]));
    // The admin also sees P7 at 开工 (5 亿).
    expect(a.construction).toEqual([2, "1700000000.00"]);
    expect(a.lead).toEqual([2, "80000000.00"]);
  });

  it("funnel as of a year ago, replayed from the stage events", async () => {
    const f = (await funnel(db, await ctxFor(manager, { asOf: "2025-06-15" }))).filter((s) => s.count > 0);
    // On 2025-06-15: P13 (logged 2025-05-01) a lead, P3 at 意向 (since 2025-06-01), P9 at 开工 (since 2025-06-01).
    expect(f.map((s) => [s.stage, s.count, s.total])).toEqual([
      ["lead", 1, "20000000.00"],
      ["intent", 1, "1200000000.00"],
      ["construction", 1, "2000000000.00"],
    ]);
    // A day before P9 reached 开工 it was at 供地.
    const before = (await funnel(db, await ctxFor(manager, { asOf: "2025-05-31" }))).filter((s) => s.count > 0);
    expect(before.map((s) => s.stage)).toEqual(["lead", "negotiating", "land_secured"]);
  });

  it("the period: new leads, signings, 亿元以上 and their investors", async () => {
    expect(await periodFigures(db, await ctxFor(manager))).toEqual({
      leads: 7, // P1, P4, P5, P6, P8, P10, P12 logged in 2026
      signed: 4, // P1, P2, P4 (on hold, still signed), P6 — not P10 (moved back), not P7 (市北)
      contract: "560000000.00",
      big: 3, // P1 (3 亿), P4 (2 亿), P6 (exactly 1 亿)
      bigContract: "520000000.00",
      top500: 2, // P1, P4 (世界500强)
      centralSoe: 1, // P6 (央企 by ownership)
      listed: 2, // P1, P4
    });
    expect(await periodFigures(db, await ctxFor(admin))).toMatchObject({ leads: 7, signed: 5, contract: "960000000.00", big: 4, top500: 3, listed: 3, centralSoe: 1 });
    // A quarter: Q1 2026 signings are P1 (03-20) and P2 (02-15).
    expect(await periodFigures(db, await ctxFor(manager, { year: "2026", quarter: "1" }))).toMatchObject({ signed: 2, contract: "290000000.00", leads: 5 });
  });

  it("targets against the year's actual figures", async () => {
    const ctx = await ctxFor(manager);
    // Construction starts in 2026: P3 (first approved 开工 report 2026-03-15); P9's was 2025. Operating: P9 (2026-01-28).
    expect(await targetActuals(db, ctx)).toEqual({ signedCount: 4, signedInvestment: "560000000.00", constructionStarts: 1, operatingProjects: 1 });
    expect(await targetOf(db, ctx)).toEqual({ signedCount: 10, signedInvestment: "2000000000.00", constructionStarts: 3, operatingProjects: 2 });
    // The admin's tree: 青岛市 has none of its own, so Z's and N's added up.
    expect(await targetOf(db, await ctxFor(admin))).toEqual({ signedCount: 14, signedInvestment: "2800000000.00", constructionStarts: 4, operatingProjects: 3 });
    expect(await targetActuals(db, await ctxFor(admin))).toEqual({ signedCount: 5, signedInvestment: "960000000.00", constructionStarts: 2, operatingProjects: 1 });
    // Filtered on A: A's own target; staff: their own.
    expect((await targetOf(db, await ctxFor(manager, { unit: A.id })))?.signedCount).toBe(6);
    expect(await targetOf(db, await ctxFor(sa1))).toEqual({ signedCount: 3, signedInvestment: "500000000.00", constructionStarts: 1, operatingProjects: 0 });
    expect(await targetOf(db, await ctxFor(sb))).toBeNull();
    expect((await targetOf(db, await ctxFor(manager, { year: "2025" })))?.signedCount).toBe(8);
  });

  it("cohort rates as of today: approved reports only, pending beside", async () => {
    // Cohort: P1, P2, P4, P6 (signed in 2026), contract 5.6 亿.
    expect(await cohort(db, await ctxFor(manager))).toEqual({
      count: 4,
      contract: "560000000.00",
      funds: "90000000.00", // P1 0.5 + 0.3, P6 0.1
      registered: 2, // P1, P2
      registeredPending: 1, // P6's report waits
      started: 0,
      startedPending: 1, // P2's 开工 report waits
      operating: 0,
      operatingPending: 0,
      kept: 1, // P6 (nothing due yet); P1's land came late; P4's registration never reported
      keptPending: 1, // P2: its 开工 (planned 06-10, actual 06-01) is pending
    });
    expect(await cohort(db, await ctxFor(admin))).toMatchObject({ count: 5, registered: 3, started: 1, kept: 2, keptPending: 1, funds: "90000000.00" });
  });

  it("cohort rates as of an earlier day", async () => {
    // By 2026-04-30 the cohort is the signings up to that day: P1, P2, P4 (P6 signed in May).
    // P1 and P2 registered; nothing waiting was dated yet; no milestone had been missed; no funds in.
    expect(await cohort(db, await ctxFor(manager, { asOf: "2026-04-30" }))).toEqual({
      count: 3,
      contract: "470000000.00",
      funds: "0",
      registered: 2,
      registeredPending: 0,
      started: 0,
      startedPending: 0,
      operating: 0,
      operatingPending: 0,
      kept: 3,
      keptPending: 0,
    });
  });

  it("under an earlier as-of date every period figure stops at it, and so does its list", async () => {
    const ctx = await ctxFor(manager, { year: "2026", asOf: "2026-03-31" });
    expect(ctx.period).toMatchObject({ from: "2026-01-01", to: "2026-03-31", cut: "2026-12-31" });
    // As Q1: P1 (03-20) and P2 (02-15); not P4 (April) or P6 (May).
    const q1 = await periodFigures(db, await ctxFor(manager, { year: "2026", quarter: "1" }));
    expect(await periodFigures(db, ctx)).toEqual(q1);
    expect(q1).toMatchObject({ signed: 2, contract: "290000000.00" });
    expect(await targetActuals(db, ctx)).toMatchObject({ signedCount: 2, signedInvestment: "290000000.00" });
    expect((await cohort(db, ctx)).count).toBe(2);
    const trend = await monthlyTrend(db, ctx);
    expect(trend.months.filter((m) => m.count).map((m) => m.month)).toEqual([2, 3]);
    // Mid-month: the days after the as-of day are left out of its month.
    const mid = await monthlyTrend(db, await ctxFor(manager, { asOf: "2026-03-19" }));
    expect(mid.months.filter((m) => m.count).map((m) => m.month)).toEqual([2]);
    expect(links.signed(drill(ctx))).toContain("signedTo=2026-03-31");
    expect(links.yearSigned(drill(ctx))).toContain("signedTo=2026-03-31");
    // As of today nothing is cut.
    expect((await ctxFor(manager, { year: "2026" })).period).toMatchObject({ to: "2026-12-31" });
    expect((await ctxFor(manager, { year: "2026" })).period.cut).toBeUndefined();
  });

  it("monthly signings, this year against last", async () => {
    const t = await monthlyTrend(db, await ctxFor(manager));
    expect(t.months.filter((m) => m.count).map((m) => [m.month, m.count, m.contract])).toEqual([
      [2, 1, "40000000.00"],
      [3, 1, "250000000.00"],
      [4, 1, "180000000.00"],
      [5, 1, "90000000.00"],
    ]);
    expect(t.lastMonths.filter((m) => m.count).map((m) => [m.month, m.count, m.contract])).toEqual([[9, 1, "1000000000.00"]]);
  });

  it("breakdowns of the period's signings", async () => {
    const b = await breakdowns(db, await ctxFor(manager));
    expect(b.chain.map((r) => [r.name, r.count, r.contract])).toEqual([
      ["生物医药", 3, "380000000.00"], // P1, P2, P6
      [null, 1, "180000000.00"], // P4 has no chain
    ]);
    expect(b.park.map((r) => [r.name, r.count, r.contract])).toEqual([
      ["测试生物园", 2, "290000000.00"],
      ["测试仪器园", 1, "180000000.00"],
      [null, 1, "90000000.00"],
    ]);
    expect(b.source.map((r) => [r.key, r.count])).toEqual([
      ["promotion_event", 1],
      ["intermediary", 1],
      ["walk_in", 1],
      ["other", 1],
    ]);
    expect(b.unit.map((r) => [r.name, r.count, r.contract])).toEqual([
      ["生物医药招商组", 3, "380000000.00"],
      ["精密仪器招商组", 1, "180000000.00"],
    ]);
    // Most signings first: SA1 (P1, P2), then SA2 (P6) and SB (P4) by name.
    expect(b.owner[0]).toMatchObject({ key: sa1.id, count: 2, contract: "290000000.00" });
    expect(new Map(b.owner.slice(1).map((r) => [r.key, r.count]))).toEqual(
      new Map([
        [sa2.id, 1],
        [sb.id, 1],
      ]),
    );
  });

  it("the owner league table with its activity index", async () => {
    const rows = await league(db, await ctxFor(manager));
    expect(rows.map((r) => [r.ownerId, r.visit, r.reception, r.promotion_event, r.signings, r.starts, r.index])).toEqual([
      [sa1.id, 4, 1, 1, 2, 0, 8], // P1 2 visits + reception + event, P2 and P10 a visit each; signed P1, P2
      [sa2.id, 1, 1, 0, 1, 1, 4], // P6 reception + visit; signed P6; P3 started
      [sb.id, 1, 0, 0, 1, 0, 2], // P5 visit; signed P4
      [manager.id, 1, 0, 0, 0, 0, 1], // P9 visit
    ]);
  });

  it("stage conversion and median days, from the stage events", async () => {
    const c = await conversion(db, await ctxFor(manager));
    // The period's new leads: P1, P4, P5, P6, P8, P10, P12.
    expect(c.map((r) => [r.stage, r.reached, r.medianDays])).toEqual([
      ["lead", 7, null],
      ["negotiating", 5, 22], // 22, 19, 31, 15, 30 days
      ["intent", 4, 24.5], // 28, 49, 21, 0 (P10 jumped to 签约)
      ["signed", 4, 9.5], // 19, 0, 84, 0
      ["registered", 1, 33],
      ["land_secured", 1, 45],
      ["construction", 0, null],
      ["completed", 0, null],
      ["operating", 0, null],
    ]);
    // Under an earlier as-of date the cohort is the leads logged up to it, each as it stands today.
    expect(await conversion(db, await ctxFor(manager, { asOf: "2026-03-15" }))).toEqual(await conversion(db, await ctxFor(manager, { from: "2026-01-01", to: "2026-03-15" })));
  });

  it("stalled projects and overdue tasks", async () => {
    const ctx = await ctxFor(manager);
    // No activity since 2026-05-16: P2 (SA1), P5 and P13 (SB; P13 never had one). P9 operates; P4 is on hold.
    expect((await stalledByOwner(db, ctx)).map((r) => [r.userId, r.count])).toEqual([
      [sb.id, 2],
      [sa1.id, 1],
    ]);
    // Overdue, by the person each is assigned to — as their 我的工作 counts them: SA1 has P2's and
    // the one without a project (SA1 is in the manager's scope); SA2 has P4's (P4 is SB's project).
    const overdue = await overdueByAssignee(db, ctx);
    expect(overdue.map((r) => [r.userId, r.count]).sort()).toEqual(
      [
        [sa1.id, 2],
        [sa2.id, 1],
      ].sort(),
    );
    for (const person of [sa1, sa2, sb]) {
      const mine = (await myOpenTasks(db, person, TODAY)).filter((x) => x.dueDate !== null && x.dueDate < TODAY).length;
      expect(overdue.find((r) => r.userId === person.id)?.count ?? 0, person.id).toBe(mine);
    }
    // Staff: the tasks on their own projects, whoever they are assigned to.
    expect((await overdueByAssignee(db, await ctxFor(sb))).map((r) => [r.userId, r.count])).toEqual([[sa2.id, 1]]);
    // 76 days: nothing since 2026-03-31 — only P13 (P2's last visit was 04-01, P5's 04-02).
    expect((await stalledByOwner(db, await ctxFor(manager, { stalled: "76" }))).map((r) => [r.userId, r.count])).toEqual([[sb.id, 1]]);
  });

  it("the task list: visibility as for projects, filters, a manager's people", async () => {
    const titles = async (viewer: Viewer, query: Record<string, string> = {}) =>
      (await listTasks(db, viewer, taskListSchema.parse(query), TODAY)).rows.map((r) => r.title).sort();
    // The manager: every open task of the people below (P2's, P4's, P5's, and SA1's without a project).
    expect(await titles(manager)).toEqual(["回访", "报送进度", "无项目的待办", "核实资料"].sort());
    expect(await titles(manager, { status: "all" })).toHaveLength(5);
    expect(await titles(manager, { overdue: "1" })).toEqual(["报送进度", "无项目的待办", "核实资料"].sort());
    expect(await titles(manager, { assignee: sa1.id })).toEqual(["报送进度", "无项目的待办"].sort());
    expect(await titles(manager, { unit: B.id })).toEqual(["回访", "核实资料"].sort()); // P4 and P5 are B's projects
    expect(await titles(manager, { project: ids.P5!, status: "all" })).toEqual(["回访", "整理需求"].sort());
    expect(await titles(manager, { dueFrom: "2026-05-15", dueTo: "2026-06-05" })).toEqual(["报送进度"]);
    // Staff: the tasks of the projects they may see (their unit's and their own) and their own; not another unit's.
    expect(await titles(sb)).toEqual(["回访", "核实资料"].sort());
    expect(await titles(sa2)).toEqual(["报送进度", "无项目的待办", "核实资料"].sort());
    expect(await titles(sn)).toEqual([]);
  });

  it("land, mechanisms and grid service", async () => {
    const ctx = await ctxFor(manager);
    const land = await landByPark(db, ctx);
    expect(land.map((p) => [p.name, p.byStatus])).toEqual([
      ["测试生物园", { reserved: { parcels: 1, area: "100.000000" }, cleared: { parcels: 1, area: "50.000000" }, transferred: { parcels: 1, area: "30.500000" } }],
      ["测试仪器园", { transferred: { parcels: 1, area: "20.000000" }, under_construction: { parcels: 1, area: "10.250000" } }],
    ]);
    const mech = await mechanismsByPark(db, ctx);
    expect(mech.map((p) => [p.name, p.mechanism, p.service])).toEqual([
      ["测试生物园", { total: 7, done: 3, overdue: 1 }, { total: 4, done: 1, overdue: 2 }],
    ]);
    expect(await gridClosure(db, ctx)).toEqual({ grids: [{ gridId: G1, code: "T-G1", name: "生物组网格", received: 2, resolved: 1 }], received: 2, resolved: 1 });
    expect(await gridClosure(db, await ctxFor(admin))).toMatchObject({ received: 3, resolved: 2 });
  });
});

describe("scope by role", () => {
  it("staff see their own projects only", async () => {
    const ctx = await ctxFor(sa1);
    // SA1 owns P1, P2, P8, P10.
    const f = (await funnel(db, ctx)).filter((s) => s.count);
    expect(f.map((s) => [s.stage, s.count])).toEqual([
      ["intent", 1],
      ["land_secured", 2],
    ]);
    expect(await periodFigures(db, ctx)).toMatchObject({ leads: 3, signed: 2, contract: "290000000.00" });
    expect((await league(db, ctx)).map((r) => r.ownerId)).toEqual([sa1.id]);
    expect((await cohort(db, ctx)).count).toBe(2);
  });

  it("a manager does not see another district's projects, even by filtering on its unit", async () => {
    const ctx = await ctxFor(manager, { unit: N.id });
    expect((await funnel(db, ctx)).every((s) => s.count === 0)).toBe(true);
    expect((await periodFigures(db, ctx)).signed).toBe(0);
    expect((await gridClosure(db, ctx)).received).toBe(0);
  });

  it("the page's filters narrow every figure", async () => {
    const byA = await periodFigures(db, await ctxFor(manager, { unit: A.id }));
    expect(byA).toMatchObject({ signed: 3, contract: "380000000.00" }); // P1, P2, P6
    expect((await periodFigures(db, await ctxFor(manager, { chain: "none" }))).signed).toBe(1); // P4
    expect((await periodFigures(db, await ctxFor(manager, { park: PK1 }))).signed).toBe(2); // P1, P2
    expect((await landByPark(db, await ctxFor(manager, { park: PK2 }))).map((p) => p.name)).toEqual(["测试仪器园"]);
  });
});

// ── Drill-down: every figure's list counts the same ────────────────────────────

function parse(href: string) {
  const url = new URL(href, "http://x");
  return { path: url.pathname, params: searchParamsRecord(url.searchParams) };
}

/** Opens a link as its page would and returns what the list reports: its count, and its sums. */
async function open(viewer: Viewer, href: string) {
  const { path, params } = parse(href);
  if (path === "/projects") {
    const r = await listProjects(db, viewer, projectListSchema.parse(params));
    return { count: r.total, activities: r.activities, overdueTasks: r.overdueTasks };
  }
  if (path === "/signed") {
    const r = await listSignedProjects(db, viewer, signedListSchema.parse(params));
    return { count: r.totals.count, contract: r.totals.contractInvestment, funds: r.totals.fundsInPlace, total: r.totals.totalInvestment };
  }
  if (path === "/parcels") {
    const r = await listParcels(db, viewer, parcelListSchema.parse(params));
    return { count: r.total, area: r.area };
  }
  if (path === "/grids") {
    const r = await gridOverview(db, viewer, gridListSchema.parse(params), new Date(`${TODAY}T12:00:00+08:00`));
    return { count: r.total.received, resolved: r.total.resolved };
  }
  const grid = /^\/grids\/([^/]+)$/.exec(path);
  if (grid) {
    const r = await listGridRequests(db, viewer, grid[1]!, requestListSchema.parse(params), new Date(`${TODAY}T12:00:00+08:00`));
    return { count: r.total };
  }
  if (path === "/tasks") {
    const r = await listTasks(db, viewer, taskListSchema.parse(params), new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
    return { count: r.total };
  }
  throw new Error(`no list at ${path}`);
}

describe("drill-down: each figure opens a list with the same count", () => {
  // The lists compute "today" themselves; the figures that depend on it (stalled, overdue) are
  // compared with a context whose today is the real one.
  const realToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

  for (const who of ["manager", "admin", "staff"] as const) {
    it(`every figure type, for the ${who}`, async () => {
      const viewer = who === "manager" ? manager : who === "admin" ? admin : sa1;
      const ctx = await ctxFor(viewer);
      const dc = drill(ctx);
      const checks: [string, string, Record<string, unknown>][] = [];

      const sumOf = (rows: { count: number }[]) => rows.reduce((n, s) => n + s.count, 0);
      const today = await funnel(db, ctx);
      for (const s of today) checks.push([`funnel ${s.stage}`, links.funnel(dc, s.stage), { count: s.count }]);
      checks.push(["在推项目", links.active(dc), { count: sumOf(today) }]);
      // Days early and late in their month, read from the start of the history and back from its end.
      for (const asOf of ["2025-06-15", "2025-05-31", "2026-03-10", "2026-03-20", "2026-06-14"]) {
        const past = await ctxFor(viewer, { asOf });
        const then = await funnel(db, past);
        for (const s of then) checks.push([`funnel ${s.stage} as of ${asOf}`, links.funnel(drill(past), s.stage), { count: s.count }]);
        checks.push([`在推项目 as of ${asOf}`, links.active(drill(past)), { count: sumOf(then) }]);
      }

      // The period's figures as the page shows them, and as of an earlier day (the period then ends on it).
      for (const pc of [ctx, await ctxFor(viewer, { asOf: "2026-04-30" })]) {
        const dc = drill(pc);
        const at = pc === ctx ? "" : ` as of ${pc.asOf}`;
        const p = await periodFigures(db, pc);
        checks.push([at + "new leads", links.leads(dc), { count: p.leads }]);
        checks.push([at + "signings", links.signed(dc), { count: p.signed, contract: p.contract }]);
        checks.push([at + "亿元以上", links.big(dc), { count: p.big, contract: p.bigContract }]);
        checks.push([at + "三个500强", links.big(dc, "top500"), { count: p.top500 }]);
        checks.push([at + "央企", links.big(dc, "central_soe"), { count: p.centralSoe }]);
        checks.push([at + "上市", links.big(dc, "listed"), { count: p.listed }]);

        const t = await targetActuals(db, pc);
        checks.push([at + "year's signings", links.yearSigned(dc), { count: t.signedCount, contract: t.signedInvestment }]);
        checks.push([at + "construction starts", links.yearReached(dc, "construction"), { count: t.constructionStarts }]);
        checks.push([at + "operating", links.yearReached(dc, "operating"), { count: t.operatingProjects }]);

        const trend = await monthlyTrend(db, pc);
        for (const m of trend.months) checks.push([at + `month ${m.month}`, links.month(dc, trend.year, m.month), { count: m.count, contract: m.contract }]);
        for (const m of trend.lastMonths) checks.push([at + `last year's month ${m.month}`, links.month(dc, trend.lastYear, m.month), { count: m.count, contract: m.contract }]);

        const b = await breakdowns(db, pc);
        for (const r of b.chain) checks.push([at + `chain ${r.name}`, links.byChain(dc, r.key), { count: r.count, contract: r.contract }]);
        for (const r of b.park) checks.push([at + `park ${r.name}`, links.byPark(dc, r.key), { count: r.count, contract: r.contract }]);
        for (const r of b.source) checks.push([at + `source ${r.key}`, links.bySource(dc, r.key), { count: r.count, contract: r.contract }]);
        for (const r of b.unit) checks.push([at + `unit ${r.name}`, links.byUnit(dc, r.key), { count: r.count, contract: r.contract }]);
        for (const r of b.owner) checks.push([at + `owner ${r.name}`, links.byOwner(dc, r.key), { count: r.count, contract: r.contract }]);

        for (const r of await league(db, pc)) {
          for (const kind of ["visit", "reception", "promotion_event"] as const) {
            checks.push([at + `${r.name} ${kind}`, links.ownerActivities(dc, r.ownerId, kind), { activities: r[kind] }]);
          }
          checks.push([at + `${r.name} signings`, links.ownerSignings(dc, r.ownerId), { count: r.signings }]);
          checks.push([at + `${r.name} starts`, links.ownerStarts(dc, r.ownerId), { count: r.starts }]);
        }

        for (const r of await conversion(db, pc)) checks.push([at + `reached ${r.stage}`, links.reached(dc, r.stage), { count: r.reached }]);
      }

      for (const c of [ctx, await ctxFor(viewer, { asOf: "2026-04-30" })]) {
        const k = await cohort(db, c);
        const d = drill(c);
        const when = ` as of ${c.asOf}`;
        checks.push(["cohort" + when, links.cohort(d), { count: k.count, contract: k.contract }]);
        checks.push(["funds" + when, links.cohortFunds(d), { count: k.count, funds: k.funds }]);
        checks.push(["注册" + when, links.cohortReached(d, "registered"), { count: k.registered }]);
        checks.push(["注册 pending" + when, links.cohortPending(d, "registered"), { count: k.registeredPending }]);
        checks.push(["开工" + when, links.cohortReached(d, "construction"), { count: k.started }]);
        checks.push(["开工 pending" + when, links.cohortPending(d, "construction"), { count: k.startedPending }]);
        checks.push(["投产" + when, links.cohortReached(d, "operating"), { count: k.operating }]);
        checks.push(["投产 pending" + when, links.cohortPending(d, "operating"), { count: k.operatingPending }]);
        checks.push(["履约" + when, links.cohortKept(d, "yes"), { count: k.kept }]);
        checks.push(["履约 pending" + when, links.cohortKept(d, "pending"), { count: k.keptPending }]);
      }

      const live = await dashboardContext(db, viewer, dashboardSchema.parse({}), realToday);
      const ld = drill(live);
      const stalled = await stalledByOwner(db, live);
      checks.push(["stalled", links.stalled(ld), { count: stalled.reduce((s, r) => s + r.count, 0) }]);
      for (const r of stalled) checks.push([`stalled ${r.name}`, links.stalled(ld, r.userId), { count: r.count }]);
      const overdue = await overdueByAssignee(db, live);
      checks.push(["overdue", links.overdue(ld), { count: overdue.reduce((s, r) => s + r.count, 0) }]);
      for (const r of overdue) checks.push([`overdue ${r.name}`, links.overdue(ld, r.userId), { count: r.count }]);

      for (const park of await landByPark(db, ctx)) {
        for (const [status, v] of Object.entries(park.byStatus)) {
          checks.push([`land ${park.name} ${status}`, links.parcels(park.parkId, status as ParcelStatus), { count: v.parcels, area: v.area }]);
        }
      }

      const g = await gridClosure(db, ctx);
      checks.push(["grids", links.grids(dc), { count: g.received, resolved: g.resolved }]);
      for (const r of g.grids) {
        checks.push([`grid ${r.code} received`, links.grid(dc, r.gridId), { count: r.received }]);
        checks.push([`grid ${r.code} resolved`, links.grid(dc, r.gridId, "resolved"), { count: r.resolved }]);
      }

      // The stalled and overdue figures must not all be zero, or the test would prove little.
      expect(stalled.length + overdue.length).toBeGreaterThan(0);
      for (const [name, href, expected] of checks) {
        const got = await open(viewer, href);
        const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, (got as Record<string, unknown>)[k]]));
        // Sums over no rows come back as "0"; as "0.00" when there were rows.
        const norm = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === "string" ? Number(v) : v]));
        expect(norm(picked), `${name}: ${href}`).toEqual(norm(expected));
      }
      expect(checks.length).toBeGreaterThan(60);
    });
  }
});


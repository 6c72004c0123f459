/**
 * The dashboard's summary tables (db/schema/dashboard.ts, kept by triggers in migration 0013)
 * stay right under writes: after each kind of write through the app's services — and after
 * writes that bypass them (archiving, a hard delete, an enterprise's tags) — the tables as the
 * triggers left them equal a rebuild from scratch, and the figures move as the writes say.
 */
import { sql } from "drizzle-orm";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { enterprises, industryChains, milestones, parks, projects } from "@/db/schema";
import type { Viewer } from "@/lib/auth/roles";
import { cohort, dashboardContext, funnel, league, overdueByAssignee, periodFigures, stalledByOwner, targetActuals } from "@/lib/dashboard/queries";
import { dashboardSchema } from "@/lib/dashboard/validation";
import { todayInChina } from "@/lib/i18n/format";
import { reviewReport, saveReport, setMilestonePlan } from "@/lib/milestones/service";
import { addActivity, addTask, changeStage, createProject, setTaskDone, updateProject } from "@/lib/projects/service";
import { addFundsEntry, updateSigning } from "@/lib/signings/service";
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer } from "./fixtures";

const { db, url } = await createTestDb();
const today = todayInChina();
const year = Number(today.slice(0, 4));

let manager: Viewer, staff: Viewer, other: Viewer;
let chain: string, park: string, enterprise: string;

/** Everything the triggers keep, sorted, sums that came to zero left out (a rebuild has none). */
async function snapshot(d: Db) {
  const q = async (text: string) => (await d.execute(sql.raw(text))).rows;
  return {
    facts: await q(`select * from dash_facts order by project_id`),
    signed: await q(`select * from dash_signed order by project_id`),
    pipeline: await q(`select * from dash_pipeline where n <> 0 or total <> 0 order by unit_id, owner_id, chain_id, park_id, stage`),
    funnel: await q(`select * from dash_funnel where n <> 0 or total <> 0 order by g, d, unit_id, owner_id, chain_id, park_id, stage`),
    cube: await q(`select * from dash_cube
      where leads <> 0 or reached1 <> 0 or reached2 <> 0 or reached3 <> 0 or reached4 <> 0 or reached5 <> 0 or reached6 <> 0 or reached7 <> 0
         or reached8 <> 0 or signed <> 0 or contract <> 0 or big <> 0 or big_contract <> 0 or top500 <> 0 or central_soe <> 0 or listed <> 0
         or starts <> 0 or operating <> 0 or visits <> 0 or receptions <> 0 or promotions <> 0 or idle <> 0 or open_tasks <> 0
      order by g, d, unit_id, owner_id, chain_id, park_id`),
    source: await q(`select * from dash_cube_source where signed <> 0 or contract <> 0 order by g, d, unit_id, owner_id, chain_id, park_id, source`),
  };
}

/** The tables as the triggers left them equal a rebuild from the rows (which is then kept). */
async function expectConsistent() {
  const incremental = await snapshot(db);
  await db.execute(sql`select dash_rebuild()`);
  const rebuilt = await snapshot(db);
  expect(incremental.facts).toEqual(rebuilt.facts);
  expect(incremental.signed).toEqual(rebuilt.signed);
  expect(incremental.pipeline).toEqual(rebuilt.pipeline);
  expect(incremental.funnel).toEqual(rebuilt.funnel);
  expect(incremental.cube).toEqual(rebuilt.cube);
  expect(incremental.source).toEqual(rebuilt.source);
  return rebuilt;
}

const figures = async (viewer: Viewer, query: Record<string, string> = {}) => {
  const ctx = await dashboardContext(db, viewer, dashboardSchema.parse(query), today);
  const [f, p, a, c, l, s] = await Promise.all([funnel(db, ctx), periodFigures(db, ctx), targetActuals(db, ctx), cohort(db, ctx), league(db, ctx), stalledByOwner(db, ctx)]);
  return { funnel: Object.fromEntries(f.map((x) => [x.stage, x.count])), period: p, actuals: a, cohort: c, league: l, stalled: s };
};

async function newProject(name: string, opts: { yi?: string; owner?: Viewer } = {}) {
  const owner = opts.owner ?? staff;
  return createProject(db, owner, {
    name,
    enterpriseId: enterprise,
    industryChainId: chain,
    source: "walk_in",
    totalInvestmentYi: opts.yi ?? "2",
    capitalOrigin: "local",
    ownerId: owner.id,
    unitId: owner.unitId,
    isKey: false,
    expectedSigningDate: "",
  });
}

const sign = (viewer: Viewer, id: string, version: number, contractYi = "1.5") =>
  changeStage(db, viewer, id, { toStage: "signed", toStatus: "active", signingDate: today, agreementType: "investment", contractInvestmentYi: contractYi, version });

beforeAll(async () => {
  const zone = await insertUnit(db, { name: "高新区投资促进部" });
  const group = await insertUnit(db, { name: "生物医药招商组", parentId: zone.id });
  const north = await insertUnit(db, { name: "市北区" });
  manager = await insertViewer(db, "manager", zone.id);
  staff = await insertViewer(db, "staff", group.id);
  other = await insertViewer(db, "staff", north.id);
  const [c] = await db.insert(industryChains).values({ code: "S-C1", name: "生物医药" }).returning();
  const [pk] = await db.insert(parks).values({ name: "汇总测试园" }).returning();
  const [e] = await db.insert(enterprises).values({ name: "汇总测试企业", unitId: group.id, tags: [] }).returning();
  chain = c!.id;
  park = pk!.id;
  enterprise = e!.id;
});

describe("summary tables under writes", () => {
  it("start empty and consistent", async () => {
    await expectConsistent();
    expect((await figures(manager)).period.leads).toBe(0);
  });

  it("follow a project through the pipeline: created, moved, signed, reported, approved, funded", async () => {
    const p = await newProject("汇总测试一号");
    expect((await figures(manager)).funnel.lead).toBe(1);
    expect((await figures(manager)).period.leads).toBe(1);
    const moved = await changeStage(db, staff, p.id, { toStage: "negotiating", toStatus: "active", version: p.version });
    const signed = await sign(staff, p.id, moved.version);
    let f = await figures(manager);
    expect(f.funnel).toMatchObject({ lead: 0, negotiating: 0, signed: 1 });
    expect(f.period).toMatchObject({ signed: 1, contract: "150000000.00", big: 1 });
    expect(f.cohort).toMatchObject({ count: 1, registered: 0, kept: 1 });

    // A plan already due and a report: pending, then approved.
    await setMilestonePlan(db, staff, p.id, {
      dates: { registered: today, land_secured: null, construction: null, completed: null, operating: null },
      versions: { registered: 0, land_secured: 0, construction: 0, completed: 0, operating: 0 },
    });
    f = await figures(manager);
    expect(f.cohort).toMatchObject({ kept: 0, keptPending: 0 }); // registration due today, not reported
    const [plan] = await db.select().from(milestones).where(eq(milestones.projectId, p.id));
    const report = await saveReport(db, staff, p.id, {
      stage: "registered",
      actualDate: today,
      companyName: "汇总测试（青岛）有限公司",
      companyUscc: "91350200776049653A",
      submit: true,
      confirmOrder: true,
      version: plan!.version,
    });
    f = await figures(manager);
    expect(f.cohort).toMatchObject({ registered: 0, registeredPending: 1, keptPending: 1 });
    await reviewReport(db, manager, report.id, { decision: "approve", comment: "", version: report.version });
    f = await figures(manager);
    expect(f.cohort).toMatchObject({ registered: 1, registeredPending: 0, kept: 1 });
    expect(f.funnel).toMatchObject({ signed: 0, registered: 1 });

    await addFundsEntry(db, staff, p.id, { receivedOn: today, amountYi: "0.5", note: "" });
    expect((await figures(manager)).cohort.funds).toBe("50000000.00");
    void signed;
    await expectConsistent();
  });

  it("follow edits: the project's unit, chain, park and amount, its signing, its activities", async () => {
    const p = await newProject("汇总测试二号", { yi: "0.8" });
    const signed = await sign(staff, p.id, p.version, "0.6");
    await addActivity(db, staff, p.id, { kind: "visit", occurredOn: today, summary: "走访企业" });
    await addActivity(db, staff, p.id, { kind: "reception", occurredOn: today, summary: "接待来访" });
    // A task already overdue, then done: the overdue count follows.
    const task = await addTask(db, staff, p.id, { title: "报送材料", assigneeId: staff.id, dueDate: "2020-01-01" });
    const overdueBefore = await overdueByAssignee(db, await dashboardContext(db, manager, dashboardSchema.parse({}), today));
    expect(overdueBefore.find((r) => r.userId === staff.id)?.count).toBeGreaterThanOrEqual(1);
    await setTaskDone(db, staff, task.id, true);
    const overdueAfter = await overdueByAssignee(db, await dashboardContext(db, manager, dashboardSchema.parse({}), today));
    expect(overdueAfter.find((r) => r.userId === staff.id)?.count ?? 0).toBe(overdueBefore.find((r) => r.userId === staff.id)!.count - 1);
    let f = await figures(manager);
    const row = () => f.league.find((r) => r.ownerId === staff.id)!;
    expect(row()).toMatchObject({ visit: 1, reception: 1 });
    const before = f.period;

    // Total investment up to 3 亿: now 亿元以上; the chain and park change; the signing's amount too.
    const [current] = await db.select().from(projects).where(eq(projects.id, p.id));
    await updateProject(db, staff, p.id, {
      name: current!.name,
      enterpriseId: enterprise,
      industryChainId: null,
      source: "online",
      totalInvestmentYi: "3",
      capitalOrigin: "local",
      ownerId: staff.id,
      unitId: staff.unitId,
      isKey: false,
      expectedSigningDate: "",
      version: signed.version,
    });
    await db.update(projects).set({ parkId: park }).where(eq(projects.id, p.id));
    f = await figures(manager);
    expect(f.period.big).toBe(before.big + 1);
    expect((await figures(manager, { park })).period.signed).toBe(1);
    expect((await figures(manager, { chain: "none" })).league.find((r) => r.ownerId === staff.id)).toMatchObject({ visit: 1, reception: 1 });
    await updateSigning(db, staff, p.id, { signingDate: today, agreementType: "investment", contractInvestmentYi: "2.5", version: 1 });
    await expectConsistent();
  });

  it("follow writes the services do not make: archiving, an enterprise's tags, a hard delete, a move to another unit", async () => {
    const p = await newProject("汇总测试三号", { yi: "5" });
    await sign(staff, p.id, p.version, "4");
    let f = await figures(manager);
    const signedBefore = f.period.signed;
    await db.update(enterprises).set({ tags: ["世界500强"] }).where(eq(enterprises.id, enterprise));
    f = await figures(manager);
    expect(f.period.top500).toBeGreaterThan(0);
    await expectConsistent();

    // Archived (归档): it leaves every figure; restored: back again.
    await db.update(projects).set({ archivedAt: new Date() }).where(eq(projects.id, p.id));
    expect((await figures(manager)).period.signed).toBe(signedBefore - 1);
    await expectConsistent();
    await db.update(projects).set({ archivedAt: null }).where(eq(projects.id, p.id));
    expect((await figures(manager)).period.signed).toBe(signedBefore);
    await expectConsistent();

    // To another district: out of the manager's figures, into that staff member's own.
    await db.update(projects).set({ unitId: other.unitId, ownerId: other.id }).where(eq(projects.id, p.id));
    expect((await figures(manager)).period.signed).toBe(signedBefore - 1);
    expect((await figures(other)).period.signed).toBe(1);
    await expectConsistent();

    await db.delete(projects).where(eq(projects.id, p.id));
    expect((await figures(other)).period.signed).toBe(0);
    await expectConsistent();
  });

  it("stay right when two people write at once", async () => {
    const a = await newProject("并发一号");
    const b = await newProject("并发二号");
    const before = await figures(manager);
    // Two connections, the same unit, owner, chain and day: the same summary rows.
    const { createDb, createPool } = await import("@/db/client");
    const pool2 = createPool(url, 2);
    try {
      const db2 = createDb(pool2);
      await Promise.all([
        changeStage(db, staff, a.id, { toStage: "negotiating", toStatus: "active", version: a.version }),
        changeStage(db2, staff, b.id, { toStage: "negotiating", toStatus: "active", version: b.version }),
        addActivity(db, staff, a.id, { kind: "visit", occurredOn: today, summary: "走访" }),
        addActivity(db2, staff, b.id, { kind: "visit", occurredOn: today, summary: "走访" }),
      ]);
    } finally {
      await pool2.end();
    }
    const after = await figures(manager);
    expect(after.funnel.negotiating).toBe(before.funnel.negotiating! + 2);
    expect(after.league.find((r) => r.ownerId === staff.id)!.visit).toBe(before.league.find((r) => r.ownerId === staff.id)!.visit + 2);
    await expectConsistent();
  });

  it("hold the largest valid amounts: an amount beyond 100,000 亿元 is refused at its field, and every sum column is unbounded", async () => {
    // 9,999,999,999.9999 亿元 used to pass the form and overflow numeric(20,2) in the sums (a 500 for the whole unit).
    await expect(newProject("超大金额项目", { yi: "9999999999.9999" })).rejects.toMatchObject({ status: 422, fields: { totalInvestmentYi: ["projects.errors.amount"] } });
    await newProject("最大金额项目甲", { yi: "100000" });
    await newProject("最大金额项目乙", { yi: "100000" });
    const rebuilt = await expectConsistent();
    expect(rebuilt.pipeline.length).toBeGreaterThan(0);
    const { rows } = await db.execute<{ column: string; precision: number | null }>(sql`
      select table_name || '.' || column_name as column, numeric_precision as precision from information_schema.columns
       where table_schema = 'public' and table_name in ('dash_pipeline', 'dash_funnel', 'dash_cube', 'dash_cube_source') and data_type = 'numeric'
       order by 1`);
    expect(rows).toEqual(["dash_cube.big_contract", "dash_cube.contract", "dash_cube_source.contract", "dash_funnel.total", "dash_pipeline.total"].map((column) => ({ column, precision: null })));
  });

  it("the as-of funnel from the summaries equals the replay, for every day of the history", async () => {
    // The funnel as of each day since the first project, from the summary tables, against a
    // replay of the stage events straight from the table.
    const { rows } = await db.execute<{ day: string }>(sql`
      select distinct (at at time zone 'Asia/Shanghai')::date::text as day from stage_events order by 1`);
    for (const { day } of rows) {
      for (const d of [day, new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)]) {
        if (d >= today) continue;
        const ctx = await dashboardContext(db, manager, dashboardSchema.parse({ asOf: d }), today);
        const fromSummaries = (await funnel(db, ctx)).filter((s) => s.count).map((s) => [s.stage, s.count]);
        const { rows: replay } = await db.execute<{ stage: string; n: number }>(sql`
          select p.stage, count(*)::int as n from projects
           cross join lateral (select to_stage as stage, to_status as status from stage_events
                                where project_id = projects.id and at < (${d}::date::timestamp at time zone 'Asia/Shanghai' + interval '1 day')
                                order by at desc, id desc limit 1) p
           where p.status = 'active' and projects.archived_at is null
             and projects.unit_id in (select id from units where id = ${manager.unitId} or parent_id = ${manager.unitId})
           group by p.stage order by array_position(enum_range(null::project_stage), p.stage)`);
        expect(fromSummaries, d).toEqual(replay.map((r) => [r.stage, r.n]));
      }
    }
    expect(year).toBeGreaterThan(2000);
  });
});

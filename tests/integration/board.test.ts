import { beforeAll, describe, expect, it } from "vitest";
import { enterprises, industryChains, projects, signings, type Unit } from "@/db/schema";
import type { ProjectStage, ProjectStatus } from "@/db/schema/enums";
import type { Viewer } from "@/lib/auth/roles";
import { sumYuan } from "@/lib/money";
import { BOARD_PAGE_SIZE, filtersToQuery, loadBoard, loadStageCards, loadStageTotals, parseBoardFilters } from "@/lib/projects/board";
import { boardWhere, listStageCards, stageTotals } from "@/lib/projects/queries";
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer } from "./fixtures";

const { db } = await createTestDb();

let zone: Unit; // 高新区投资促进部: the manager's unit
let bio: Unit; // 生物医药招商组, below it: staff's unit
let north: Unit; // 健康谷招商专班, elsewhere: staff2's unit
let staff: Viewer, staff2: Viewer, manager: Viewer, admin: Viewer;
let chainId: string;
const LEADS = 45;
const leadAmounts: string[] = [];

type Row = { name: string; unitId: string; ownerId: string; stage?: ProjectStage; status?: ProjectStatus; amount?: string; isKey?: boolean; chain?: boolean };

async function insertProjects(enterpriseId: string, rows: Row[]) {
  return db
    .insert(projects)
    .values(
      rows.map((r) => ({
        name: r.name,
        enterpriseId,
        unitId: r.unitId,
        ownerId: r.ownerId,
        stage: r.stage ?? "lead",
        status: r.status ?? "active",
        totalInvestment: r.amount ?? "0",
        isKey: r.isKey ?? false,
        industryChainId: r.chain ? chainId : null,
      })),
    )
    .returning({ id: projects.id, name: projects.name });
}

beforeAll(async () => {
  zone = await insertUnit(db, { name: "青岛高新区投资促进部" });
  bio = await insertUnit(db, { name: "生物医药招商组", parentId: zone.id });
  north = await insertUnit(db, { name: "健康谷招商专班" });
  admin = await insertViewer(db, "admin", zone.id);
  manager = await insertViewer(db, "manager", zone.id);
  staff = await insertViewer(db, "staff", bio.id);
  staff2 = await insertViewer(db, "staff", north.id);
  [{ id: chainId }] = (await db.insert(industryChains).values({ code: "BIO", name: "生物医药" }).returning({ id: industryChains.id })) as [{ id: string }];
  const [bioEnt] = await db.insert(enterprises).values({ name: "华东医药科技有限公司", unitId: bio.id }).returning();
  const [northEnt] = await db.insert(enterprises).values({ name: "健康谷康养集团", unitId: north.id }).returning();

  const leads: Row[] = [];
  for (let i = 0; i < LEADS; i++) {
    // Amounts with fen that floats would get wrong when summed: 0.1 + 0.2 亿元 and the like.
    const amount = `${10_000_000 * (i + 1)}.${String(i % 100).padStart(2, "0")}`;
    leadAmounts.push(amount);
    leads.push({ name: `线索项目 ${String(i).padStart(2, "0")}`, unitId: bio.id, ownerId: staff.id, amount, isKey: i % 10 === 0, chain: i < 5 });
  }
  await insertProjects(bioEnt!.id, leads);
  const [signed] = await insertProjects(bioEnt!.id, [
    { name: "创新药产业化基地", unitId: bio.id, ownerId: staff.id, stage: "signed", amount: "1500000000" },
    { name: "医疗器械研发中心", unitId: bio.id, ownerId: staff.id, stage: "intent", status: "on_hold", amount: "300000000" },
  ]);
  await db.insert(signings).values({ projectId: signed!.id, signingDate: "2026-03-01", contractInvestment: "1200000000" });
  await insertProjects(northEnt!.id, [
    { name: "健康谷康养综合体", unitId: north.id, ownerId: staff2.id, amount: "800000000" },
    { name: "健康谷智慧医院", unitId: north.id, ownerId: staff2.id, stage: "intent", amount: "200000000" },
  ]);
});

const active = parseBoardFilters({});

describe("board visibility", () => {
  it("staff see their unit's columns only, with exact sums", async () => {
    const totals = await loadStageTotals(db, staff, active);
    expect(totals.lead).toEqual({ count: LEADS, total: sumYuan(leadAmounts) });
    expect(totals.signed).toEqual({ count: 1, total: "1500000000.00" });
    expect(totals.intent).toEqual({ count: 0, total: "0" }); // the paused one is not active
    expect(totals.operating).toEqual({ count: 0, total: "0" });
    const cards = await listStageCards(db, await boardWhere(db, staff, active), "intent", 0, 50);
    expect(cards).toEqual([]);
  });

  it("another unit's staff see none of them", async () => {
    const totals = await stageTotals(db, await boardWhere(db, staff2, active));
    expect(totals.get("lead")).toEqual({ count: 1, total: "800000000.00" });
    expect(totals.get("intent")).toEqual({ count: 1, total: "200000000.00" });
    expect(totals.get("signed")).toBeUndefined();
    const names = (await listStageCards(db, await boardWhere(db, staff2, active), "lead", 0, 100)).map((c) => c.name);
    expect(names).toEqual(["健康谷康养综合体"]);
  });

  it("a manager sees the units below theirs, not other districts'", async () => {
    const board = await loadBoard(db, manager, active);
    const lead = board.find((c) => c.stage === "lead")!;
    expect(lead.count).toBe(LEADS);
    expect(lead.cards).toHaveLength(BOARD_PAGE_SIZE);
    expect(lead.cards.some((c) => c.name.startsWith("健康谷"))).toBe(false);
    expect(board.map((c) => c.stage)).toEqual(["lead", "negotiating", "intent", "signed", "registered", "land_secured", "construction", "completed", "operating"]);
  });

  it("an admin sees everything", async () => {
    const totals = await loadStageTotals(db, admin, active);
    expect(totals.lead.count).toBe(LEADS + 1);
    expect(totals.intent.count).toBe(1);
  });
});

describe("board filters", () => {
  it("shows active projects unless statuses are asked for", async () => {
    expect(active.status).toEqual(["active"]);
    const paused = parseBoardFilters({ status: "on_hold" });
    const cards = await loadStageCards(db, staff, paused, "intent", 0);
    expect(cards.map((c) => [c.name, c.status])).toEqual([["医疗器械研发中心", "on_hold"]]);
    const all = await loadStageTotals(db, staff, parseBoardFilters({ status: "active,on_hold,lost" }));
    expect(all.intent.count).toBe(1);
  });

  it("ignores a stage filter: every stage is a column", async () => {
    const totals = await loadStageTotals(db, staff, parseBoardFilters({ stage: "signed" }));
    expect(totals.lead.count).toBe(LEADS);
  });

  it("applies text, key, chain, owner and unit filters to counts and cards alike", async () => {
    const cases: [Record<string, string>, number][] = [
      [{ q: "线索项目 0" }, 10],
      [{ q: "华东医药" }, LEADS], // by enterprise name
      [{ key: "1" }, 5],
      [{ chain: chainId }, 5],
      [{ owner: staff2.id }, 0],
      [{ unit: zone.id }, LEADS], // a unit means its subtree
      [{ unit: north.id }, 0],
      // 4 to 4.5 亿元, exactly: lead 39 (4 亿 and 0.39 元) is in, lead 44 (4.5 亿 and 0.44 元) is out.
      [{ minYi: "4", maxYi: "4.5" }, 5],
    ];
    for (const [raw, expected] of cases) {
      const filters = parseBoardFilters(raw);
      const [totals, cards] = await Promise.all([loadStageTotals(db, manager, filters), listStageCards(db, await boardWhere(db, manager, filters), "lead", 0, 100)]);
      expect([raw, totals.lead.count]).toEqual([raw, expected]);
      expect([raw, cards.length]).toEqual([raw, expected]);
    }
  });

  it("writes the filters back as a query string the list understands", () => {
    const filters = parseBoardFilters({ q: "医药", key: "1", source: "online,walk_in", status: "active,lost" });
    const query = filtersToQuery(filters);
    expect(new URLSearchParams(query).getAll("source")).toEqual(["online", "walk_in"]);
    // As Next.js hands it to the page: a repeated key becomes an array.
    const search: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(query)) search[k] = k in search ? ([] as string[]).concat(search[k]!, v) : v;
    expect(parseBoardFilters(search)).toEqual(filters);
  });
});

describe("board paging", () => {
  it("pages a column in disjoint pages that together hold every card", async () => {
    const pages = [];
    for (let offset = 0; ; offset += BOARD_PAGE_SIZE) {
      const page = await loadStageCards(db, staff, active, "lead", offset);
      pages.push(page);
      if (page.length < BOARD_PAGE_SIZE) break;
    }
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
    const ids = pages.flat().map((c) => c.id);
    expect(new Set(ids).size).toBe(LEADS);
    const all = await listStageCards(db, await boardWhere(db, staff, active), "lead", 0, 1000);
    expect(new Set(ids)).toEqual(new Set(all.map((c) => c.id)));
  });

  it("gives each card what the stage dialog needs", async () => {
    const [signed] = await loadStageCards(db, staff, active, "signed", 0);
    expect(signed).toMatchObject({ name: "创新药产业化基地", hasSigning: true, version: 1, stage: "signed", status: "active", totalInvestment: "1500000000.00" });
    const [lead] = await loadStageCards(db, staff, active, "lead", 0);
    expect(lead).toMatchObject({ hasSigning: false, version: 1, enterpriseName: "华东医药科技有限公司" });
    expect(Object.keys(lead!).sort()).toEqual(
      ["enterpriseName", "hasSigning", "id", "isKey", "name", "ownerName", "pendingStage", "stage", "status", "totalInvestment", "version"].sort(),
    );
  });
});

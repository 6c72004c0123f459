import ExcelJS from "exceljs";
import { and, desc, eq } from "drizzle-orm";
import type pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, enterprises, events, fundsInPlace, industryChains, milestones, parcels, parks, projects, signings, type Unit } from "@/db/schema";
import type { ProjectStage, ProjectStatus, ReviewStatus } from "@/db/schema/enums";
import type { Viewer } from "@/lib/auth/roles";
import { ForbiddenError } from "@/lib/errors";
import { sumYuan, yuanToYi } from "@/lib/money";
import { assertCanExportSigned, canExportSigned } from "@/lib/signed/access";
import { EXPORT_COLUMNS, stageText } from "@/lib/signed/columns";
import { exportPipeline, PIPELINE_COLUMNS } from "@/lib/projects/export";
import { listProjects } from "@/lib/projects/queries";
import { projectListSchema } from "@/lib/projects/validation";
import { exportSignedProjects, type ExportFormat, type ExportResult } from "@/lib/signed/export";
import { listSignedProjects, signedTotals, signedWhere } from "@/lib/signed/queries";
import { signedListSchema, type SignedExportParams } from "@/lib/signed/validation";
import { parseCsv } from "../support/csv-parse";
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer } from "./fixtures";

const { db } = await createTestDb();
const pool = (db as Db & { $client: pg.Pool }).$client;

let zone: Unit, bio: Unit, north: Unit;
let admin: Viewer, manager: Viewer, staff: Viewer, staff2: Viewer, steward: Viewer;
let ceremonyId: string, promoId: string, parkA: string, parkB: string;
const ids: Record<string, string> = {};

type P = {
  key: string;
  name: string;
  unitId: () => string;
  ownerId: () => string;
  stage: ProjectStage;
  status?: ProjectStatus;
  total: string;
  description?: string;
  park?: () => string;
  landNeedMu?: string;
  signing: { date: string; contract: string; phase1?: string; event?: () => string; agreement?: "framework" | "investment" | "formal_contract"; progress?: string; issues?: string; note?: string };
  reports?: [ProjectStage, ReviewStatus][];
};

// Amounts carry fen, so sums that went through floating point would be off.
const PROJECTS: P[] = [
  {
    key: "P1",
    name: '创新药"一号"产业化基地, 一期',
    unitId: () => bio.id,
    ownerId: () => staff.id,
    stage: "signed",
    total: "1512340000.37",
    description: "研发中心\n生产线",
    park: () => parkA,
    signing: { date: "2023-04-06", contract: "1200000000.10", phase1: "500000000.05", event: () => ceremonyId, progress: "项目公司注册材料已提交", issues: "环评手续待办理", note: "=1+1" },
  },
  {
    key: "P2",
    name: "医疗器械研发中心",
    unitId: () => bio.id,
    ownerId: () => staff.id,
    stage: "construction",
    total: "300000000.01",
    park: () => parkA,
    signing: { date: "2023-04-06", contract: "250000000.02", event: () => ceremonyId, agreement: "formal_contract" },
    reports: [
      ["registered", "approved"],
      ["land_secured", "approved"],
      ["construction", "approved"],
      ["completed", "pending"],
    ],
  },
  {
    key: "P3",
    name: "体外诊断试剂项目",
    unitId: () => bio.id,
    ownerId: () => staff.id,
    stage: "registered",
    total: "80000000.03",
    landNeedMu: "20",
    signing: { date: "2024-05-10", contract: "60000000.04", event: () => promoId, agreement: "framework" },
    reports: [
      ["registered", "approved"],
      ["land_secured", "rejected"],
    ],
  },
  {
    key: "P4",
    name: "康复辅具项目",
    unitId: () => bio.id,
    ownerId: () => staff.id,
    stage: "signed",
    status: "on_hold",
    total: "45000000.05",
    signing: { date: "2025-01-15", contract: "40000000.06" },
    reports: [["registered", "draft"]],
  },
  // Signed once, then moved back to 意向: its signing row stays, but it is not on the list.
  { key: "P5", name: "退回意向的项目", unitId: () => bio.id, ownerId: () => staff.id, stage: "intent", total: "10000000.00", signing: { date: "2024-01-01", contract: "10000000.00" } },
  { key: "P6", name: "高新区总部项目", unitId: () => zone.id, ownerId: () => manager.id, stage: "operating", total: "2000000000.07", signing: { date: "2022-12-01", contract: "1800000000.08" } },
  {
    key: "N1",
    name: "健康谷康养综合体",
    unitId: () => north.id,
    ownerId: () => staff2.id,
    stage: "signed",
    total: "700000000.09",
    park: () => parkB,
    signing: { date: "2023-04-06", contract: "650000000.10", event: () => ceremonyId },
  },
];
const byKey = (key: string) => PROJECTS.find((p) => p.key === key)!;

beforeAll(async () => {
  zone = await insertUnit(db, { name: "青岛高新区投资促进部" });
  bio = await insertUnit(db, { name: "生物医药招商组", parentId: zone.id });
  north = await insertUnit(db, { name: "健康谷招商专班" });
  admin = await insertViewer(db, "admin", zone.id);
  manager = await insertViewer(db, "manager", zone.id);
  staff = await insertViewer(db, "staff", bio.id);
  steward = await insertViewer(db, "staff", bio.id);
  staff2 = await insertViewer(db, "staff", north.id);
  const [chain] = await db.insert(industryChains).values({ code: "BIO", name: "生物医药及医疗器械" }).returning();
  [{ id: parkA }, { id: parkB }] = (await db
    .insert(parks)
    .values([{ name: "生物医药及医疗器械产业园" }, { name: "健康谷" }])
    .returning({ id: parks.id })) as [{ id: string }, { id: string }];
  [{ id: ceremonyId }, { id: promoId }] = (await db
    .insert(events)
    .values([
      { name: "高新区生物医药及医疗器械、精密仪器仪表产业园集中签约仪式", kind: "signing_ceremony", heldOn: "2023-04-06" },
      { name: "生物医药产业专场推介会", kind: "promotion_event", heldOn: "2024-05-10" },
    ])
    .returning({ id: events.id })) as [{ id: string }, { id: string }];
  const [bioEnt] = await db
    .insert(enterprises)
    .values({ name: "华东医药科技有限公司", unitId: bio.id, headquarters: "浙江省杭州市", tags: ["上市公司", "专精特新"], industryCode: "C2720" })
    .returning();
  const [northEnt] = await db.insert(enterprises).values({ name: "健康谷康养集团", unitId: north.id }).returning();

  for (const p of PROJECTS) {
    const [row] = await db
      .insert(projects)
      .values({
        name: p.name,
        enterpriseId: p.unitId() === north.id ? northEnt!.id : bioEnt!.id,
        unitId: p.unitId(),
        ownerId: p.ownerId(),
        stage: p.stage,
        status: p.status ?? "active",
        totalInvestment: p.total,
        industryChainId: chain!.id,
        description: p.description ?? "",
        parkId: p.park?.() ?? null,
        landNeedMu: p.landNeedMu ?? null,
        responsibleLeader: p.key === "P1" ? "刘志强（高新区管委会主任）" : "",
      })
      .returning({ id: projects.id });
    ids[p.key] = row!.id;
    await db.insert(signings).values({
      projectId: row!.id,
      signingDate: p.signing.date,
      contractInvestment: p.signing.contract,
      phase1Investment: p.signing.phase1 ?? null,
      eventId: p.signing.event?.() ?? null,
      agreementType: p.signing.agreement ?? "investment",
      stewardId: p.key === "P1" ? steward.id : null,
      responsibleUnitId: p.key === "P1" ? bio.id : null,
      progress: p.signing.progress ?? "",
      issues: p.signing.issues ?? "",
      note: p.signing.note ?? "",
    });
    for (const [stage, reviewStatus] of p.reports ?? []) {
      await db.insert(milestones).values({ projectId: row!.id, stage, reviewStatus, actualDate: "2024-01-02" });
    }
  }
  // P2's land: two parcels (亩 with 6 decimals); and money in place in two entries.
  await db.insert(parcels).values([
    { code: "GX-02", parkId: parkA, areaMu: "12.333333", projectId: ids.P2 },
    { code: "GX-01", parkId: parkA, areaMu: "30.500000", projectId: ids.P2 },
    { code: "GX-09", parkId: parkA, areaMu: "99.000000" },
  ]);
  await db.insert(fundsInPlace).values([
    { projectId: ids.P2!, receivedOn: "2023-09-01", amount: "50000000.11" },
    { projectId: ids.P2!, receivedOn: "2024-03-01", amount: "20000000.22" },
  ]);
});

const list = (viewer: Viewer, query: Record<string, string | string[]> = {}) => listSignedProjects(db, viewer, signedListSchema.parse({ size: "200", ...query }));
const names = async (viewer: Viewer, query: Record<string, string | string[]> = {}) => (await list(viewer, query)).rows.map((r) => r.name).sort();
const nameOf = (...keys: string[]) => keys.map((k) => byKey(k).name).sort();

describe("signed list: visibility", () => {
  it("shows signed-or-later projects with their signing, as /projects scopes them", async () => {
    expect(await names(admin)).toEqual(nameOf("P1", "P2", "P3", "P4", "P6", "N1"));
    expect(await names(manager)).toEqual(nameOf("P1", "P2", "P3", "P4", "P6"));
    expect(await names(staff)).toEqual(nameOf("P1", "P2", "P3", "P4"));
  });

  it("staff2 sees none of staff's unit, and staff none of staff2's", async () => {
    expect(await names(staff2)).toEqual(nameOf("N1"));
    expect(await names(staff2, { event: ceremonyId })).toEqual(nameOf("N1"));
    expect(await names(staff, { event: ceremonyId })).toEqual(nameOf("P1", "P2"));
  });
});

describe("signed list: filters", () => {
  it("by signing-date range, inclusive at both ends", async () => {
    expect(await names(manager, { signedFrom: "2023-04-06", signedTo: "2024-05-10" })).toEqual(nameOf("P1", "P2", "P3"));
    expect(await names(manager, { signedFrom: "2023-04-07" })).toEqual(nameOf("P3", "P4"));
    expect(await names(manager, { signedTo: "2023-04-05" })).toEqual(nameOf("P6"));
  });

  it("by event, park and stage", async () => {
    expect(await names(admin, { event: ceremonyId })).toEqual(nameOf("P1", "P2", "N1"));
    expect(await names(manager, { event: promoId })).toEqual(nameOf("P3"));
    expect(await names(manager, { park: parkA })).toEqual(nameOf("P1", "P2"));
    expect(await names(admin, { park: parkB })).toEqual(nameOf("N1"));
    expect(await names(manager, { stage: "signed" })).toEqual(nameOf("P1", "P4"));
    expect(await names(manager, { stage: ["construction", "operating"] })).toEqual(nameOf("P2", "P6"));
  });

  it("by review status of the stage reports", async () => {
    expect(await names(manager, { review: "pending" })).toEqual(nameOf("P2"));
    expect(await names(manager, { review: "rejected" })).toEqual(nameOf("P3"));
    expect(await names(manager, { review: "draft" })).toEqual(nameOf("P4"));
    expect(await names(manager, { review: "clear" })).toEqual(nameOf("P1", "P6"));
  });

  it("with the /projects filters too (text, status, unit subtree)", async () => {
    expect(await names(manager, { q: "康复" })).toEqual(nameOf("P4"));
    expect(await names(manager, { status: "on_hold" })).toEqual(nameOf("P4"));
    expect(await names(manager, { unit: bio.id })).toEqual(nameOf("P1", "P2", "P3", "P4"));
  });

  it("drops malformed and out-of-range values instead of failing", async () => {
    const params = signedListSchema.parse({ stage: "lead,intent,signed", event: "x", park: "1", review: "bogus", signedFrom: "2023-02-30", sort: "hack", size: "7" });
    expect(params).toMatchObject({ stage: ["signed"], event: undefined, park: undefined, review: undefined, signedFrom: undefined, sort: "signingDate", dir: "desc", size: 50 });
    expect(await names(manager, { stage: "lead" })).toEqual(nameOf("P1", "P2", "P3", "P4", "P6"));
  });

  it("shows a report awaiting review beside the approved stage", async () => {
    const { rows } = await list(manager);
    const p2 = rows.find((r) => r.id === ids.P2)!;
    expect(p2).toMatchObject({ stage: "construction", pendingStages: ["completed"] });
    expect(stageText(p2)).toBe("开工（竣工审核中）");
    expect(stageText(rows.find((r) => r.id === ids.P4)!)).toBe("签约·搁置");
    expect(p2.parcelCodes).toBe("GX-01、GX-02");
    expect(p2.landMu).toBe("42.833333");
    expect(rows.find((r) => r.id === ids.P3)!.landMu).toBe("20.000000");
    expect(p2.fundsInPlace).toBe("70000000.33");
  });

  it("sorts and pages with the id breaking ties", async () => {
    const byDate = (await list(manager, { sort: "signingDate", dir: "asc" })).rows.map((r) => r.signingDate);
    expect(byDate).toEqual([...byDate].sort());
    const all = (await list(manager, { sort: "totalInvestment", dir: "desc" })).rows.map((r) => r.id);
    const pages = [];
    for (const page of ["1", "2", "3"]) pages.push(...(await listSignedProjects(db, manager, signedListSchema.parse({ sort: "totalInvestment", page, size: "20" }))).rows.map((r) => r.id));
    expect(pages).toEqual(all);
    expect(all[0]).toBe(ids.P6);
  });
});

describe("signed list: totals", () => {
  it("sum exactly over the whole filtered set, not the page", async () => {
    const keys = ["P1", "P2", "P3", "P4", "P6"];
    const { totals, rows } = await listSignedProjects(db, manager, signedListSchema.parse({ page: "1", size: "20", sort: "name" }));
    expect(rows.length).toBe(5);
    expect(totals).toEqual({
      count: 5,
      totalInvestment: sumYuan(keys.map((k) => byKey(k).total)),
      contractInvestment: sumYuan(keys.map((k) => byKey(k).signing.contract)),
      phase1Investment: "500000000.05",
      landMu: "62.833333",
      fundsInPlace: "70000000.33",
    });
    const page2 = await listSignedProjects(db, manager, signedListSchema.parse({ page: "2", size: "20" }));
    expect(page2.rows).toEqual([]);
    expect(page2.totals).toEqual(totals);
  });

  it("follow the filters and the viewer", async () => {
    const t = await signedTotals(db, await signedWhere(db, admin, signedListSchema.parse({ event: ceremonyId })));
    expect(t.count).toBe(3);
    expect(t.contractInvestment).toBe(sumYuan(["1200000000.10", "250000000.02", "650000000.10"]));
    const none = await signedTotals(db, await signedWhere(db, staff2, signedListSchema.parse({ park: parkA })));
    expect(none).toEqual({ count: 0, totalInvestment: "0", contractInvestment: "0", phase1Investment: "0", landMu: "0", fundsInPlace: "0" });
  });
});

async function runExport(viewer: Viewer, format: ExportFormat, query: Record<string, string | string[]> = {}) {
  const { page: _p, size: _s, ...params } = signedListSchema.parse(query);
  let result: ExportResult | undefined;
  const stream = await exportSignedProjects({ pool, db, viewer, params, format, ip: "127.0.0.9", now: new Date("2026-03-15T02:00:00Z"), onEnd: (r) => (result = r) });
  const buffer = Buffer.from(await new Response(stream).arrayBuffer());
  return { buffer, result: result!, params };
}

async function lastExportAudit() {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "export"), eq(auditLog.entityType, "signed_projects")))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row!;
}

/** 亿元 as written in the CSV (exact) → 元 in cents. */
function yiToCents(yi: string): bigint {
  const [whole, frac = ""] = yi.split(".");
  return BigInt(whole!) * 10n ** 10n + BigInt(frac.padEnd(10, "0"));
}

const yi = (yuan: string) => Number(yuanToYi(yuan, 10));
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-9);

describe("export: .xlsx", () => {
  it("reads back with the same rows, in the list's order, and the same sums as the database", async () => {
    const query = { sort: "totalInvestment", dir: "asc" };
    const { buffer, result } = await runExport(admin, "xlsx", query);
    const { rows, totals } = await list(admin, query);
    expect(result).toEqual({ rows: 6, completed: true });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe("签约项目清单");
    const title = String(sheet.getCell("A1").value);
    expect(title).toContain(admin.unitName);
    expect(title).toContain("全部签约项目");
    expect(title).toContain("2026-03-15 10:00");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(30);

    const col = (header: string) => EXPORT_COLUMNS.findIndex((c) => c.header === header) + 1;
    const data = Array.from({ length: rows.length }, (_, i) => sheet.getRow(3 + i));
    expect(data.map((r) => r.getCell(col("项目名称")).value)).toEqual(rows.map((r) => r.name));
    expect(data.map((r) => r.getCell(1).value)).toEqual(rows.map((_, i) => i + 1));
    for (const [i, r] of rows.entries()) {
      const x = data[i]!;
      close(x.getCell(col("总投资(亿元)")).value as number, yi(r.totalInvestment));
      close(x.getCell(col("协议投资额(亿元)")).value as number, yi(r.contractInvestment));
      expect(x.getCell(col("签约时间")).value).toEqual(new Date(`${r.signingDate}T00:00:00Z`));
      expect(x.getCell(col("签约活动")).value ?? null).toBe(r.eventName);
      expect(x.getCell(col("当前阶段")).value).toBe(stageText(r));
    }
    const p1 = data[rows.findIndex((r) => r.id === ids.P1)]!;
    expect(p1.getCell(col("投资方所在地")).value).toBe("浙江省杭州市");
    expect(p1.getCell(col("企业标签")).value).toBe("上市公司、专精特新");
    expect(p1.getCell(col("协议类型")).value).toBe("投资协议");
    expect(p1.getCell(col("项目服务管家")).value).toBe(steward.displayName);
    expect(p1.getCell(col("责任单位")).value).toBe("生物医药招商组");
    // A signing that chose "（同项目所属单位）": the project's own unit, as its page shows it.
    const p6 = data[rows.findIndex((r) => r.id === ids.P6)]!;
    expect(p6.getCell(col("责任单位")).value).toBe(zone.name);
    expect(rows.find((r) => r.id === ids.P6)!.responsibleUnitName).toBe(zone.name);
    expect(p1.getCell(col("备注")).value).toBe("=1+1"); // text, not a formula
    // Shown with every decimal (15.1234000037, not 15.12), so a copy saved "as shown" keeps the amount.
    expect(p1.getCell(col("总投资(亿元)")).numFmt).toBe("0.00########");
    expect(p1.getCell(col("签约时间")).numFmt).toBe("yyyy-mm-dd");
    const p2 = data[rows.findIndex((r) => r.id === ids.P2)]!;
    expect(p2.getCell(col("用地(亩)")).numFmt).toBe("0.00####");
    expect(p2.getCell(col("地块/载体")).value).toBe("GX-01、GX-02");
    close(p2.getCell(col("用地(亩)")).value as number, 42.833333);

    // The totals row: the database's sums, and what summing the column in Excel gives.
    const sumRow = sheet.getRow(3 + rows.length);
    expect(sumRow.getCell(col("项目名称")).value).toBe("合计（6 个项目）");
    for (const [header, total] of [
      ["总投资(亿元)", totals.totalInvestment],
      ["协议投资额(亿元)", totals.contractInvestment],
      ["一期投资(亿元)", totals.phase1Investment],
      ["到位资金(亿元)", totals.fundsInPlace],
    ] as const) {
      close(sumRow.getCell(col(header)).value as number, yi(total));
      close(data.reduce((s, r) => s + ((r.getCell(col(header)).value as number | null) ?? 0), 0), yi(total));
    }
    close(sumRow.getCell(col("用地(亩)")).value as number, Number(totals.landMu));
    expect(sheet.rowCount).toBe(3 + rows.length);
  });

  it("holds exactly the filtered rows, and says the filter in its title", async () => {
    const { buffer } = await runExport(manager, "xlsx", { event: ceremonyId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(String(sheet.getCell("A1").value)).toContain("签约活动：高新区生物医药及医疗器械、精密仪器仪表产业园集中签约仪式");
    expect(sheet.rowCount).toBe(2 + 2 + 1);
    expect(sheet.getRow(5).getCell(2).value).toBe("合计（2 个项目）");
  });

  it("writes an audit row with the filter and the row count when it finishes", async () => {
    await runExport(manager, "xlsx", { event: ceremonyId, review: "bogus" });
    const audit = await lastExportAudit();
    expect(audit).toMatchObject({ actorId: manager.id, action: "export", entityType: "signed_projects", ip: "127.0.0.9" });
    expect(audit.after).toMatchObject({ format: "xlsx", rowCount: 2, completed: true, filter: { event: ceremonyId }, sort: "signingDate", dir: "desc" });
    expect(audit.after!.summary).toContain("签约活动");
    expect((audit.after!.filter as Record<string, unknown>).review).toBeUndefined();
  });
});

describe("export: .csv", () => {
  it("is UTF-8 with a BOM, and parses back to the same rows", async () => {
    const { buffer, result } = await runExport(admin, "csv", { sort: "name", dir: "asc" });
    const { rows } = await list(admin, { sort: "name", dir: "asc" });
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buffer.toString("utf8").slice(1);
    const table = parseCsv(text);
    const col = (header: string) => EXPORT_COLUMNS.findIndex((c) => c.header === header);
    expect(table[0]).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    // The data rows, then the same totals row as the .xlsx.
    expect(table.length).toBe(1 + rows.length + 1);
    const sumRow = table.at(-1)!;
    expect(sumRow[col("项目名称")]).toBe(`合计（${rows.length} 个项目）`);
    expect(sumRow[col("序号")]).toBe("");
    expect(result.rows).toBe(rows.length);
    expect(table.slice(1, -1).map((r) => r[col("项目名称")])).toEqual(rows.map((r) => r.name));
    const p1 = table.slice(1)[rows.findIndex((r) => r.id === ids.P1)]!;
    expect(p1[col("项目名称")]).toBe('创新药"一号"产业化基地, 一期');
    expect(p1[col("建设内容")]).toBe("研发中心\n生产线");
    expect(p1[col("总投资(亿元)")]).toBe("15.1234000037");
    expect(p1[col("一期投资(亿元)")]).toBe("5.0000000005");
    expect(p1[col("签约时间")]).toBe("2023-04-06");
    expect(p1[col("备注")]).toBe("'=1+1"); // a formula-looking text stays text
    // Exact: 亿元 with every decimal, so summing the column gives the database's sum to the fen.
    const { totals } = await list(admin);
    for (const [header, total] of [
      ["协议投资额(亿元)", totals.contractInvestment],
      ["总投资(亿元)", totals.totalInvestment],
      ["到位资金(亿元)", totals.fundsInPlace],
    ] as const) {
      const cents = table.slice(1, -1).reduce((s, r) => s + (r[col(header)] ? yiToCents(r[col(header)]!) : 0n), 0n);
      expect(cents, header).toBe(BigInt(total.replace(".", "")));
      expect(yiToCents(sumRow[col(header)]!), `${header} in the totals row`).toBe(BigInt(total.replace(".", "")));
    }
    const audit = await lastExportAudit();
    expect(audit.after).toMatchObject({ format: "csv", rowCount: rows.length, completed: true });
  });

  it("exports only what a staff member sees, when staff may export", async () => {
    const { buffer } = await runExport(staff2, "csv");
    const table = parseCsv(buffer.toString("utf8").slice(1));
    expect(table.slice(1, -1).map((r) => r[1])).toEqual([byKey("N1").name]);
    expect(table.at(-1)![1]).toBe("合计（1 个项目）");
  });
});

describe("export: permissions and connections", () => {
  it("is for managers and admins; staff only with EXPORT_ALLOW_STAFF=1", () => {
    expect(canExportSigned(admin, {})).toBe(true);
    expect(canExportSigned(manager, {})).toBe(true);
    expect(canExportSigned(staff, {})).toBe(false);
    expect(canExportSigned(staff, { EXPORT_ALLOW_STAFF: "0" })).toBe(false);
    expect(canExportSigned(staff, { EXPORT_ALLOW_STAFF: "1" })).toBe(true);
    expect(() => assertCanExportSigned(staff, {})).toThrow(ForbiddenError);
  });

  it("releases its connection and records the partial export when the client goes away", async () => {
    const busy = () => pool.totalCount - pool.idleCount;
    expect(busy()).toBe(0);
    const { page: _p, size: _s, ...params } = signedListSchema.parse({});
    let result: ExportResult | undefined;
    const stream = await exportSignedProjects({ pool, db, viewer: admin, params: params as SignedExportParams, format: "xlsx", onEnd: (r) => (result = r) });
    const reader = stream.getReader();
    const first = await reader.read();
    expect(first.value?.length).toBeGreaterThan(0);
    expect(busy()).toBe(1); // the cursor's own connection
    await reader.cancel();
    expect(result?.completed).toBe(false);
    expect(busy()).toBe(0);
    const audit = await lastExportAudit();
    expect(audit.after).toMatchObject({ format: "xlsx", completed: false });
  });

  it("ends quietly when the client goes away in the middle of a read", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const format of ["xlsx", "csv"] as const) {
        const { page: _p, size: _s, ...params } = signedListSchema.parse({});
        let result: ExportResult | undefined;
        const stream = await exportSignedProjects({ pool, db, viewer: admin, params, format, onEnd: (r) => (result = r) });
        const reader = stream.getReader();
        const inFlight = reader.read();
        await reader.cancel();
        expect(await inFlight, format).toMatchObject({ done: true });
        expect(result?.completed, format).toBe(false);
        expect(pool.totalCount - pool.idleCount).toBe(0);
      }
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it("releases its connection after a finished export", async () => {
    await runExport(admin, "csv");
    await runExport(admin, "xlsx");
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });
});

describe("export: the 在谈项目清单 (/projects)", () => {
  async function pipeline(viewer: Viewer, format: ExportFormat, query: Record<string, string | string[]> = {}) {
    const { page: _p, size: _s, ...params } = projectListSchema.parse(query);
    let result: ExportResult | undefined;
    const stream = await exportPipeline({ pool, db, viewer, params, format, ip: "127.0.0.9", now: new Date("2026-03-15T02:00:00Z"), onEnd: (r) => (result = r) });
    return { buffer: Buffer.from(await new Response(stream).arrayBuffer()), result: result! };
  }
  const listed = async (viewer: Viewer, query: Record<string, string | string[]> = {}) => (await listProjects(db, viewer, projectListSchema.parse({ size: "200", ...query }))).rows;
  const col = (header: string) => PIPELINE_COLUMNS.findIndex((c) => c.header === header);

  it("holds the list's rows in the list's order, its own columns, and the totals row (CSV)", async () => {
    const query = { sort: "totalInvestment", dir: "asc" };
    const { buffer, result } = await pipeline(admin, "csv", query);
    const rows = await listed(admin, query);
    const table = parseCsv(buffer.toString("utf8").slice(1));
    expect(table[0]).toEqual(PIPELINE_COLUMNS.map((c) => c.header));
    expect(table[0]).not.toContain("协议投资额(亿元)");
    expect(table.slice(1, -1).map((r) => r[col("项目名称")])).toEqual(rows.map((r) => r.name));
    expect(result).toEqual({ rows: rows.length, completed: true });
    // Projects before 签约 are in it (the pipeline), with their stage in Chinese.
    const p5 = table.find((r) => r[col("项目名称")] === byKey("P5").name)!;
    expect(p5[col("当前阶段")]).toBe("意向");
    expect(p5[col("投资方来源地")]).toMatch(/^(本地|市外|省外|境外|港澳台)$/);
    const sumRow = table.at(-1)!;
    expect(sumRow[col("项目名称")]).toBe(`合计（${rows.length} 个项目）`);
    expect(yiToCents(sumRow[col("总投资(亿元)")]!)).toBe(BigInt(sumYuan(rows.map((r) => r.totalInvestment)).replace(".", "")));
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityType, "pipeline_projects")).orderBy(desc(auditLog.id)).limit(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, action: "export", ip: "127.0.0.9" });
    expect(audit[0]!.after).toMatchObject({ format: "csv", rowCount: rows.length, completed: true, sort: "totalInvestment", dir: "asc", summary: "全部项目" });
  });

  it("takes the list's filters and visibility, and names them in the .xlsx title", async () => {
    const { buffer } = await pipeline(manager, "xlsx", { stage: "intent" });
    const rows = await listed(manager, { stage: "intent" });
    expect(rows.length).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe("在谈项目清单");
    expect(String(sheet.getCell("A1").value)).toMatch(/^在谈项目清单　.*筛选条件：阶段：意向/);
    expect(sheet.rowCount).toBe(2 + rows.length + 1);
    expect(sheet.getRow(3).getCell(col("项目名称") + 1).value).toBe(rows[0]!.name);

    // Staff see (and export) only what the list shows them.
    const mine = await pipeline(staff2, "csv");
    const table = parseCsv(mine.buffer.toString("utf8").slice(1));
    expect(table.slice(1, -1).map((r) => r[col("项目名称")]).sort()).toEqual((await listed(staff2)).map((r) => r.name).sort());
    expect((await listed(admin)).length).toBeGreaterThan(table.length - 2);
  });
});

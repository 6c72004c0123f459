/**
 * Imports against real PostgreSQL: the dry run reports exactly the bad rows and writes nothing;
 * a failed import writes nothing; a good one lands in one go (signed projects on the signed
 * list); re-importing updates instead of duplicating; an exported 签约项目清单 imports back
 * unchanged; scope rules apply; an admin reverts an import. Hostile files (a zip bomb, a cell of
 * a gigabyte, too many rows or columns, an oversize upload) are refused early with the limit
 * named, and the import slots refuse a second import of a user and a third of the instance.
 */
import { Readable } from "node:stream";
import { and, count, eq, isNull } from "drizzle-orm";
import ExcelJS from "exceljs";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, enterprises, events, importChanges, imports, industryChains, parcels, parks, projects, signings, stageEvents } from "@/db/schema";
import type { ImportKind } from "@/db/schema/enums";
import type { Viewer } from "@/lib/auth/roles";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { takeImportSlot } from "@/lib/imports/guard";
import { listImports } from "@/lib/imports/queries";
import { ImportRefusedError } from "@/lib/imports/refusal";
import { revertImport, ImportChangedError } from "@/lib/imports/revert";
import { inspectSheet, runImport, type ImportReport } from "@/lib/imports/service";
import type { Mapping } from "@/lib/imports/validation";
import { updateProject } from "@/lib/projects/service";
import { exportSignedProjects } from "@/lib/signed/export";
import { listSignedProjects } from "@/lib/signed/queries";
import { signedListSchema } from "@/lib/signed/validation";
import { createTestDb } from "../support/db";
import { inlineRow, SHARED_HEAD, SHARED_TAIL, SHEET_HEAD, SHEET_TAIL, xlsxOf } from "../support/zip";
import { insertUnit, insertUser, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();
const pool = (db as Db & { $client: pg.Pool }).$client;

let admin: Viewer, manager: Viewer, staff: Viewer, otherManager: Viewer;

const file = (content: string | Buffer) => Readable.from([typeof content === "string" ? Buffer.from(content, "utf8") : content]);

function run(viewer: Viewer, kind: ImportKind, mode: "dry" | "commit", fileName: string, content: string | Buffer, opts: { mapping?: Mapping; skipInvalid?: boolean } = {}) {
  return runImport(db, viewer, { kind, mode, fileName, input: file(content), mapping: opts.mapping ?? null, skipInvalid: opts.skipInvalid });
}

async function totals() {
  const [[p], [e], [s], [a], [i]] = await Promise.all([
    db.select({ n: count() }).from(projects),
    db.select({ n: count() }).from(enterprises),
    db.select({ n: count() }).from(signings),
    db.select({ n: count() }).from(auditLog),
    db.select({ n: count() }).from(imports),
  ]);
  return { projects: p!.n, enterprises: e!.n, signings: s!.n, audit: a!.n, imports: i!.n };
}

const rowsOf = (r: ImportReport) => [...new Set(r.errors.map((e) => e.row))].sort((a, b) => a - b);

/** A 签约项目清单 as field staff keep it: Chinese headers, a title row above them. */
const HEADER = "项目名称,投资方,统一社会信用代码,内外资,总投资（亿元）,协议投资额(亿元),签约时间,签约活动,协议类型,所属产业链,招商专员,项目进展,备注";
function signedSheet(rows: string[]) {
  return ["2026年一季度签约项目清单,,,,,,,,,,,,", HEADER, ...rows].join("\r\n") + "\r\n";
}
const GOOD = [
  "国药科技城,国药控股租赁有限公司,91350200776049653A,本地,60,60,2023-04-06,高新区集中签约仪式,投资协议,生物医药,张华,一期开工,",
  "斯坦德医疗检测平台,斯坦德检测集团股份有限公司,,市外,5.5,5,2023/4/6,高新区集中签约仪式,框架协议,生物医药,张华,,",
  "朗森精密仪器智能制造,朗森特科技有限公司,,境外,3.2,3,2023年4月6日,高新区集中签约仪式,正式合同,,张华,,",
  "伟隆智能阀门制造,青岛伟隆阀门股份有限公司,,本地,2,2,20230406,,投资协议,,张华,,",
  "中科院合成生物平台,国药控股租赁有限公司,91350200776049653A,本地,10,8,2023-04-06,高新区集中签约仪式,投资协议,生物医药,张华,,",
];
/** Rows 3 and 5 of the file (the data's 2nd and 4th) are bad: an amount in words, a signing date in the future. */
const WITH_TWO_BAD = [GOOD[0]!, GOOD[1]!.replace(",5.5,5,", ",五亿五千万,5,"), GOOD[2]!, GOOD[3]!.replace("20230406", "2099-01-01"), GOOD[4]!];

beforeAll(async () => {
  const zone = await insertUnit(db, { name: "青岛高新区投资促进部" });
  const bio = await insertUnit(db, { name: "生物医药招商组", parentId: zone.id });
  const north = await insertUnit(db, { name: "健康谷招商专班" });
  admin = await insertViewer(db, "admin", zone.id);
  manager = await insertViewer(db, "manager", zone.id);
  const zhang = await insertUser(db, { unitId: bio.id, displayName: "张华", username: "zhanghua" });
  staff = { id: zhang.id, username: zhang.username, displayName: zhang.displayName, role: "staff", unitId: bio.id, unitName: bio.name };
  otherManager = await insertViewer(db, "manager", north.id);
  await db.insert(industryChains).values({ code: "BIO", name: "生物医药" });
  await db.insert(events).values({ name: "高新区集中签约仪式", kind: "signing_ceremony", heldOn: "2023-04-06" });
});

describe("importing a 签约项目清单 (projects with their signing facts)", () => {
  it("is for managers and admins", async () => {
    expect(await rejection(run(staff, "projects", "dry", "清单.csv", signedSheet(GOOD)))).toBeInstanceOf(ForbiddenError);
  });

  it("finds the header under the title row and maps the Chinese headers", async () => {
    const seen = await inspectSheet(manager, "projects", { input: file(signedSheet(GOOD)), fileName: "清单.csv" });
    expect(seen.headerRow).toBe(2);
    expect(seen.mapping).toMatchObject({ 项目名称: "name", 投资方: "enterpriseName", "总投资（亿元）": "totalInvestmentYi", 签约时间: "signingDate", 统一社会信用代码: "enterpriseUscc" });
    expect(seen.samples[0]![0]).toBe("国药科技城");
  });

  it("dry run: reports exactly the two bad rows, by row and column, and writes nothing", async () => {
    const before = await totals();
    const report = await run(manager, "projects", "dry", "清单.csv", signedSheet(WITH_TWO_BAD));
    expect(report).toMatchObject({ totalRows: 5, validRows: 3, invalidRows: 2, committed: false, importId: null });
    expect(rowsOf(report)).toEqual([4, 6]);
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 4, column: "总投资（亿元）", message: "projects.errors.amount", value: "五亿五千万" }),
      expect.objectContaining({ row: 6, column: "签约时间", message: "projects.errors.futureDate" }),
    ]);
    // The valid rows would create 3 projects and 2 investors (国药 once, for two rows).
    expect(report).toMatchObject({ created: 3 });
    expect(await totals()).toEqual(before);
  });

  it("commit with bad rows: refused, nothing written at all", async () => {
    const before = await totals();
    const report = await run(manager, "projects", "commit", "清单.csv", signedSheet(WITH_TWO_BAD));
    expect(report.committed).toBe(false);
    expect(report.invalidRows).toBe(2);
    expect(await totals()).toEqual(before);
  });

  it("after the fix: all rows land in one import, signed, on /signed; the investor is created once", async () => {
    const report = await run(manager, "projects", "commit", "清单.csv", signedSheet(GOOD));
    expect(report).toMatchObject({ committed: true, totalRows: 5, validRows: 5, created: 5, enterprisesCreated: 4 });
    const signed = await listSignedProjects(db, manager, signedListSchema.parse({ size: "200" }));
    expect(signed.rows.map((r) => r.name).sort()).toEqual(["中科院合成生物平台", "伟隆智能阀门制造", "国药科技城", "斯坦德医疗检测平台", "朗森精密仪器智能制造"]);
    const gy = signed.rows.find((r) => r.name === "国药科技城")!;
    expect(gy).toMatchObject({ stage: "signed", signingDate: "2023-04-06", contractInvestment: "6000000000.00", eventName: "高新区集中签约仪式", ownerName: "张华", chainName: "生物医药", progress: "一期开工" });
    expect(signed.rows.find((r) => r.name === "朗森精密仪器智能制造")).toMatchObject({ agreementType: "formal_contract", capitalOrigin: "foreign" });
    // Staff's unit owns them (the owner's unit), so staff see them too.
    expect((await listSignedProjects(db, staff, signedListSchema.parse({}))).rows.length).toBe(5);
    const [gyEnt] = await db.select().from(enterprises).where(eq(enterprises.uscc, "91350200776049653A"));
    expect((await db.select().from(projects).where(eq(projects.enterpriseId, gyEnt!.id))).length).toBe(2);
    // Recorded: who, which file, the counts; each record with its audit and change rows.
    const [imp] = await db.select().from(imports).where(eq(imports.id, report.importId!));
    expect(imp).toMatchObject({ fileName: "清单.csv", totalRows: 5, created: 5, updated: 0, createdById: manager.id, status: "committed" });
    expect((await db.select().from(importChanges).where(eq(importChanges.importId, imp!.id))).length).toBe(9);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "import"), eq(auditLog.entityId, imp!.id)));
    expect(audit!.after).toMatchObject({ fileName: "清单.csv", created: 5, enterprisesCreated: 4 });
    expect((await db.select({ n: count() }).from(stageEvents).where(eq(stageEvents.note, "导入")))[0]!.n).toBe(5);
    expect((await listImports(db, manager)).rows[0]).toMatchObject({ fileName: "清单.csv", created: 5 });
  });

  it("re-importing the same file changes nothing; a changed cell updates that project only", async () => {
    const before = await totals();
    const again = await run(manager, "projects", "commit", "清单.csv", signedSheet(GOOD));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(again.committed).toBe(false);
    expect((await totals()).projects).toBe(before.projects);

    const changed = [GOOD[0]!.replace(",60,60,", ",65,60,"), ...GOOD.slice(1)];
    const report = await run(manager, "projects", "commit", "清单-更新.csv", signedSheet(changed));
    expect(report).toMatchObject({ committed: true, created: 0, updated: 1, unchanged: 4 });
    const [p] = await db.select().from(projects).where(eq(projects.name, "国药科技城"));
    expect(p!.totalInvestment).toBe("6500000000.00");
    expect((await totals()).projects).toBe(before.projects);
  });

  it("an exported 签约项目清单 (.xlsx, with its title and totals rows) imports back with nothing to change", async () => {
    const { page: _p, size: _s, ...params } = signedListSchema.parse({});
    const stream = await exportSignedProjects({ pool, db, viewer: manager, params, format: "xlsx" });
    const chunks: Buffer[] = [];
    for await (const c of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
    const report = await run(manager, "projects", "dry", "签约项目清单-20260315.xlsx", Buffer.concat(chunks));
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ totalRows: 5, validRows: 5, created: 0, updated: 0, unchanged: 5 });
    expect(report.warnings).toEqual([]);
  });

  it("a just-exported list imports back with nothing to change however it comes back; the dry run lists each change, and the commit writes exactly that", async () => {
    // A project as the field sees them: land matched to a parcel (用地 is then the parcel's area,
    // not the need), 责任单位 left as the project's own unit, exact amounts, a leader, a steward,
    // text with commas and line breaks.
    const [gy] = await db.select().from(projects).where(eq(projects.name, "国药科技城"));
    const [park] = await db.insert(parks).values({ name: "健康谷园区" }).returning();
    await db.update(projects).set({ totalInvestment: "1512340000.00", responsibleLeader: "刘志强", landNeedMu: "50.000000", parkId: park!.id, description: "研发中心，生产线\n二期" }).where(eq(projects.id, gy!.id));
    await db.insert(parcels).values({ code: "JKG-01", parkId: park!.id, areaMu: "31.250000", projectId: gy!.id });
    await db.update(signings).set({ stewardId: staff.id, responsibleUnitId: null, progress: "一期开工, 二期报建" }).where(eq(signings.projectId, gy!.id));

    const { page: _p, size: _s, ...params } = signedListSchema.parse({});
    const exported = async (format: "xlsx" | "csv") => {
      const stream = await exportSignedProjects({ pool, db, viewer: manager, params, format });
      return Buffer.from(await new Response(stream).arrayBuffer());
    };
    const xlsx = await exported("xlsx");
    const csv = await exported("csv");
    const csvText = csv.toString("utf8").replace(/^\uFEFF/, "");
    // Re-saved by another program: a whole workbook written again (shared strings, its own styles), and a GBK CSV without a BOM.
    const resaved = new ExcelJS.Workbook();
    await resaved.xlsx.load(xlsx as unknown as ArrayBuffer);
    const resavedXlsx = Buffer.from(await resaved.xlsx.writeBuffer({ useSharedStrings: true } as never));
    const gbkCsv = Buffer.from(iconvGb18030(csvText));

    const before = await totals();
    for (const [name, content] of [
      ["签约项目清单.xlsx", xlsx],
      ["签约项目清单.csv", csv],
      ["签约项目清单-另存.xlsx", resavedXlsx],
      ["签约项目清单-gbk.csv", gbkCsv],
    ] as const) {
      const dry = await run(manager, "projects", "dry", name, content);
      expect(dry.errors, name).toEqual([]);
      expect(dry, name).toMatchObject({ validRows: dry.totalRows, created: 0, updated: 0, unchanged: dry.totalRows, changes: [] });
      expect(dry.totalRows, name).toBeGreaterThanOrEqual(5);
      const again = await run(manager, "projects", "commit", name, content);
      expect(again, name).toMatchObject({ committed: false, created: 0, updated: 0 });
    }
    expect(await totals()).toEqual(before);

    // Two cells changed in the CSV: the dry run names that row and each field, before → after.
    const edited = csvText.replace("刘志强", "王建国").replace(/,15\.1234,/, ",16,");
    const dry = await run(manager, "projects", "dry", "签约项目清单-改.csv", edited);
    expect(dry).toMatchObject({ updated: 1, created: 0 });
    const row = csvText.split("\r\n").findIndex((l) => l.includes("国药科技城")) + 1;
    expect(dry.changes).toEqual([
      {
        row,
        op: "update",
        entity: "project",
        name: "国药科技城",
        fields: [
          { column: "包靠领导", before: "刘志强", after: "王建国" },
          { column: "总投资(亿元)", before: "15.1234 亿元", after: "16.00 亿元" },
        ],
      },
    ]);
    // The commit does exactly that: the same list, those two fields written, nothing else.
    const done = await run(manager, "projects", "commit", "签约项目清单-改.csv", edited);
    expect(done).toMatchObject({ committed: true, updated: 1, created: 0 });
    expect(done.changes).toEqual(dry.changes);
    const [after] = await db.select().from(projects).where(eq(projects.id, gy!.id));
    expect(after).toMatchObject({ totalInvestment: "1600000000.00", responsibleLeader: "王建国", landNeedMu: "50.000000", description: "研发中心，生产线\n二期" });
    const [change] = await db.select().from(importChanges).where(eq(importChanges.importId, done.importId!));
    expect(Object.keys(change!.before as object).sort()).toEqual(["responsibleLeader", "totalInvestment", "version"]);
    expect((await db.select().from(signings).where(eq(signings.projectId, gy!.id)))[0]!.responsibleUnitId).toBeNull();
  });

  it("the dry run lists each row it would create, with its values", async () => {
    const dry = await run(manager, "projects", "dry", "新.csv", signedSheet(["康养中心项目,新康养有限公司,,省外,3.5,,,,,,张华,,"]));
    expect(dry.changes).toEqual([
      expect.objectContaining({
        row: 3,
        op: "create",
        name: "康养中心项目",
        fields: expect.arrayContaining([
          { column: "投资方", before: "", after: "新康养有限公司（新建）" },
          { column: "总投资（亿元）", before: "", after: "3.50 亿元" },
          { column: "招商专员", before: "", after: "张华" },
        ]),
      }),
    ]);
  });

  it("skipping the invalid rows lands every valid one", async () => {
    const rows = ["康复辅具项目,康复大学科技园有限公司,,本地,1.2,,,,,,张华,,", "坏项目,某公司,,本地,abc,,,,,,张华,,"];
    const report = await run(manager, "projects", "commit", "部分.csv", signedSheet(rows), { skipInvalid: true });
    expect(report).toMatchObject({ committed: true, created: 1, invalidRows: 1 });
    const [p] = await db.select().from(projects).where(eq(projects.name, "康复辅具项目"));
    expect(p!.stage).toBe("lead");
    expect((await db.select().from(projects).where(eq(projects.name, "坏项目"))).length).toBe(0);
  });

  it("applies the same scope rules as the form", async () => {
    const rows = ["越权项目,某科技有限公司,,本地,1,,,,,,张华,,"];
    // Another unit's manager may not give the project to someone of a unit outside their scope.
    const report = await run(otherManager, "projects", "dry", "越权.csv", signedSheet(rows));
    expect(report.errors).toEqual([expect.objectContaining({ row: 3, column: "招商专员", message: "projects.errors.ownerOutOfScope" })]);
    // Nor take over an investor registered by another unit, by its USCC.
    const byCode = await run(otherManager, "projects", "dry", "越权.csv", signedSheet([GOOD[0]!.replace(",张华,", ",,")]));
    expect(byCode.errors).toEqual([expect.objectContaining({ column: "统一社会信用代码", message: "enterprises.errors.usccTaken" })]);
    // A row named twice in one file is reported at the second.
    const twice = await run(manager, "projects", "dry", "重复.csv", signedSheet(["新项目甲,新公司,,本地,1,,,,,,张华,,", "新项目甲,新公司,,本地,2,,,,,,张华,,"]));
    expect(twice.errors).toEqual([expect.objectContaining({ row: 4, message: "imports.errors.duplicateRow", params: { row: 3 } })]);
  });

  it("refuses a mapping without the required fields, naming them", async () => {
    const e = (await rejection(run(manager, "projects", "dry", "清单.csv", signedSheet(GOOD), { mapping: { 项目名称: "name" } }))) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.fields?._missing).toEqual(["enterpriseName", "totalInvestmentYi"]);
  });

  it("an admin reverts an import: created projects archived, updated ones back; refused once a record changed since", async () => {
    const first = await run(manager, "projects", "commit", "撤销.csv", signedSheet(["待撤销项目,撤销测试公司,,本地,1,,,,,,张华,,"]));
    const update = await run(manager, "projects", "commit", "撤销-2.csv", signedSheet(["待撤销项目,撤销测试公司,,本地,7,,,,,,张华,,", "另一个新项目,撤销测试公司,,本地,2,,,,,,张华,,"]));
    expect(update).toMatchObject({ committed: true, created: 1, updated: 1 });
    expect(await rejection(revertImport(db, manager, update.importId!))).toBeInstanceOf(ForbiddenError);

    const result = await revertImport(db, admin, update.importId!);
    expect(result).toMatchObject({ archived: 1, restored: 1 });
    const [kept] = await db.select().from(projects).where(eq(projects.name, "待撤销项目"));
    expect(kept!.totalInvestment).toBe("100000000.00");
    expect(kept!.archivedAt).toBeNull();
    const [gone] = await db.select().from(projects).where(eq(projects.name, "另一个新项目"));
    expect(gone!.archivedAt).not.toBeNull();
    expect((await db.select().from(imports).where(eq(imports.id, update.importId!)))[0]!.status).toBe("reverted");

    // The first import's project has been edited since (by the revert, and now by hand): its revert is refused.
    const current = kept!;
    await updateProject(db, manager, current.id, {
      name: current.name,
      enterpriseId: current.enterpriseId,
      source: current.source,
      totalInvestmentYi: "3",
      capitalOrigin: current.capitalOrigin,
      ownerId: current.ownerId,
      unitId: current.unitId,
      version: current.version,
    });
    const again = await run(manager, "projects", "commit", "撤销-3.csv", signedSheet(["待撤销项目,撤销测试公司,,本地,9,,,,,,张华,,"]));
    const [p] = await db.select().from(projects).where(eq(projects.name, "待撤销项目"));
    await db.update(projects).set({ description: "手工修改", version: p!.version + 1 }).where(eq(projects.id, p!.id));
    expect(await rejection(revertImport(db, admin, again.importId!))).toBeInstanceOf(ImportChangedError);
    expect((await db.select().from(projects).where(eq(projects.id, p!.id)))[0]!.totalInvestment).toBe("900000000.00");
    expect(first.committed).toBe(true);
  });
});

describe("importing investors", () => {
  it("creates, then matches by USCC and by exact name; reports an unreadable ownership type", async () => {
    const csv = [
      "企业名称,统一社会信用代码,企业性质,所在地,企业标签",
      "海克斯康测量技术（青岛）有限公司,913502000728319549,外资,青岛,链主企业、世界500强",
      "艾普智能仪器有限公司,,民营企业,青岛,专精特新",
      "智腾微电子有限公司,,火星企业,青岛,",
    ].join("\n");
    const dry = await run(manager, "enterprises", "dry", "企业.csv", csv);
    expect(dry.errors).toEqual([expect.objectContaining({ row: 4, column: "企业性质", message: "enterprises.errors.ownershipType" })]);
    const done = await run(manager, "enterprises", "commit", "企业.csv", csv, { skipInvalid: true });
    expect(done).toMatchObject({ committed: true, created: 2 });
    const [hx] = await db.select().from(enterprises).where(eq(enterprises.uscc, "913502000728319549"));
    expect(hx).toMatchObject({ ownershipType: "foreign", tags: ["链主企业", "世界500强"], unitId: manager.unitId });

    const again = ["企业名称,统一社会信用代码,网址", "海克斯康（改名）,913502000728319549,www.hexagon.com", "艾普智能仪器有限公司,,www.aipu.cn"].join("\n");
    const updated = await run(manager, "enterprises", "commit", "企业-2.csv", again);
    expect(updated).toMatchObject({ committed: true, created: 0, updated: 2 });
    expect((await db.select().from(enterprises).where(eq(enterprises.uscc, "913502000728319549")))[0]).toMatchObject({ name: "海克斯康（改名）", website: "www.hexagon.com", tags: ["链主企业", "世界500强"] });
    expect((await db.select({ n: count() }).from(enterprises).where(and(eq(enterprises.name, "艾普智能仪器有限公司"), isNull(enterprises.archivedAt))))[0]!.n).toBe(1);
  });

  it("reads a GB18030 CSV as Excel on a Chinese Windows saves it", async () => {
    const text = "企业名称,所在地\r\n青岛金水集团,李沧区\r\n";
    const gbk = Buffer.from(new Uint8Array(iconvGb18030(text)));
    const report = await run(manager, "enterprises", "dry", "企业-gbk.csv", gbk);
    expect(report).toMatchObject({ totalRows: 1, validRows: 1, created: 1 });
    expect(report.headers).toEqual(["企业名称", "所在地"]);
  });

  it("reads an .xlsx made by Excel (shared strings, date cells)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.addRow(["项目名称", "投资方", "总投资(亿元)", "签约时间", "协议投资额(亿元)", "招商专员"]);
    ws.addRow(["海尔生物安全科创产业园", "海尔生物医疗科技有限公司", 5, new Date(Date.UTC(2023, 5, 15)), 5, "张华"]);
    ws.getCell("D2").numFmt = "yyyy/m/d";
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const report = await run(manager, "projects", "dry", "excel.xlsx", buffer);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ totalRows: 1, validRows: 1, created: 1 });
  });
});

/** Runs `fn` with these environment variables set (the import limits are read at every import). */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The refusal `promise` ends with, checked to be an ImportRefusedError of that status and limit. */
async function refusal(promise: Promise<unknown>, status: number, limit?: string): Promise<ImportRefusedError> {
  const e = (await rejection(promise)) as ImportRefusedError;
  expect(e).toBeInstanceOf(ImportRefusedError);
  expect({ status: e.status, limit: e.limit?.name }).toEqual({ status, limit });
  return e;
}

const ENTERPRISE_HEADER = ["企业名称", "所在地"];

/** A sheet of shared strings expanding to `mb` MB: one distinct string per KB, each referenced by no cell but the first. */
const sharedBomb = (mb: number, declaredSize?: number) => ({
  repeat: { head: SHARED_HEAD, body: (i: number) => `<si><t>${"招商引资".repeat(80)}${i}</t></si>`, times: mb * 1024, tail: SHARED_TAIL },
  declaredSize,
});

describe("hostile files are refused early, naming the limit; the process stays up", () => {
  const sheet = SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + SHEET_TAIL;

  it("a zip bomb of shared strings (honest sizes): refused by the ratio before it is inflated", async () => {
    const bomb = await xlsxOf({ sheet, shared: sharedBomb(300) });
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const t0 = Date.now();
    const rss = process.memoryUsage().rss;
    const e = await refusal(run(manager, "enterprises", "dry", "炸弹.xlsx", bomb), 422, "ratio");
    expect(e.limit).toMatchObject({ max: 100, env: "IMPORT_MAX_RATIO" });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
  });

  it("a zip bomb that lies about its size: refused while inflating, within seconds and bounded memory", async () => {
    const bomb = await xlsxOf({ sheet, shared: sharedBomb(300, 10_000) });
    const t0 = Date.now();
    const rss = process.memoryUsage().rss;
    await refusal(inspectSheet(manager, "enterprises", { input: file(bomb), fileName: "炸弹.xlsx" }), 422, "ratio");
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
    // With the ratio allowed, the total of what the parts expand to stops it.
    await withEnv({ IMPORT_MAX_RATIO: "100000", IMPORT_MAX_UNZIPPED_BYTES: "64M" }, () =>
      refusal(inspectSheet(manager, "enterprises", { input: file(bomb), fileName: "炸弹.xlsx" }), 413, "unzipped"),
    );
    // And with that allowed too, the shared strings' own limits.
    await withEnv({ IMPORT_MAX_RATIO: "100000", IMPORT_MAX_UNZIPPED_BYTES: "2G", IMPORT_MAX_SHARED_STRINGS: "50000" }, () =>
      refusal(inspectSheet(manager, "enterprises", { input: file(bomb), fileName: "炸弹.xlsx" }), 422, "sharedStrings"),
    );
  });

  it("a cell of 1 GiB: refused (its declared size; with the sizes allowed, the cell's length, at its row)", async () => {
    const huge = await xlsxOf({
      sheet: { repeat: { head: SHEET_HEAD + inlineRow(1, ENTERPRISE_HEADER) + '<row r="2"><c r="A2" t="inlineStr"><is><t>', body: "A", times: 1024 ** 3, tail: `</t></is></c></row>${SHEET_TAIL}` } },
    });
    expect(huge.length).toBeLessThan(2 * 1024 * 1024);
    await refusal(run(manager, "enterprises", "dry", "大单元格.xlsx", huge), 413, "unzipped");
    const t0 = Date.now();
    const e = await withEnv({ IMPORT_MAX_RATIO: "100000", IMPORT_MAX_UNZIPPED_BYTES: "2G" }, () => refusal(run(manager, "enterprises", "dry", "大单元格.xlsx", huge), 422, "cell"));
    expect(e.limit).toMatchObject({ max: 32_767, row: 2 });
    expect(e.values).toMatchObject({ row: 2, limit: "32,767" });
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it("too many columns (a cell far to the right) and too many rows", async () => {
    const wide = await xlsxOf({ sheet: SHEET_HEAD + inlineRow(1, ENTERPRISE_HEADER) + '<row r="2"><c r="ZZZ2" t="inlineStr"><is><t>x</t></is></c></row>' + SHEET_TAIL });
    const cols = await refusal(run(manager, "enterprises", "dry", "宽.xlsx", wide), 422, "columns");
    expect(cols.limit).toMatchObject({ max: 500, row: 2 });
    const rows = ["企业名称,所在地", ...Array.from({ length: 10 }, (_, i) => `行数测试企业${i},青岛`)].join("\n");
    await withEnv({ IMPORT_MAX_ROWS: "5" }, () => refusal(run(manager, "enterprises", "dry", "长.csv", rows), 422, "rows"));
    await withEnv({ IMPORT_MAX_COLUMNS: "3" }, () => refusal(run(manager, "enterprises", "dry", "宽.csv", "企业名称,所在地,a,b,c\n某公司,青岛,1,2,3\n"), 422, "columns"));
  });

  it("a CSV cell over the cell limit, and an upload over IMPORT_MAX_BYTES (413)", async () => {
    const long = `企业名称,所在地\n某公司,${"青".repeat(5000)}\n`;
    const e = await withEnv({ IMPORT_MAX_CELL_CHARS: "1000" }, () => refusal(run(manager, "enterprises", "dry", "长单元格.csv", long), 422, "cell"));
    expect(e.limit).toMatchObject({ max: 1000, row: 2 });
    const big = `企业名称,所在地\n${"某公司,青岛\n".repeat(200)}`;
    const tooBig = await withEnv({ IMPORT_MAX_BYTES: "1000" }, () => refusal(run(manager, "enterprises", "dry", "大.csv", big), 413, "bytes"));
    expect(tooBig).toMatchObject({ code: "import_too_large", values: { limit: "1000 B" } });
    expect(tooBig.limit).toMatchObject({ env: "IMPORT_MAX_BYTES" });
  });

  it("a reader that runs out of its memory stops alone: the import is refused (422), the next one works", async () => {
    const bomb = await xlsxOf({ sheet, shared: sharedBomb(300) });
    await withEnv({ IMPORT_MAX_RATIO: "100000", IMPORT_MAX_UNZIPPED_BYTES: "2G", IMPORT_MAX_SHARED_STRINGS: "10000000", IMPORT_WORKER_MEMORY_MB: "32" }, async () => {
      const e = await refusal(run(manager, "enterprises", "dry", "炸弹.xlsx", bomb), 422, undefined);
      expect(e.message).toBe("imports.errors.crashed");
    });
    const after = await run(manager, "enterprises", "dry", "企业.csv", "企业名称,所在地\n崩溃之后的企业,青岛\n");
    expect(after).toMatchObject({ totalRows: 1, validRows: 1 });
  });
});

describe("reading .xlsx cells", () => {
  it("rows and cells without their r attribute take the next position (a 500 before)", async () => {
    const xlsx = await xlsxOf({
      sheet: SHEET_HEAD + inlineRow(0, ["企业名称", "所在地", "网址"], true) + inlineRow(0, ["无坐标企业甲", "青岛", "www.a.cn"], true) + '<row><c t="inlineStr"><is><t>无坐标企业乙</t></is></c><c r="C3" t="inlineStr"><is><t>www.b.cn</t></is></c></row>' + SHEET_TAIL,
    });
    const seen = await inspectSheet(manager, "enterprises", { input: file(xlsx), fileName: "无坐标.xlsx" });
    expect(seen).toMatchObject({ headerRow: 1, headers: ["企业名称", "所在地", "网址"], samples: [["无坐标企业甲", "青岛", "www.a.cn"], ["无坐标企业乙", "", "www.b.cn"]] });
    const report = await run(manager, "enterprises", "dry", "无坐标.xlsx", xlsx);
    expect(report).toMatchObject({ totalRows: 2, validRows: 2, created: 2 });
  });

  it("shared and rich text, numbers exactly, dates by built-in and custom formats (1900 and 1904), formulas' results, booleans, errors", async () => {
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>';
    const shared = SHARED_HEAD + '<si><t>名称</t></si><si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r><rPh><t>ふりがな</t></rPh></si><si><t xml:space="preserve">  留空  </t></si>' + SHARED_TAIL;
    const cells = [
      '<c r="A2" t="s"><v>1</v></c>',
      '<c r="B2" t="s"><v>2</v></c>',
      '<c r="C2"><v>0.30000000000000004</v></c>',
      '<c r="D2" s="1"><v>45092</v></c>',
      '<c r="E2" s="2"><v>45092.75</v></c>',
      '<c r="F2" s="3"><v>1234567.5</v></c>',
      '<c r="G2" t="str"><f>A2&amp;"x"</f><v>富文本x</v></c>',
      '<c r="H2"><f>1+1</f><v>2</v></c>',
      '<c r="I2" t="b"><v>1</v></c>',
      '<c r="J2" t="e"><v>#DIV/0!</v></c>',
      '<c r="K2" t="inlineStr"><is><r><t>内</t></r><r><t>联</t></r></is></c>',
      '<c r="L2"><f>NOW()</f></c>',
    ];
    const head = '<row r="1">' + "ABCDEFGHIJKL".split("").map((c) => `<c r="${c}1" t="s"><v>0</v></c>`).join("") + "</row>";
    const sheetXml = SHEET_HEAD + head + `<row r="2">${cells.join("")}</row>` + SHEET_TAIL;
    const seen = await inspectSheet(manager, "enterprises", { input: file(await xlsxOf({ sheet: sheetXml, shared, styles })), fileName: "单元格.xlsx" });
    expect(seen.samples[0]).toEqual(["富文本", "留空", "0.3", "2023-06-15", "2023-06-15", "1234567.5", "富文本x", "2", "true", "", "内联", ""]);
    const in1904 = await inspectSheet(manager, "enterprises", { input: file(await xlsxOf({ sheet: sheetXml, shared, styles, date1904: true })), fileName: "单元格.xlsx" });
    expect(in1904.samples[0]![3]).toBe("2027-06-16");
  });

  it("a file that is not a zip, named .xlsx, is refused as unreadable (422)", async () => {
    const e = await refusal(run(manager, "enterprises", "dry", "假的.xlsx", "企业名称,所在地\n某公司,青岛\n"), 422, undefined);
    expect(e).toMatchObject({ code: "import_unreadable", message: "imports.errors.unreadable" });
  });
});

describe("import slots", () => {
  it("one import at a time per user, IMPORT_CONCURRENCY per instance (429 with Retry-After), across instances by an advisory lock", async () => {
    const first = await takeImportSlot(db, manager);
    const again = await refusal(takeImportSlot(db, manager), 429, undefined);
    expect(again).toMatchObject({ code: "import_busy", message: "imports.errors.busyUser", retryAfter: 5 });
    const second = await takeImportSlot(db, admin);
    const busy = await refusal(takeImportSlot(db, otherManager), 429, undefined);
    expect(busy.message).toBe("imports.errors.busyServer");
    await first.release();
    await second.release();
    const third = await takeImportSlot(db, otherManager);
    await third.release();
    await third.release();

    // Another instance holds the manager's lock: this one waits for it briefly, then refuses.
    const other = await pool.connect();
    try {
      await other.query("select pg_advisory_lock(hashtext('crm:import-user'), hashtext($1))", [manager.id]);
      const t0 = Date.now();
      await refusal(takeImportSlot(db, manager), 429, undefined);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(1_500);
      await other.query("select pg_advisory_unlock(hashtext('crm:import-user'), hashtext($1))", [manager.id]);
      await (await takeImportSlot(db, manager)).release();
    } finally {
      other.release();
    }
  });
});

/** GB18030 bytes of a string, using the platform's encoder (Node has full ICU). */
function iconvGb18030(text: string): Uint8Array {
  // TextEncoder only encodes UTF-8: build the bytes from a decoder table of the few characters used.
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder("gb18030");
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...table.get(ch)!);
  }
  return new Uint8Array(out);
}

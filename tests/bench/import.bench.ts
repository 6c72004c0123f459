/**
 * The import at scale: a 签约项目清单 of IMPORT_BENCH_SCALE (default 100,000) signed projects —
 * Chinese headers under a title row, as the export writes it; 20,000 investors, five projects
 * each — as .csv and as .xlsx, imported through runImport (the function the route streams the
 * upload into) as the admin: a dry run, then the commit (one transaction), each timed with its
 * memory watched (peak growth of RSS and V8 heap over the level before, sampled every 20 ms).
 * The commit runs on a fresh copy of the database each time, so every run creates all the rows;
 * a last run re-imports the same file over the imported rows (every row an unchanged match).
 * Aim (reported, not enforced): the 100,000-row commit in ≤ 60 s, memory growth ≤ 300 MB.
 *
 * Run by `npm run bench -- --only import` (tests/bench/run.ts).
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import v8 from "node:v8";
import vm from "node:vm";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { createDb, createPool } from "../../db/client";
import { CEREMONY } from "../../db/demo-data";
import { migrateDatabase } from "../../db/migrate";
import { seed } from "../../db/seed";
import type { Viewer } from "../../lib/auth/roles";
import { runImport, type ImportReport } from "../../lib/imports/service";
import { csvLine } from "../../lib/signed/csv";
import { adminQuery, uniqueName, withDatabase } from "../support/test-server";
import { median } from "./support";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const MB = 1024 * 1024;
const AIM = { seconds: 60, growthMb: 300 };
const HEADERS = ["序号", "项目名称", "投资方", "投资方所在地", "内外资", "总投资(亿元)", "协议投资额(亿元)", "签约时间", "签约活动", "协议类型", "所属产业链", "招商专员", "项目进展", "备注"];
const ORIGINS = ["本地", "市外", "省外", "境外", "港澳台"];
const AGREEMENTS = ["框架协议", "投资协议", "正式合同"];
const CHAINS = ["医疗器械", "生物医药", "数字医疗", "新一代信息技术"];

/** Row i of the list: the same file every time for the same i. */
function row(i: number): string[] {
  const amount = ((i % 997) + 1) / 10;
  const day = 1 + (i % 28);
  return [
    String(i + 1),
    `导入基准项目 ${String(i).padStart(6, "0")}`,
    `基准投资企业 ${String(Math.floor(i / 5)).padStart(5, "0")} 有限公司`,
    "山东省青岛市",
    ORIGINS[i % ORIGINS.length]!,
    String(amount * 2),
    String(amount),
    `2024-${String(1 + (i % 12)).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
    CEREMONY,
    AGREEMENTS[i % AGREEMENTS.length]!,
    CHAINS[i % CHAINS.length]!,
    "李明",
    i % 3 === 0 ? "项目公司已注册，正在办理用地手续" : "",
    "",
  ];
}

async function writeCsv(file: string, n: number) {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write("\uFEFF" + csvLine(["签约项目清单　基准测试"]) + csvLine(HEADERS));
  for (let i = 0; i < n; i++) await write(csvLine(row(i)));
  out.end();
  await once(out, "finish");
}

async function writeXlsx(file: string, n: number) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet("签约项目清单");
  sheet.addRow(["签约项目清单　基准测试"]).commit();
  sheet.addRow(HEADERS).commit();
  for (let i = 0; i < n; i++) {
    const r = row(i);
    const [y, m, d] = r[7]!.split("-").map(Number);
    // Numbers as numbers and dates as dates, as Excel stores them.
    const cells: (string | number | Date)[] = [...r];
    cells[0] = i + 1;
    cells[5] = Number(r[5]);
    cells[6] = Number(r[6]);
    cells[7] = new Date(Date.UTC(y!, m! - 1, d!));
    const added = sheet.addRow(cells);
    added.getCell(8).numFmt = "yyyy-mm-dd";
    added.commit();
  }
  await workbook.commit();
}

type Sample = { ms: number; rssMb: number; heapMb: number; report: ImportReport };

async function watched(fn: () => Promise<ImportReport>): Promise<Sample> {
  gc();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > rss) rss = m.rss;
    if (m.heapUsed > heap) heap = m.heapUsed;
  };
  const timer = setInterval(sample, 20);
  const t0 = process.hrtime.bigint();
  try {
    const report = await fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    sample();
    return { ms, rssMb: (rss - base.rss) / MB, heapMb: (heap - base.heapUsed) / MB, report };
  } finally {
    clearInterval(timer);
  }
}

async function viewerOf(url: string, username: string): Promise<Viewer> {
  const pool = createPool(url, 1);
  try {
    const { rows } = await createDb(pool).execute<Viewer>(sql`
      select u.id, u.username, u.display_name as "displayName", u.role, u.unit_id as "unitId", n.name as "unitName"
        from users u join units n on n.id = u.unit_id where lower(u.username) = ${username}`);
    return rows[0]!;
  } finally {
    await pool.end();
  }
}

export type ImportBenchOptions = { adminUrl: string; scale: number; runs: number; keep?: boolean; log: (line: string) => void };

export async function runImportBench(opts: ImportBenchOptions): Promise<void> {
  const { log } = opts;
  const dir = await mkdtemp(path.join(os.tmpdir(), "crm-import-bench-"));
  const template = uniqueName("crm_test_bench_import");
  const copies: string[] = [];
  try {
    const t0 = Date.now();
    const csv = path.join(dir, "签约项目清单.csv");
    const xlsx = path.join(dir, "签约项目清单.xlsx");
    await writeCsv(csv, opts.scale);
    await writeXlsx(xlsx, opts.scale);
    log(
      `[import] ${opts.scale.toLocaleString("en")} rows written: .csv ${((await stat(csv)).size / MB).toFixed(1)} MB, .xlsx ${((await stat(xlsx)).size / MB).toFixed(1)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );

    // A database with the demo data (the users, the ceremony, the chains) to copy for each commit.
    await adminQuery(opts.adminUrl, `create database "${template}"`);
    const templateUrl = withDatabase(opts.adminUrl, template);
    await migrateDatabase(templateUrl);
    const seedPool = createPool(templateUrl, 4);
    await seed(createDb(seedPool), () => {});
    await seedPool.query("vacuum analyze");
    await seedPool.end();
    const admin = await viewerOf(templateUrl, "admin");

    const fresh = async () => {
      const name = uniqueName("crm_test_bench_import_run");
      await adminQuery(opts.adminUrl, `create database "${name}" template "${template}"`);
      copies.push(name);
      return withDatabase(opts.adminUrl, name);
    };
    const importInto = async (url: string, file: string, mode: "dry" | "commit") => {
      const pool = createPool(url, 4);
      try {
        return await watched(() => runImport(createDb(pool), admin, { kind: "projects", mode, fileName: path.basename(file), input: createReadStream(file), mapping: null }));
      } finally {
        await pool.end();
      }
    };

    const results: { name: string; samples: Sample[] }[] = [];
    for (const [label, file] of [
      [".csv", csv],
      [".xlsx", xlsx],
    ] as const) {
      for (const mode of ["dry", "commit"] as const) {
        const name = `${label} ${mode === "dry" ? "dry run" : "commit"}`;
        const samples: Sample[] = [];
        for (let i = 0; i < opts.runs; i++) {
          const s = await importInto(await fresh(), file, mode);
          const r = s.report;
          log(
            `  ${name} run ${i + 1}: ${r.totalRows.toLocaleString("en")} rows (${r.invalidRows} invalid), ${r.created.toLocaleString("en")} created, ` +
              `${r.enterprisesCreated.toLocaleString("en")} investors, in ${(s.ms / 1000).toFixed(1)} s; peak growth RSS ${s.rssMb.toFixed(0)} MB, heap ${s.heapMb.toFixed(0)} MB`,
          );
          if (r.errors.length) log(`    first error: ${JSON.stringify(r.errors[0])}`);
          samples.push(s);
        }
        results.push({ name, samples });
      }
    }
    // Re-importing the same file over the imported rows: every row matched, nothing to change.
    {
      const url = await fresh();
      await importInto(url, csv, "commit");
      const samples: Sample[] = [];
      for (let i = 0; i < opts.runs; i++) {
        const s = await importInto(url, csv, "commit");
        log(`  .csv re-import run ${i + 1}: ${s.report.unchanged.toLocaleString("en")} unchanged, ${s.report.updated} updated in ${(s.ms / 1000).toFixed(1)} s; peak growth RSS ${s.rssMb.toFixed(0)} MB`);
        samples.push(s);
      }
      results.push({ name: ".csv re-import (all unchanged)", samples });
    }

    const m = (list: Sample[], pick: (s: Sample) => number) => median(list.map(pick));
    log("");
    log(`Medians of ${opts.runs} runs (memory: peak growth over the level before the run):`);
    log("| case | rows | time s | rows/s | peak RSS growth MB | peak heap growth MB | aim |");
    log("|---|--:|--:|--:|--:|--:|---|");
    for (const { name, samples } of results) {
      const ms = m(samples, (s) => s.ms);
      const rss = m(samples, (s) => s.rssMb);
      const aim = ms / 1000 <= AIM.seconds && rss <= AIM.growthMb ? `met (≤ ${AIM.seconds} s, ≤ ${AIM.growthMb} MB)` : `MISSED (≤ ${AIM.seconds} s, ≤ ${AIM.growthMb} MB)`;
      log(
        `| ${name} | ${samples[0]!.report.totalRows.toLocaleString("en")} | ${(ms / 1000).toFixed(1)} | ${Math.round(samples[0]!.report.totalRows / (ms / 1000)).toLocaleString("en")} | ` +
          `${rss.toFixed(0)} | ${m(samples, (s) => s.heapMb).toFixed(0)} | ${aim} |`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    for (const name of copies) await adminQuery(opts.adminUrl, `drop database if exists "${name}" with (force)`);
    if (opts.keep) log(`[import] database kept: ${template}`);
    else await adminQuery(opts.adminUrl, `drop database if exists "${template}" with (force)`);
  }
}

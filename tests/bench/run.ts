/**
 * `npm run bench`: benchmarks (not tests, not part of `npm test`). Each run makes a fresh
 * database (on the server in DATABASE_URL, or the embedded test server), migrates it, seeds the
 * demo data plus BENCH_SCALE (default 100,000) synthetic projects, VACUUM ANALYZEs, measures,
 * prints a table and drops the database. Aims are reported, never enforced.
 *
 *   npm run bench                               100,000 projects, 30 timed runs per case
 *   npm run bench -- --repeat 3                 the whole benchmark three times, then the medians
 *   BENCH_SCALE=20000 npm run bench -- --runs 50
 *   npm run bench -- --explain                  EXPLAIN (ANALYZE, BUFFERS) of every statement
 *   npm run bench -- --sql "create index …"     run SQL before measuring
 *   npm run bench -- --versus "create index …"  A/B: a copy of the database with that SQL applied,
 *                                               measured turn about with the original
 *   npm run bench -- --keep                     keep the database and print its name
 *   npm run bench -- --reuse crm_bench_kept_…   measure a database kept earlier (no seeding)
 *
 * The cases: the project list, board and search (pipeline.bench.ts), the signed list and the
 * events list (signed.bench.ts), and the whole dashboard (dashboard.bench.ts; `--only dashboard`
 * for it alone, e.g. BENCH_SCALE=1000000 npm run bench -- --only dashboard --keep).
 *
 * Then the 签约项目清单 export (export.bench.ts) on a database of its own with EXPORT_BENCH_SCALE
 * (default 100,000) projects, all of them signed: .xlsx and CSV, time and memory growth.
 *
 *   npm run bench -- --only export             just the export (or --only pipeline)
 *   npm run bench -- --only export --export-runs 5 --explain
 *   npm run bench -- --only export --keep      keep its database; --reuse-export <name> to measure it again
 *
 * And the import (import.bench.ts, `--only import`): a 签约项目清单 of IMPORT_BENCH_SCALE (default
 * 100,000) signed projects as .csv and .xlsx, dry run and commit, time and memory growth.
 *
 *   npm run bench -- --only import --import-runs 1
 *
 * And the import's guards against a hostile upload (import-guard.bench.ts, `--only import-guard`,
 * not run by default: it needs `npm run build` first): a ~2 MB .xlsx whose shared strings expand
 * to IMPORT_BOMB_MB (default 720) MB, posted to a `next start` server — alone, three at once, and
 * with falsified sizes — time to refusal, the server's RSS growth, /api/health meanwhile.
 *
 *   npm run build && npm run bench -- --only import-guard
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { createDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { seed } from "../../db/seed";
import { generateSynthetic } from "../../db/synthetic";
import { adminQuery, startTestServer, uniqueName, withDatabase } from "../support/test-server";
import { dashboardCases } from "./dashboard.bench";
import { runExportBench } from "./export.bench";
import { runImportBench } from "./import.bench";
import { runImportGuardBench } from "./import-guard.bench";
import { pipelineCases } from "./pipeline.bench";
import { signedCases } from "./signed.bench";
import { comparison, measure, median, recordingPool, table, type CaseResult, type RecordingPool } from "./support";

const { values } = parseArgs({
  options: {
    repeat: { type: "string", default: "1" },
    runs: { type: "string", default: process.env.BENCH_RUNS ?? "30" },
    warmup: { type: "string", default: "5" },
    explain: { type: "boolean", default: false },
    sql: { type: "string", multiple: true, default: [] },
    versus: { type: "string", multiple: true },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
    only: { type: "string", multiple: true },
    "export-runs": { type: "string", default: "3" },
    "reuse-export": { type: "string" },
    "import-runs": { type: "string", default: "1" },
  },
});
const suites = new Set(values.only?.length ? values.only : ["pipeline", "dashboard", "export", "import"]);
/** The suites measured on the BENCH_SCALE database (the export and the import have their own). */
const onMainDb = suites.has("pipeline") || suites.has("dashboard");
const exportScale = Number((process.env.EXPORT_BENCH_SCALE ?? "100000").replaceAll("_", ""));
const exportRuns = Number(values["export-runs"]);
const importScale = Number((process.env.IMPORT_BENCH_SCALE ?? "100000").replaceAll("_", ""));
const importRuns = Number(values["import-runs"]);
const bombMb = Number((process.env.IMPORT_BOMB_MB ?? "720").replaceAll("_", ""));
const scale = Number((process.env.BENCH_SCALE ?? "100000").replaceAll("_", ""));
const repeat = Number(values.repeat);
const runs = Number(values.runs);
const warmup = Number(values.warmup);
if (![scale, repeat, runs, exportScale, exportRuns, importScale, importRuns, bombMb].every((n) => Number.isInteger(n) && n > 0) || !Number.isInteger(warmup) || warmup < 0) {
  console.error("BENCH_SCALE, EXPORT_BENCH_SCALE, --repeat, --runs and --export-runs must be positive whole numbers, --warmup a whole number");
  process.exit(1);
}

const log = (line: string) => console.log(line);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");
const seconds = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

async function runSql(pool: RecordingPool, statements: string[], prefix: string) {
  for (const statement of statements) {
    const t0 = Date.now();
    await pool.query(statement);
    log(`${prefix} ${statement} (${seconds(t0)})`);
  }
}

type Run = { results: CaseResult[]; variant?: CaseResult[] };

async function once(adminUrl: string, n: number): Promise<Run> {
  const prefix = `[bench ${n}]`;
  // A kept database must not look like a test's leftover, which test runs drop (dropStaleTestDatabases).
  const database = values.reuse ?? uniqueName(values.keep ? "crm_bench_kept" : "crm_test_bench");
  const variantDb = values.versus ? uniqueName("crm_test_bench_versus") : null;
  const url = withDatabase(adminUrl, database);
  const pools: RecordingPool[] = [];
  if (!values.reuse) await adminQuery(adminUrl, `create database "${database}"`);
  try {
    let pool = recordingPool(url, 10);
    pools.push(pool);
    if (!values.reuse) {
      const t0 = Date.now();
      await migrateDatabase(url);
      await seed(createDb(pool), () => {});
      await generateSynthetic(createDb(pool), { scale, log: () => {} });
      log(`${prefix} seeded ${scale.toLocaleString("en")} synthetic projects + the demo data in ${seconds(t0)}`);
    }
    await runSql(pool, values.sql, prefix);
    await pool.query("vacuum analyze");

    let variantPool: RecordingPool | null = null;
    if (variantDb) {
      // An exact copy (a template clone), then the variant's SQL on the copy only.
      await pool.end();
      pools.length = 0;
      const t0 = Date.now();
      await adminQuery(adminUrl, `create database "${variantDb}" template "${database}"`);
      log(`${prefix} copied the database for the variant in ${seconds(t0)}`);
      pool = recordingPool(url, 10);
      variantPool = recordingPool(withDatabase(adminUrl, variantDb), 10);
      pools.push(pool, variantPool);
      await runSql(variantPool, values.versus!, `${prefix} variant:`);
      await variantPool.query("vacuum analyze");
    }

    const { rows } = await pool.query<{ projects: number; version: string }>(
      "select (select count(*)::int from projects) as projects, current_setting('server_version') as version",
    );
    log(`${prefix} ${rows[0]!.projects.toLocaleString("en")} projects · PostgreSQL ${rows[0]!.version} · load average ${load()}`);
    const cases = async (p: RecordingPool) => [
      ...(suites.has("pipeline") ? [...(await pipelineCases(createDb(p))), ...(await signedCases(createDb(p)))] : []),
      ...(suites.has("dashboard") ? await dashboardCases(createDb(p)) : []),
    ];
    const targets = [{ pool, cases: await cases(pool), label: variantPool ? "as is" : undefined }];
    if (variantPool) targets.push({ pool: variantPool, cases: await cases(variantPool), label: "variant" });
    const [results, variant] = await measure(targets, { runs, warmup, explain: values.explain, log });
    log("");
    log(table(results!));
    if (variant) {
      log("");
      log(`${prefix} with ${values.versus!.join("; ")}:`);
      log(table(variant));
      log("");
      log(comparison(results!, variant, "variant"));
    }
    log(`${prefix} load average at the end ${load()}`);
    return { results: results!, variant };
  } finally {
    await Promise.all(pools.map((p) => p.end()));
    if (values.keep || values.reuse) log(`${prefix} database kept: ${database}`);
    else await adminQuery(adminUrl, `drop database if exists "${database}" with (force)`);
    if (variantDb) await adminQuery(adminUrl, `drop database if exists "${variantDb}" with (force)`);
  }
}

function medians(all: CaseResult[][]): CaseResult[] {
  return all[0]!.map((first, i) => {
    const of = (pick: (r: CaseResult) => number) => median(all.map((rs) => pick(rs[i]!)));
    return { ...first, p50: of((r) => r.p50), p95: of((r) => r.p95), bareP50: of((r) => r.bareP50), bareP95: of((r) => r.bareP95) };
  });
}

const server = await startTestServer();
try {
  log(
    `[bench] ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "?"}) · ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version} · ${runs} runs per case after ${warmup} warm-up runs`,
  );
  const all: Run[] = [];
  if (onMainDb) for (let n = 1; n <= repeat; n++) all.push(await once(server.adminUrl, n));
  if (onMainDb && repeat > 1) {
    log("");
    log(`Medians of ${repeat} runs of the whole benchmark:`);
    const base = medians(all.map((r) => r.results));
    log(table(base));
    if (values.versus) {
      const variant = medians(all.map((r) => r.variant!));
      log("");
      log(`… with ${values.versus.join("; ")}:`);
      log(table(variant));
      log("");
      log(comparison(base, variant, "variant"));
    }
  }
  if (suites.has("import")) {
    log("");
    await runImportBench({ adminUrl: server.adminUrl, scale: importScale, runs: importRuns, keep: values.keep, log });
  }
  if (suites.has("import-guard")) {
    log("");
    await runImportGuardBench({ adminUrl: server.adminUrl, bombMb, log });
  }
  if (suites.has("export")) {
    log("");
    await runExportBench({ adminUrl: server.adminUrl, scale: exportScale, runs: exportRuns, keep: values.keep, reuse: values["reuse-export"], explain: values.explain, log });
  }
} finally {
  await server.stop();
}

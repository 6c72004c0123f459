/**
 * The 签约项目清单 export at scale: 100,000 signed projects (EXPORT_BENCH_SCALE) exported to
 * .xlsx and to CSV through exportSignedProjects, the function the route handler streams, as the
 * admin (who sees them all), beside the bare cursor read of the same statement. Each is timed
 * and its memory watched: the process's RSS and V8 heap are sampled while it runs (at every
 * chunk and every 20 ms), and the peak growth over the level before it started is reported.
 *
 * The rows: a database of its own, with the demo data plus EXPORT_BENCH_SCALE synthetic
 * projects generated with `signedShare: 1` (db/synthetic.ts), so every one of them is signed
 * or beyond, with signing facts, approved stage reports, funds in place and events. Aims
 * (reported, not enforced): .xlsx in ≤ 10 s, memory growth ≤ 200 MB.
 *
 * Run by `npm run bench` (tests/bench/run.ts), or alone: `npm run bench -- --only export`.
 */
import v8 from "node:v8";
import vm from "node:vm";
import { sql } from "drizzle-orm";
import type pg from "pg";
import Cursor from "pg-cursor";
import { createDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { seed } from "../../db/seed";
import { generateSynthetic } from "../../db/synthetic";
import type { Viewer } from "../../lib/auth/roles";
import { exportSignedProjects, type ExportFormat } from "../../lib/signed/export";
import { signedExportStatement } from "../../lib/signed/queries";
import { signedListSchema } from "../../lib/signed/validation";
import { adminQuery, uniqueName, withDatabase } from "../support/test-server";
import { median, recordingPool } from "./support";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const MB = 1024 * 1024;
const AIM = { xlsxSeconds: 10, growthMb: 200 };

type Sample = { ms: number; rows: number; bytes: number; rssMb: number; heapMb: number };

/** Runs `fn` with memory sampled; `tick` lets it sample at its own pace too. Growth is over the level just before. */
async function watched(fn: (tick: () => void) => Promise<{ rows: number; bytes: number }>): Promise<Sample> {
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
    const { rows, bytes } = await fn(sample);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    sample();
    return { ms, rows, bytes, rssMb: (rss - base.rss) / MB, heapMb: (heap - base.heapUsed) / MB };
  } finally {
    clearInterval(timer);
  }
}

async function viewerOf(db: ReturnType<typeof createDb>, username: string): Promise<Viewer> {
  const { rows } = await db.execute<Viewer>(sql`
    select u.id, u.username, u.display_name as "displayName", u.role, u.unit_id as "unitId", n.name as "unitName"
      from users u join units n on n.id = u.unit_id where lower(u.username) = ${username}`);
  return rows[0]!;
}

/** `delayMs` > 0: a slow client, taking a chunk every delayMs — the export must wait for it, not buffer. */
function exportCase(pool: pg.Pool, viewer: Viewer, format: ExportFormat, delayMs = 0) {
  const db = createDb(pool);
  const { page: _p, size: _s, ...params } = signedListSchema.parse({});
  return () =>
    watched(async (tick) => {
      let rows = 0;
      const stream = await exportSignedProjects({ pool, db, viewer, params, format, onEnd: (r) => (rows = r.rows) });
      let bytes = 0;
      let chunks = 0;
      const reader = stream.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.length;
        if (++chunks % 8 === 0) tick();
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
      return { rows, bytes };
    });
}

/** The same statement read through a cursor in the same batches, rows dropped: what the database and driver cost. */
function bareCase(pool: pg.Pool, viewer: Viewer) {
  const db = createDb(pool);
  const { page: _p, size: _s, ...params } = signedListSchema.parse({});
  return () =>
    watched(async (tick) => {
      const { text, values } = await signedExportStatement(db, viewer, params);
      const client = await pool.connect();
      let rows = 0;
      try {
        const cursor = client.query(new Cursor(text, values, { rowMode: "array" }));
        for (;;) {
          const batch = await cursor.read(1000);
          if (!batch.length) break;
          rows += batch.length;
          tick();
        }
        await cursor.close();
      } finally {
        client.release();
      }
      return { rows, bytes: 0 };
    });
}

export type ExportBenchOptions = { adminUrl: string; scale: number; runs: number; keep?: boolean; reuse?: string; explain?: boolean; log: (line: string) => void };

export async function runExportBench(opts: ExportBenchOptions): Promise<void> {
  const { log } = opts;
  const database = opts.reuse ?? uniqueName(opts.keep ? "crm_bench_kept" : "crm_test_bench_export");
  const url = withDatabase(opts.adminUrl, database);
  if (!opts.reuse) await adminQuery(opts.adminUrl, `create database "${database}"`);
  const pool = recordingPool(url, 10);
  try {
    if (!opts.reuse) {
      const t0 = Date.now();
      await migrateDatabase(url);
      const db = createDb(pool);
      await seed(db, () => {});
      await generateSynthetic(db, { scale: opts.scale, signedShare: 1, log: () => {} });
      await pool.query("vacuum analyze");
      log(`[export] seeded ${opts.scale.toLocaleString("en")} signed synthetic projects + the demo data in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    const db = createDb(pool);
    const admin = await viewerOf(db, "admin");
    const { rows: counted } = await db.execute<{ n: number }>(sql`select count(*)::int as n from signings`);
    log(`[export] ${counted[0]!.n.toLocaleString("en")} signings; exporting as admin (every one), ${opts.runs} runs each after one warm-up`);
    if (opts.explain) {
      const { page: _p, size: _s, ...params } = signedListSchema.parse({});
      const { text, values } = await signedExportStatement(db, admin, params);
      const { rows } = await pool.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${text}`, values);
      for (const r of rows) log(`    ${r["QUERY PLAN"]}`);
    }

    const cases: [string, () => Promise<Sample>, number][] = [
      ["bare cursor read (same SQL)", bareCase(pool, admin), opts.runs],
      [".xlsx (exceljs streaming writer)", exportCase(pool, admin, "xlsx"), opts.runs],
      [".csv", exportCase(pool, admin, "csv"), opts.runs],
      // Memory must stay flat when the client reads slowly (here 3 ms per 16 KB chunk, about 5 MB/s).
      [".xlsx, slow client", exportCase(pool, admin, "xlsx", 3), 1],
    ];
    const results: { name: string; samples: Sample[]; first: Sample }[] = [];
    for (const [name, run, runs] of cases) {
      // The first run warms up (JIT, the plan, the buffer cache) and shows the growth from cold.
      const first = await run();
      log(`  ${name} first run: ${(first.ms / 1000).toFixed(2)} s; peak growth RSS ${first.rssMb.toFixed(0)} MB, heap ${first.heapMb.toFixed(0)} MB`);
      const samples: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        const s = await run();
        samples.push(s);
        log(`  ${name} run ${i + 1}: ${s.rows.toLocaleString("en")} rows, ${(s.bytes / MB).toFixed(1)} MB in ${(s.ms / 1000).toFixed(2)} s; peak growth RSS ${s.rssMb.toFixed(0)} MB, heap ${s.heapMb.toFixed(0)} MB`);
      }
      results.push({ name, samples, first });
    }

    const bare = median(results[0]!.samples.map((s) => s.ms));
    const m = (list: Sample[], pick: (s: Sample) => number) => median(list.map(pick));
    log("");
    log(`Medians of ${opts.runs} runs after a first one (memory: the peak over the level before the run, the first run's in brackets):`);
    log("| case | rows | size MB | time s | × bare read | peak RSS growth MB | peak heap growth MB | aim |");
    log("|---|--:|--:|--:|--:|--:|--:|---|");
    for (const { name, samples, first } of results) {
      const ms = m(samples, (s) => s.ms);
      const rss = Math.max(m(samples, (s) => s.rssMb), first.rssMb);
      let aim = "—";
      if (name === ".xlsx (exceljs streaming writer)") aim = ms / 1000 <= AIM.xlsxSeconds && rss <= AIM.growthMb ? `met (≤ ${AIM.xlsxSeconds} s, ≤ ${AIM.growthMb} MB)` : `MISSED (≤ ${AIM.xlsxSeconds} s, ≤ ${AIM.growthMb} MB)`;
      if (name === ".csv" || name === ".xlsx, slow client") aim = rss <= AIM.growthMb ? `met (≤ ${AIM.growthMb} MB)` : `MISSED (≤ ${AIM.growthMb} MB)`;
      log(
        `| ${name} | ${samples[0]!.rows.toLocaleString("en")} | ${(m(samples, (s) => s.bytes) / MB).toFixed(1)} | ${(ms / 1000).toFixed(2)} | ${(ms / bare).toFixed(1)} | ` +
          `${m(samples, (s) => s.rssMb).toFixed(0)} (${first.rssMb.toFixed(0)}) | ${m(samples, (s) => s.heapMb).toFixed(0)} (${first.heapMb.toFixed(0)}) | ${aim} |`,
      );
    }
    const xlsx = results[1]!.samples;
    log(`[export] .xlsx bytes per row: ${(m(xlsx, (s) => s.bytes) / xlsx[0]!.rows).toFixed(0)}`);
  } finally {
    await pool.end();
    if (opts.keep || opts.reuse) log(`[export] database kept: ${database}`);
    else await adminQuery(opts.adminUrl, `drop database if exists "${database}" with (force)`);
  }
}

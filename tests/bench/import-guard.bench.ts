/**
 * The import's guards against a hostile upload, on a running production server (`next start`
 * from the current build: run `npm run build` first). The file is the probe's: a ~2 MB .xlsx
 * whose sharedStrings.xml expands to 720 MB (IMPORT_BOMB_MB), built here. Measured:
 *
 * - one upload of it (POST /api/v1/imports, dry run, an API token): time to the answer, its
 *   status and message, and the server's peak RSS growth (the server process and its children,
 *   from /proc, sampled every 20 ms) over its level before;
 * - three at once, by three managers: each answer, the peak RSS growth, and GET /api/health
 *   asked every 100 ms meanwhile (slowest answer, failures);
 * - the same with the declared sizes falsified (a bomb that lies about itself), refused while
 *   inflating rather than up front.
 *
 * Aim (reported, not enforced): refused within 5 s, RSS growth under 100 MB, health answering.
 * Run by `npm run bench -- --only import-guard` (tests/bench/run.ts).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createDb, createPool } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { seed } from "../../db/seed";
import type { Viewer } from "../../lib/auth/roles";
import { createApiToken } from "../../lib/auth/tokens";
import { adminQuery, uniqueName, withDatabase } from "../support/test-server";
import { SHARED_HEAD, SHARED_TAIL, SHEET_HEAD, SHEET_TAIL, xlsxOf } from "../support/zip";

const MB = 1024 * 1024;
const AIM = { ms: 5_000, growthMb: 100 };

/** The probe's file: shared strings of `mb` MB, one distinct string per KB, a sheet of one cell. */
export async function sharedStringBomb(mb: number, lie = false): Promise<Buffer> {
  const times = mb * 1024;
  return xlsxOf({
    sheet: SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' + SHEET_TAIL,
    shared: {
      repeat: { head: SHARED_HEAD, body: (i: number) => `<si><t>${"招商引资项目名称".repeat(40)}${String(i).padStart(9, "0")}</t></si>`, times, tail: SHARED_TAIL },
      ...(lie ? { declaredSize: 10_000 } : {}),
    },
  });
}

/** RSS of `pid` and every process below it, in bytes. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // Gone meanwhile.
    }
  }
  let total = 0;
  for (const stack = [pid]; stack.length; ) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      total += Number(m?.[1] ?? 0) * 1024;
    } catch {
      // Gone meanwhile.
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

type Answer = { status: number; ms: number; code: string; message: string };

async function post(base: string, token: string, body: Buffer, name: string): Promise<Answer> {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/imports?kind=projects&mode=dry&fileName=${encodeURIComponent(name)}`, {
    method: "POST",
    body: new Uint8Array(body),
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/octet-stream" },
  });
  const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  return { status: res.status, ms: performance.now() - t0, code: json.error?.code ?? "", message: json.error?.message ?? "" };
}

export type ImportGuardBenchOptions = { adminUrl: string; bombMb: number; log: (line: string) => void };

export async function runImportGuardBench(opts: ImportGuardBenchOptions): Promise<void> {
  const { log } = opts;
  const database = uniqueName("crm_test_bench_guard");
  await adminQuery(opts.adminUrl, `create database "${database}"`);
  const url = withDatabase(opts.adminUrl, database);
  let server: ReturnType<typeof spawn> | null = null;
  try {
    const t0 = Date.now();
    const bomb = await sharedStringBomb(opts.bombMb);
    const liar = await sharedStringBomb(opts.bombMb, true);
    log(`[import-guard] the bomb: ${(bomb.length / MB).toFixed(2)} MB, its sharedStrings.xml ${opts.bombMb} MB inflated (built in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);

    await migrateDatabase(url);
    const pool = createPool(url, 2);
    const db = createDb(pool);
    await seed(db, () => {});
    // Three managers, each with a token: the demo manager, the admin, and one more.
    await db.execute(sql`
      insert into users (username, display_name, role, unit_id, password_hash)
      select 'bench_manager2', '基准负责人', role, unit_id, password_hash from users where username = 'manager'`);
    const tokens: string[] = [];
    for (const username of ["manager", "admin", "bench_manager2"]) {
      const { rows } = await db.execute<Viewer>(sql`
        select u.id, u.username, u.display_name as "displayName", u.role, u.unit_id as "unitId", n.name as "unitName"
          from users u join units n on n.id = u.unit_id where u.username = ${username}`);
      tokens.push((await createApiToken(db, rows[0]!, { name: "bench", expiresInDays: 7 })).token);
    }
    await pool.end();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
      env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString("base64url"), NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => server!.on("exit", resolve));
    for (let i = 0; ; i++) {
      if (i > 600) throw new Error("the server did not answer /api/health in 60 s (run `npm run build` first)");
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Warm up the route (its first compile and the worker's first start) with a small good file.
    await post(base, tokens[0]!, Buffer.from("项目名称,投资方,总投资(亿元)\r\n预热项目,预热公司,1\r\n"), "warm.csv");

    const watch = async (label: string, fn: () => Promise<Answer[]>) => {
      const pid = server!.pid!;
      await new Promise((r) => setTimeout(r, 500));
      const before = treeRss(pid);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, treeRss(pid))), 20);
      let healthMax = 0;
      let healthFailed = 0;
      let healthCount = 0;
      let watching = true;
      const health = (async () => {
        while (watching) {
          const h0 = performance.now();
          const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
          healthMax = Math.max(healthMax, performance.now() - h0);
          healthCount++;
          if (!ok) healthFailed++;
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      const answers = await fn();
      watching = false;
      await health;
      clearInterval(sampler);
      peak = Math.max(peak, treeRss(pid));
      const growth = (peak - before) / MB;
      const slowest = Math.max(...answers.map((a) => a.ms));
      const alive = server!.exitCode === null;
      const refusedIn = Math.max(...answers.filter((a) => a.status !== 429).map((a) => a.ms));
      const met = alive && answers.every((a) => a.status >= 400 && a.status < 500) && refusedIn <= AIM.ms && growth <= AIM.growthMb && healthFailed === 0;
      log(`  ${label}:`);
      for (const a of answers) log(`    ${a.status} ${a.code} in ${(a.ms / 1000).toFixed(2)} s — ${a.message}`);
      log(
        `    RSS ${(before / MB).toFixed(0)} MB before, peak growth ${growth.toFixed(0)} MB; /api/health asked ${healthCount}× meanwhile, ${healthFailed} failed, slowest ${healthMax.toFixed(0)} ms; ` +
          `server ${alive ? "up" : "DEAD"} → ${met ? "met" : "MISSED"} (refused ≤ ${AIM.ms / 1000} s, growth ≤ ${AIM.growthMb} MB, health answering)`,
      );
      return { label, answers, growth, healthMax, healthFailed, slowest, met };
    };

    log("");
    const results = [
      await watch("one upload of the bomb", async () => [await post(base, tokens[0]!, bomb, "bomb.xlsx")]),
      await watch("three at once (three managers)", async () => Promise.all(tokens.map((t) => post(base, t, bomb, "bomb.xlsx")))),
      await watch("the bomb with falsified sizes (refused while inflating)", async () => [await post(base, tokens[0]!, liar, "liar.xlsx")]),
      await watch("three falsified at once", async () => Promise.all(tokens.map((t) => post(base, t, liar, "liar.xlsx")))),
    ];
    const after = await post(base, tokens[0]!, Buffer.from("项目名称,投资方,总投资(亿元)\r\n之后项目,之后公司,1\r\n"), "after.csv");
    log(`  a good file afterwards: ${after.status} in ${(after.ms / 1000).toFixed(2)} s`);
    log("");
    log("| case | answers | slowest answer | peak RSS growth | /api/health meanwhile (slowest) | aim |");
    log("|---|---|--:|--:|--:|---|");
    for (const r of results) {
      const statuses = r.answers.map((a) => `${a.status} ${a.code}`).join(", ");
      log(`| ${r.label} | ${statuses} | ${(r.slowest / 1000).toFixed(2)} s | ${r.growth.toFixed(0)} MB | ${r.healthFailed ? `${r.healthFailed} failed` : "all 200"} (${r.healthMax.toFixed(0)} ms) | ${r.met ? "met" : "MISSED"} |`);
    }
    server.kill("SIGTERM");
    await exited;
    server = null;
  } finally {
    server?.kill("SIGKILL");
    await adminQuery(opts.adminUrl, `drop database if exists "${database}" with (force)`);
  }
}

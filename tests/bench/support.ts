/**
 * Measuring an app function beside the bare SQL it runs.
 *
 * The database client's pool is wrapped so that, while recording, every statement the
 * function sends (text, parameters and the driver options Drizzle passes, such as row mode and
 * type parsers) is kept with when it started and finished. Replaying those statements on the
 * same pool, with the same ones in flight together as the function had, is "the bare SQL":
 * what the database has to do, without the ORM, the scope lookups' JavaScript or the mapping
 * of rows.
 */
import pg from "pg";

export type Statement = { config: pg.QueryConfig; values?: unknown[]; start: bigint; end: bigint };

export type RecordingPool = pg.Pool & { record<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> };

export function recordingPool(connectionString: string, max = 10): RecordingPool {
  const pool = new pg.Pool({ connectionString, max }) as RecordingPool;
  // The database is dropped WITH (FORCE) at the end: a connection still closing then gets
  // "terminating connection due to administrator command", which must not crash the run.
  pool.on("error", () => {});
  const query = pool.query.bind(pool) as (config: unknown, values?: unknown) => Promise<pg.QueryResult>;
  let log: Statement[] | null = null;
  (pool as unknown as { query: unknown }).query = (config: unknown, values?: unknown[]) => {
    if (!log) return query(config, values);
    const statement: Statement = {
      config: typeof config === "string" ? { text: config } : (config as pg.QueryConfig),
      values,
      start: process.hrtime.bigint(),
      end: 0n,
    };
    log.push(statement);
    return query(config, values).then((r) => {
      statement.end = process.hrtime.bigint();
      return r;
    });
  };
  pool.record = async (fn) => {
    log = [];
    try {
      const result = await fn();
      return { result, statements: log };
    } finally {
      log = null;
    }
  };
  return pool;
}

/** Statements that were in flight together form one group; groups ran one after another. */
export function concurrentGroups(statements: Statement[]): Statement[][] {
  const sorted = [...statements].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const groups: Statement[][] = [];
  let groupEnd = -1n;
  for (const s of sorted) {
    if (groups.length && s.start < groupEnd) groups[groups.length - 1]!.push(s);
    else groups.push([s]);
    if (s.end > groupEnd) groupEnd = s.end;
  }
  return groups;
}

/** Runs the recorded statements again, as they ran: groups in turn, each group's statements at once. */
export function replayer(pool: pg.Pool, statements: Statement[]): () => Promise<void> {
  const groups = concurrentGroups(statements);
  return async () => {
    for (const group of groups) await Promise.all(group.map((s) => pool.query(s.config, s.values)));
  };
}

export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type Aim = { p95?: number; ratio?: number };

export type BenchCase = { name: string; aim?: Aim; run: () => Promise<unknown>; describe: (result: unknown) => string };

export type MeasureOptions = { runs: number; warmup: number; explain: boolean; log: (line: string) => void };

function statementKey(s: Statement): string {
  return `${s.config.text}\u0000${JSON.stringify(s.values ?? [])}`;
}

async function explain(pool: pg.Pool, statements: Statement[], log: (line: string) => void) {
  const seen = new Set<string>();
  for (const s of statements) {
    const key = statementKey(s);
    if (seen.has(key)) continue;
    seen.add(key);
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${s.config.text}`, s.values);
    log(`  ${s.config.text.replace(/\s+/g, " ")}`);
    log(`  params: ${JSON.stringify(s.values ?? [])}`);
    for (const r of rows) log(`    ${r["QUERY PLAN"]}`);
    log("");
  }
}

/**
 * Times each case through the app function and through its bare SQL. With several targets
 * (the same cases on two databases, say without and with an index), case i of every target is
 * measured in the same loop, turn about, so all see the same conditions on a shared machine.
 */
export async function measure(targets: { pool: RecordingPool; cases: BenchCase[]; label?: string }[], opts: MeasureOptions): Promise<CaseResult[][]> {
  const results: CaseResult[][] = targets.map(() => []);
  for (let i = 0; i < targets[0]!.cases.length; i++) {
    const subjects = [];
    for (const t of targets) {
      const c = t.cases[i]!;
      const { result, statements } = await t.pool.record(c.run);
      opts.log(`  ${t.label ? `[${t.label}] ` : ""}${c.name}: ${c.describe(result)}; ${statements.length} statements`);
      if (opts.explain) await explain(t.pool, statements, opts.log);
      subjects.push({ c, statements, bare: replayer(t.pool, statements), app: [] as number[], raw: [] as number[] });
    }
    for (let k = 0; k < opts.warmup; k++) {
      for (const s of subjects) {
        await s.c.run();
        await s.bare();
      }
    }
    for (let k = 0; k < opts.runs; k++) {
      for (const s of subjects) {
        s.app.push(await timeMs(s.c.run));
        s.raw.push(await timeMs(s.bare));
      }
    }
    subjects.forEach((s, t) =>
      results[t]!.push({
        name: s.c.name,
        statements: s.statements.length,
        p50: percentile(s.app, 50),
        p95: percentile(s.app, 95),
        bareP50: percentile(s.raw, 50),
        bareP95: percentile(s.raw, 95),
        aim: s.c.aim,
      }),
    );
  }
  return results;
}

export type CaseResult = {
  name: string;
  statements: number;
  p50: number;
  p95: number;
  bareP50: number;
  bareP95: number;
  aim?: Aim;
};

export function ratio(r: Pick<CaseResult, "p95" | "bareP95">): number {
  return r.p95 / r.bareP95;
}

/** "met" / "missed (…)" / "—" for a result against its aim. */
export function verdict(r: CaseResult): string {
  if (!r.aim) return "—";
  const misses: string[] = [];
  if (r.aim.p95 !== undefined && r.p95 > r.aim.p95) misses.push(`p95 > ${r.aim.p95} ms`);
  if (r.aim.ratio !== undefined && ratio(r) > r.aim.ratio) misses.push(`ratio > ${r.aim.ratio}`);
  const aim = [r.aim.p95 !== undefined ? `p95 ≤ ${r.aim.p95} ms` : "", r.aim.ratio !== undefined ? `≤ ${r.aim.ratio}× bare` : ""].filter(Boolean).join(", ");
  return misses.length ? `MISSED (${misses.join("; ")})` : `met (${aim})`;
}

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, width: number, left: boolean) => {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return left ? s + fill : fill + s;
};

/** Baseline beside a variant (e.g. with an extra index): how much each case gained. */
export function comparison(base: CaseResult[], variant: CaseResult[], label: string): string {
  const rows = base.map((b, i) => {
    const v = variant[i]!;
    const gain = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
    return [b.name, b.p50.toFixed(1), v.p50.toFixed(1), gain(b.p50, v.p50), b.p95.toFixed(1), v.p95.toFixed(1), gain(b.p95, v.p95), b.bareP50.toFixed(1), v.bareP50.toFixed(1)];
  });
  return grid(["case", "p50 ms", `p50 ${label}`, "p50 gain", "p95 ms", `p95 ${label}`, "p95 gain", "bare p50", `bare p50 ${label}`], rows);
}

/** A Markdown table, numbers right-aligned; text columns (the first, and `textLast`'s last) left-aligned. */
function grid(header: string[], body: string[][], textLast = false): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((row) => displayWidth(row[i]!))));
  const left = (i: number) => i === 0 || (textLast && i === header.length - 1);
  const line = (cells: string[]) => "| " + cells.map((c, i) => pad(c, widths[i]!, left(i))).join(" | ") + " |";
  const rule = "|" + widths.map((w, i) => "-".repeat(w + 1) + (left(i) ? "-" : ":")).join("|") + "|";
  return [line(header), rule, ...body.map(line)].join("\n");
}

export function table(results: CaseResult[]): string {
  const header = ["case", "stmts", "p50 ms", "p95 ms", "bare p50", "bare p95", "ratio(p95)", "aim"];
  const body = results.map((r) => [
    r.name,
    String(r.statements),
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.bareP50.toFixed(1),
    r.bareP95.toFixed(1),
    ratio(r).toFixed(2),
    verdict(r),
  ]);
  return grid(header, body, true);
}

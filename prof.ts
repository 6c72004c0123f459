import { createDb, createPool } from "./db/client";
import * as q from "./lib/dashboard/queries";
import { dashboardSchema } from "./lib/dashboard/validation";
import { viewer } from "./tests/bench/pipeline.bench";
const pool = createPool("postgres://postgres@127.0.0.1:5432/crm_bench_kept_28076_82d6acb5", 10);
const db = createDb(pool);
const today = "2026-12-01";
for (const who of ["manager", "admin"]) {
  const v = await viewer(db, who);
  for (const asOf of [undefined, "2025-12-01"]) {
    const ctx = await q.dashboardContext(db, v, dashboardSchema.parse(asOf ? { asOf } : {}), today);
    const fns = { funnel: q.funnel, periodFigures: q.periodFigures, targetActuals: q.targetActuals, targetOf: q.targetOf, cohort: q.cohort, monthlyTrend: q.monthlyTrend, breakdowns: q.breakdowns, league: q.league, conversion: q.conversion, stalled: q.stalledByOwner, overdue: q.overdueByOwner, land: q.landByPark, mechanisms: q.mechanismsByPark, grids: q.gridClosure } as const;
    const out: string[] = [];
    for (const [name, fn] of Object.entries(fns)) {
      await (fn as (d: typeof db, c: typeof ctx) => Promise<unknown>)(db, ctx);
      const t0 = performance.now();
      for (let i = 0; i < 3; i++) await (fn as (d: typeof db, c: typeof ctx) => Promise<unknown>)(db, ctx);
      out.push(`${name} ${((performance.now() - t0) / 3).toFixed(0)}`);
    }
    console.log(who, asOf ?? "today", out.join(" | "));
  }
}
await pool.end();

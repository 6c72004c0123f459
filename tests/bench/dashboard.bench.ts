/**
 * 领导驾驶舱 at scale: the whole dashboard (every figure's queries, side by side, as the page
 * runs them) for a manager, an admin and a staff member, this year as of today and as of a year
 * ago — each timed through the app's own loaders and beside the bare SQL they send, in the same
 * run; and the page without its streamed stage-median section (the one figure that reads every
 * project of the period's cohort). Run by `npm run bench -- --only dashboard` (tests/bench/run.ts).
 */
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/roles";
import { loadConversion, loadDashboard } from "@/lib/dashboard/load";
import { yearsBefore } from "@/lib/dashboard/period";
import { dashboardSchema } from "@/lib/dashboard/validation";
import { todayInChina } from "@/lib/i18n/format";
import { viewer } from "./pipeline.bench";
import type { BenchCase } from "./support";

export async function dashboardCases(db: Db): Promise<BenchCase[]> {
  const [manager, admin, staff] = await Promise.all([viewer(db, "manager"), viewer(db, "admin"), viewer(db, "synth01")]);
  const today = todayInChina();
  // The whole page: its figures and, beside them, the stage conversion's own section.
  const run = (v: Viewer, query: Record<string, string> = {}) => async () => {
    const params = dashboardSchema.parse(query);
    const [figures] = await Promise.all([loadDashboard(db, v, params, today), loadConversion(db, v, params, today)]);
    return figures;
  };
  const firstScreen = (v: Viewer, query: Record<string, string> = {}) => () => loadDashboard(db, v, dashboardSchema.parse(query), today);
  const describe = (r: unknown) => {
    const d = r as Awaited<ReturnType<typeof loadDashboard>>;
    const active = d.funnel.reduce((s, x) => s + x.count, 0);
    return `${active.toLocaleString("en")} active in the funnel, ${d.period.signed.toLocaleString("en")} signed in ${d.ctx.period.year}, cohort ${d.cohort.count.toLocaleString("en")}`;
  };
  const aim = { p95: 200, ratio: 1.3 };
  const yearAgo = yearsBefore(today, 1);
  return [
    { name: "dashboard · manager (this year)", aim, run: run(manager), describe },
    { name: "dashboard · manager, all but the stage medians", aim, run: firstScreen(manager), describe },
    { name: "dashboard · admin (this year)", aim, run: run(admin), describe },
    { name: "dashboard · admin, all but the stage medians", aim, run: firstScreen(admin), describe },
    { name: "dashboard · manager (as of a year ago)", aim, run: run(manager, { asOf: yearAgo }), describe },
    { name: "dashboard · manager, as of a year ago, all but the medians", aim, run: firstScreen(manager, { asOf: yearAgo }), describe },
    { name: "dashboard · admin (as of a year ago)", aim, run: run(admin, { asOf: yearAgo }), describe },
    { name: "dashboard · admin, as of a year ago, all but the medians", aim, run: firstScreen(admin, { asOf: yearAgo }), describe },
    { name: "dashboard · staff (own projects)", aim, run: run(staff), describe },
  ];
}

import type { DbOrTx } from "@/db/client";
import type { Viewer } from "@/lib/auth/roles";
import {
  breakdowns,
  cohort,
  conversion,
  dashboardContext,
  funnel,
  gridClosure,
  landByPark,
  league,
  mechanismsByPark,
  monthlyTrend,
  overdueByAssignee,
  periodFigures,
  stalledByOwner,
  targetActuals,
  targetOf,
} from "./queries";
import type { DashboardParams } from "./validation";
import { hiddenStages, listStageLabels, withoutHiddenEmpty } from "@/lib/reference/stage-labels";

/**
 * Every figure of the dashboard but the stage conversion, for one request, the queries running
 * side by side. (The conversion's medians read every project of the period's cohort; the page
 * streams them in their own section: loadConversion.)
 */
export async function loadDashboard(db: DbOrTx, viewer: Viewer, params: DashboardParams, today: string) {
  const ctx = await dashboardContext(db, viewer, params, today);
  const [f, stageRows, period, actuals, target, cohortFigures, trend, breakdown, leagueRows, stalled, overdue, land, mechanisms, gridFigures] = await Promise.all([
    funnel(db, ctx),
    listStageLabels(db),
    periodFigures(db, ctx),
    targetActuals(db, ctx),
    targetOf(db, ctx),
    cohort(db, ctx),
    monthlyTrend(db, ctx),
    breakdowns(db, ctx),
    league(db, ctx),
    stalledByOwner(db, ctx),
    overdueByAssignee(db, ctx),
    landByPark(db, ctx),
    mechanismsByPark(db, ctx),
    gridClosure(db, ctx),
  ]);
  return {
    ctx,
    funnel: withoutHiddenEmpty(f, hiddenStages(stageRows), (s) => s.count),
    period,
    actuals,
    target,
    cohort: cohortFigures,
    trend,
    breakdowns: breakdown,
    league: leagueRows,
    stalled,
    overdue,
    land,
    mechanisms,
    grids: gridFigures,
  };
}
export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;

/** The stage conversion and median days in stage, for its own section of the page. */
export async function loadConversion(db: DbOrTx, viewer: Viewer, params: DashboardParams, today: string) {
  const ctx = await dashboardContext(db, viewer, params, today);
  const [rows, stageRows] = await Promise.all([conversion(db, ctx), listStageLabels(db)]);
  // A hidden stage no project of the cohort reached is left out; the next one's rate is then over the stage shown before it.
  return { ctx, rows: withoutHiddenEmpty(rows, hiddenStages(stageRows), (r) => r.reached) };
}
export type ConversionData = Awaited<ReturnType<typeof loadConversion>>;

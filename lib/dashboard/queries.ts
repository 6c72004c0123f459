import { and, asc, count, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import {
  checklistItems,
  checklists,
  dashCube,
  dashCubeSource,
  dashFacts,
  dashFunnel,
  dashPipeline,
  dashSigned,
  fundsInPlace,
  grids,
  industryChains,
  parcels,
  parks,
  projects,
  serviceRequests,
  units,
  users,
} from "@/db/schema";
import type { ActivityKind, ParcelStatus, ProjectSource, ProjectStage } from "@/db/schema/enums";
import { inScope, scopeOf, unitSubtree, type Scope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { liveParcels } from "@/lib/land/conditions";
import { sumYuan } from "@/lib/money";
import { receivedBetween } from "@/lib/grids/queries";
import { visibleGrids } from "@/lib/grids/scope";
import { filterConditions, visibleProjects } from "@/lib/projects/queries";
import { STAGES } from "@/lib/projects/stages";
import type { ProjectFilters } from "@/lib/projects/validation";
import { ownerTargetOfYear, unitTargetsOfYear } from "@/lib/targets/queries";
import { unitsTarget, type TargetFigures } from "@/lib/targets/rollup";
import { parkMechanismProgress, visibleChecklists } from "@/lib/workflows/queries";
import { tasksByAssignee } from "@/lib/tasks/queries";
import { listUnits } from "@/lib/units/queries";
import { overdueTaskFilters } from "./links";
import { addDays, nextMonthStart, periodAsOf, resolvePeriod, splitPeriod, yearUpTo, type Period } from "./period";
import type { DashboardParams } from "./validation";

/**
 * 领导驾驶舱: every figure is an SQL aggregate over the rows the viewer may see — projects by
 * the scope condition of visibleProjects (on the summary tables below, which hold no archived
 * project), grids through visibleGrids, checklists through visibleChecklists — narrowed by the
 * page's filters. Each figure counts what the list it opens shows (lib/projects
 * filterConditions, lib/signed signingConditions): lib/dashboard/links.ts builds that list's URL
 * from the same filter values, and the integration tests open every link and compare.
 */

/** Everything a figure needs to know about the request, worked out once. */
export type DashboardContext = {
  viewer: Viewer;
  scope: Scope;
  today: string;
  /** The period chosen, ending on `asOf` when it runs past it (`cut`: the end chosen). */
  period: Period & { cut?: string };
  /** The day every figure is counted as of (today unless the URL names an earlier one): the funnel and the cohort rates replay to it, and the period's figures stop at it. */
  asOf: string;
  /** The page's own filters, as the project lists take them: unit (and below), chain, park; staff: their own projects. */
  base: ProjectFilters;
  /** What the viewer may see, narrowed by `base`: a condition on `projects`. */
  projectWhere: SQL;
  /** The unit filtered on and everything below it (for grids), when there is a unit filter. */
  unitIds?: string[];
  stalledDays: number;
};

export async function dashboardContext(db: DbOrTx, viewer: Viewer, params: DashboardParams, today: string): Promise<DashboardContext> {
  const scope = await scopeOf(db, viewer);
  const base: ProjectFilters = {
    unit: params.unit,
    chain: params.chain,
    park: params.park,
    // Staff see the same page for the projects they own.
    owner: viewer.role === "staff" ? viewer.id : undefined,
  };
  const projectWhere = and(visibleProjects(scope), ...(await filterConditions(db, base, today))) ?? sql`true`;
  const asOf = params.asOf && params.asOf < today ? params.asOf : today;
  const unitIds = params.unit ? await unitSubtree(db, params.unit) : undefined;
  return { viewer, scope, today, period: periodAsOf(resolvePeriod(params, today), asOf, today), asOf, base, projectWhere, unitIds, stalledDays: params.stalled };
}

const n = (v: unknown) => Number(v ?? 0);
const yuan = (v: unknown) => (v === null || v === undefined ? "0" : String(v));

// ── Reading the summary tables (db/schema/dashboard.ts) ────────────────────────────
//
// The figures below read the summary tables that PostgreSQL keeps (migration 0013) instead of
// scanning projects, signings, milestones, activities and stage events: a project's facts
// there are the same conditions the lists apply (dash_facts_v, dash_signed_v), worked out once
// per write. What the viewer may see is the same scope condition as visibleProjects (inScope
// on the unit and owner), and archived projects have no facts. The tests compare every figure
// with the list it opens, and the tables with a rebuild from scratch after writes.

type Dims = { unitId: AnyPgColumn; ownerId: AnyPgColumn; chainId: AnyPgColumn; parkId: AnyPgColumn };

/** The viewer's scope and the page's filters as a condition on a summary table's dimensions. */
function summaryWhere(t: Dims, ctx: DashboardContext): SQL | undefined {
  const b = ctx.base;
  return and(
    inScope(ctx.scope, t.unitId, t.ownerId),
    ctx.unitIds ? inArray(t.unitId, ctx.unitIds) : undefined,
    b.chain ? (b.chain === "none" ? sql`${t.chainId} is null` : eq(t.chainId, b.chain)) : undefined,
    b.park ? (b.park === "none" ? sql`${t.parkId} is null` : eq(t.parkId, b.park)) : undefined,
    b.owner ? eq(t.ownerId, b.owner) : undefined,
  );
}

/** The rows of a per-day-and-month table that make up a date range (both ends included). */
function periodRows(t: { g: AnyPgColumn; d: AnyPgColumn }, from: string, to: string): SQL {
  const { months, days } = splitPeriod(from, to);
  const parts: SQL[] = [];
  if (months) parts.push(sql`(${t.g} = 'm' and ${t.d} >= ${months.from} and ${t.d} < ${months.until})`);
  for (const [a, b] of days) parts.push(sql`(${t.g} = 'd' and ${t.d} between ${a} and ${b})`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

// ── Funnel ─────────────────────────────────────────────────────────────────────

export type FunnelStage = { stage: ProjectStage; count: number; total: string };

/**
 * 漏斗: the active projects at each stage with their Σ total investment (元), as of `ctx.asOf` —
 * today from the projects themselves, an earlier day by replaying the stage events up to the end
 * of that day (a project's total investment is today's: its history is not kept). The replay is
 * kept as each event's move between stages on its day: the funnel of day D is the moves up to
 * D, read as all moves less those after D or as the moves before D, whichever is fewer months.
 */
export async function funnel(db: DbOrTx, ctx: DashboardContext): Promise<FunnelStage[]> {
  let rows: { stage: ProjectStage; n: string | number | null; total: string | null }[];
  if (ctx.asOf === ctx.today) {
    rows = await db
      .select({ stage: dashPipeline.stage, n: sql<string>`sum(${dashPipeline.n})`, total: sql<string | null>`sum(${dashPipeline.total})` })
      .from(dashPipeline)
      .where(summaryWhere(dashPipeline, ctx))
      .groupBy(dashPipeline.stage);
  } else {
    const [first] = await db.select({ d: sql<string | null>`min(${dashFunnel.d})` }).from(dashFunnel).where(eq(dashFunnel.g, "m"));
    const oldest = first?.d ?? ctx.asOf;
    const fromStart = monthsBetween(oldest, ctx.asOf) <= monthsBetween(ctx.asOf, ctx.today);
    // The moves up to D: from the start (the months before D's), or all moves (g = 'a') less the
    // months from D's on; then D's own month by its days, whichever half of it is shorter.
    const f = dashFunnel;
    const month = `${ctx.asOf.slice(0, 7)}-01`;
    const early = Number(ctx.asOf.slice(8, 10)) <= 15;
    const monthEnd = addDays(nextMonthStart(ctx.asOf), -1);
    const plus = (cond: SQL) => ({ cond, sign: 1 });
    const minus = (cond: SQL) => ({ cond, sign: -1 });
    const daysUpTo = sql`(${f.g} = 'd' and ${f.d} between ${month} and ${ctx.asOf})`;
    const daysAfter = sql`(${f.g} = 'd' and ${f.d} > ${ctx.asOf} and ${f.d} <= ${monthEnd})`;
    const cases = fromStart
      ? early
        ? [plus(sql`(${f.g} = 'm' and ${f.d} < ${month})`), plus(daysUpTo)]
        : [plus(sql`(${f.g} = 'm' and ${f.d} <= ${month})`), minus(daysAfter)]
      : early
        ? [plus(sql`${f.g} = 'a'`), minus(sql`(${f.g} = 'm' and ${f.d} >= ${month})`), plus(daysUpTo)]
        : [plus(sql`${f.g} = 'a'`), minus(sql`(${f.g} = 'm' and ${f.d} > ${month})`), minus(daysAfter)];
    const sign = sql`(case ${sql.join(
      cases.map((c) => sql`when ${c.cond} then ${sql.raw(String(c.sign))}`),
      sql` `,
    )} else 0 end)`;
    const rowsOf = sql`(${sql.join(
      cases.map((c) => c.cond),
      sql` or `,
    )})`;
    rows = await db
      .select({ stage: dashFunnel.stage, n: sql<string>`sum(${sign} * ${dashFunnel.n})`, total: sql<string | null>`sum(${sign} * ${dashFunnel.total})` })
      .from(dashFunnel)
      .where(and(rowsOf, summaryWhere(dashFunnel, ctx)))
      .groupBy(dashFunnel.stage);
  }
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  return STAGES.map((stage) => {
    const r = byStage.get(stage);
    const count = n(r?.n);
    return { stage, count, total: count ? yuan(r?.total) : "0" };
  });
}

function monthsBetween(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

// ── The period: new leads, signings, 亿元以上 and investor classes ──────────────────

export type PeriodFigures = {
  leads: number;
  signed: number;
  contract: string;
  big: number;
  bigContract: string;
  top500: number;
  centralSoe: number;
  listed: number;
};

const c = dashCube;

/** New leads (projects logged), signings and their contract investment, and the 亿元以上 ones by investor class, in the period. */
export async function periodFigures(db: DbOrTx, ctx: DashboardContext): Promise<PeriodFigures> {
  const [r] = await db
    .select({
      leads: sql<string>`sum(${c.leads})`,
      signed: sql<string>`sum(${c.signed})`,
      contract: sql<string | null>`sum(${c.contract})`,
      big: sql<string>`sum(${c.big})`,
      bigContract: sql<string | null>`sum(${c.bigContract})`,
      top500: sql<string>`sum(${c.top500})`,
      centralSoe: sql<string>`sum(${c.centralSoe})`,
      listed: sql<string>`sum(${c.listed})`,
    })
    .from(c)
    .where(and(periodRows(c, ctx.period.from, ctx.period.to), summaryWhere(c, ctx)));
  return {
    leads: n(r?.leads),
    signed: n(r?.signed),
    contract: n(r?.signed) ? yuan(r?.contract) : "0",
    big: n(r?.big),
    bigContract: n(r?.big) ? yuan(r?.bigContract) : "0",
    top500: n(r?.top500),
    centralSoe: n(r?.centralSoe),
    listed: n(r?.listed),
  };
}

// ── Targets against actual, for the period's year ────────────────────────────────

export type TargetActuals = { signedCount: number; signedInvestment: string; constructionStarts: number; operatingProjects: number };

/**
 * The year's actual figures (the year of the period's end), up to the as-of day: projects signed
 * in it and their contract investment; construction starts and projects put into operation in it
 * — counted by the first approved report at 开工 (or later) and at 投产 dated in the year.
 */
export async function targetActuals(db: DbOrTx, ctx: DashboardContext): Promise<TargetActuals> {
  const { from, to } = yearUpTo(ctx.period.year, ctx.asOf);
  const [r] = await db
    .select({
      signed: sql<string>`sum(${c.signed})`,
      contract: sql<string | null>`sum(${c.contract})`,
      starts: sql<string>`sum(${c.starts})`,
      operating: sql<string>`sum(${c.operating})`,
    })
    .from(c)
    .where(and(periodRows(c, from, to), summaryWhere(c, ctx)));
  return {
    signedCount: n(r?.signed),
    signedInvestment: n(r?.signed) ? yuan(r?.contract) : "0",
    constructionStarts: n(r?.starts),
    operatingProjects: n(r?.operating),
  };
}

/**
 * The target the year's figures are measured against: staff their own; otherwise the unit
 * filtered on, or the manager's own unit, or (an admin, unfiltered) the whole tree — each a unit's
 * own target or, without one, its child units' added up (lib/targets/rollup.ts).
 */
export async function targetOf(db: DbOrTx, ctx: DashboardContext): Promise<TargetFigures | null> {
  const year = ctx.period.year;
  if (ctx.viewer.role === "staff") return ownerTargetOfYear(db, year, ctx.viewer.id);
  const [rows, unitRows] = await Promise.all([unitTargetsOfYear(db, year), listUnits(db)]);
  const own = new Map(rows.map(({ unitId, ...figures }) => [unitId, figures]));
  const children = new Map<string, string[]>();
  for (const u of unitRows) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const roots = ctx.base.unit ? [ctx.base.unit] : ctx.viewer.role === "manager" ? [ctx.viewer.unitId] : unitRows.filter((u) => !u.parentId).map((u) => u.id);
  return unitsTarget(roots, own, children);
}

// ── Cohort rates ───────────────────────────────────────────────────────────────

export type Cohort = {
  count: number;
  contract: string;
  funds: string;
  registered: number;
  registeredPending: number;
  started: number;
  startedPending: number;
  operating: number;
  operatingPending: number;
  kept: number;
  keptPending: number;
};

/**
 * The projects signed in the period (the signed list's rows), as of `ctx.asOf`: how many had
 * reached 注册, 开工 and 投产 by an approved report dated by then (and how many more only by a
 * report still waiting for review), how many kept to their milestone plan (keptCondition in
 * lib/signed/queries.ts), and the funds in place received by then against their contract
 * investment. One pass over the cohort's facts.
 */
export async function cohort(db: DbOrTx, ctx: DashboardContext): Promise<Cohort> {
  const d = ctx.asOf;
  const s = dashSigned;
  const by = (col: AnyPgColumn) => sql`coalesce(${col} <= ${d}, false)`;
  const pending = (reached: AnyPgColumn, waiting: AnyPgColumn) => sql`count(*) filter (where not ${by(reached)} and ${by(waiting)})::int`;
  const kept = sql`(${s.keptBreak} is null or ${s.keptBreak} > ${d})`;
  const keptPending = sql`(${s.keptPendingBreak} is null or ${s.keptPendingBreak} > ${d})`;
  const cohortWhere = and(gte(s.signedOn, ctx.period.from), lte(s.signedOn, ctx.period.to), summaryWhere(s, ctx));
  const straddling = async () => {
    if (d >= ctx.today) return null;
    const [x] = await db
      .select({ funds: sql<string | null>`sum(${fundsInPlace.amount})` })
      .from(s)
      .innerJoin(fundsInPlace, eq(fundsInPlace.projectId, s.projectId))
      .where(and(cohortWhere, lte(s.fundsFirstOn, d), sql`${s.fundsLastOn} > ${d}`, lte(fundsInPlace.receivedOn, d)));
    return x?.funds ?? null;
  };
  const [[r], partial] = await Promise.all([
    db
    .select({
      count: count(),
      contract: sql<string | null>`sum(${s.contract})`,
      registered: sql<number>`count(*) filter (where ${by(s.regOn)})::int`,
      registeredPending: pending(s.regOn, s.regPendingOn),
      started: sql<number>`count(*) filter (where ${by(s.startOn)})::int`,
      startedPending: pending(s.startOn, s.startPendingOn),
      operating: sql<number>`count(*) filter (where ${by(s.opOn)})::int`,
      operatingPending: pending(s.opOn, s.opPendingOn),
      kept: sql<number>`count(*) filter (where ${kept})::int`,
      keptPending: sql<number>`count(*) filter (where not ${kept} and ${keptPending})::int`,
      // Funds received by D: each project's total when its last entry came by then (as of today,
      // all of them: entries are never dated ahead); the projects whose entries straddle D are
      // added up entry by entry below.
      funds: sql<string | null>`sum(${s.fundsTotal}) filter (where ${s.fundsLastOn} <= ${d})`,
    })
    .from(s)
    .where(cohortWhere),
    straddling(),
  ]);
  const funds = sumYuan([r?.funds ?? "0", partial ?? "0"]);
  const anyFunds = r && r.count > 0 && (r.funds !== null || partial !== null) && Number(funds) !== 0;
  return {
    count: n(r?.count),
    contract: n(r?.count) ? yuan(r?.contract) : "0",
    funds: anyFunds ? funds : "0",
    registered: n(r?.registered),
    registeredPending: n(r?.registeredPending),
    started: n(r?.started),
    startedPending: n(r?.startedPending),
    operating: n(r?.operating),
    operatingPending: n(r?.operatingPending),
    kept: n(r?.kept),
    keptPending: n(r?.keptPending),
  };
}

// ── Monthly trend: signings this year against last ──────────────────────────────

export type MonthFigures = { month: number; count: number; contract: string };
export type Trend = { year: number; months: MonthFigures[]; lastYear: number; lastMonths: MonthFigures[] };

/** Signings month by month, this year against last, up to the as-of day (its own month by its days; later months count nothing). */
export async function monthlyTrend(db: DbOrTx, ctx: DashboardContext): Promise<Trend> {
  const year = ctx.period.year;
  const start = `${year - 1}-01-01`;
  const asOfMonth = `${ctx.asOf.slice(0, 7)}-01`;
  const rows = await db
    .select({
      y: sql<number>`extract(year from ${c.d})::int`,
      m: sql<number>`extract(month from ${c.d})::int`,
      n: sql<string>`sum(${c.signed})`,
      contract: sql<string | null>`sum(${c.contract})`,
    })
    .from(c)
    .where(
      and(
        sql`((${c.g} = 'm' and ${c.d} >= ${start} and ${c.d} <= ${`${year}-12-01`} and ${c.d} < ${asOfMonth})
          or (${c.g} = 'd' and ${c.d} >= ${asOfMonth} and ${c.d} <= ${ctx.asOf} and ${c.d} >= ${start} and ${c.d} <= ${`${year}-12-31`}))`,
        summaryWhere(c, ctx),
      ),
    )
    .groupBy(sql`1`, sql`2`);
  const of = (y: number) =>
    Array.from({ length: 12 }, (_, i) => {
      const r = rows.find((x) => x.y === y && x.m === i + 1);
      return { month: i + 1, count: n(r?.n), contract: n(r?.n) ? yuan(r?.contract) : "0" };
    });
  return { year, months: of(year), lastYear: year - 1, lastMonths: of(year - 1) };
}

// ── Breakdowns of the period's signings ─────────────────────────────────────────

export type BreakdownRow<K> = { key: K; name: string | null; count: number; contract: string };
export type Breakdowns = {
  chain: BreakdownRow<string | null>[];
  park: BreakdownRow<string | null>[];
  source: BreakdownRow<ProjectSource>[];
  unit: (BreakdownRow<string> & { depth: number })[];
  owner: BreakdownRow<string>[];
};

/** The period's signings (count, Σ contract investment) by industry chain, park, source, unit and owner: two grouped reads. */
export async function breakdowns(db: DbOrTx, ctx: DashboardContext): Promise<Breakdowns> {
  const cs = dashCubeSource;
  const [{ rows: grouped }, bySource] = await Promise.all([
    db.execute<{ dim: string; chain_id: string | null; park_id: string | null; unit_id: string | null; owner_id: string | null; n: string; contract: string }>(sql`
      select case when grouping(${c.chainId}) = 0 then 'chain' when grouping(${c.parkId}) = 0 then 'park'
                  when grouping(${c.unitId}) = 0 then 'unit' else 'owner' end as dim,
             ${c.chainId} as chain_id, ${c.parkId} as park_id, ${c.unitId} as unit_id, ${c.ownerId} as owner_id,
             sum(${c.signed}) as n, sum(${c.contract}) as contract
        from ${c}
       where ${and(periodRows(c, ctx.period.from, ctx.period.to), summaryWhere(c, ctx))}
       group by grouping sets ((${c.chainId}), (${c.parkId}), (${c.unitId}), (${c.ownerId}))
      having sum(${c.signed}) > 0`),
    db
      .select({ source: cs.source, n: sql<string>`sum(${cs.signed})`, contract: sql<string>`sum(${cs.contract})` })
      .from(cs)
      .where(and(periodRows(cs, ctx.period.from, ctx.period.to), summaryWhere(cs, ctx)))
      .groupBy(cs.source)
      .having(sql`sum(${cs.signed}) > 0`),
  ]);
  const rows = [...grouped, ...bySource.map((r) => ({ dim: "source", chain_id: null, park_id: null, unit_id: null, owner_id: null, source: r.source, n: r.n, contract: r.contract }))] as {
    dim: string;
    chain_id: string | null;
    park_id: string | null;
    unit_id: string | null;
    owner_id: string | null;
    source?: ProjectSource;
    n: string;
    contract: string;
  }[];
  const of = (dim: string) => rows.filter((r) => r.dim === dim);
  const ids = (dim: string, key: "chain_id" | "park_id" | "unit_id" | "owner_id") => of(dim).flatMap((r) => (r[key] ? [r[key]!] : []));
  const [chainNames, parkNames, unitRows, ownerNames] = await Promise.all([
    db.select({ id: industryChains.id, name: industryChains.name, order: industryChains.sortOrder }).from(industryChains).where(inArray(industryChains.id, ["00000000-0000-0000-0000-000000000000", ...ids("chain", "chain_id")])),
    db.select({ id: parks.id, name: parks.name, order: parks.sortOrder }).from(parks).where(inArray(parks.id, ["00000000-0000-0000-0000-000000000000", ...ids("park", "park_id")])),
    listUnits(db),
    db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ["00000000-0000-0000-0000-000000000000", ...ids("owner", "owner_id")])),
  ]);
  const row = <K>(key: K, name: string | null, r: { n: string; contract: string }): BreakdownRow<K> => ({ key, name, count: n(r.n), contract: yuan(r.contract) });
  const byOrder = <T extends { name: string | null }>(order: (x: T) => number) => (a: T, b: T) =>
    order(a) - order(b) || (a.name ?? "").localeCompare(b.name ?? "", "zh-CN");
  const named = (list: { id: string; name: string; order: number }[]) => new Map(list.map((x) => [x.id, x]));
  const chains = named(chainNames);
  const parkMap = named(parkNames);
  const NONE = Number.MAX_SAFE_INTEGER;
  const chain = of("chain")
    .map((r) => row(r.chain_id, r.chain_id ? (chains.get(r.chain_id)?.name ?? null) : null, r))
    .sort(byOrder((x) => (x.key ? (chains.get(x.key)?.order ?? 0) : NONE)));
  const park = of("park")
    .map((r) => row(r.park_id, r.park_id ? (parkMap.get(r.park_id)?.name ?? null) : null, r))
    .sort(byOrder((x) => (x.key ? (parkMap.get(x.key)?.order ?? 0) : NONE)));
  const SOURCES_ORDER = ["promotion_event", "business_referral", "intermediary", "resident_office", "online", "walk_in", "other"];
  const source = of("source")
    .map((r) => row(r.source!, null, r))
    .sort((a, b) => SOURCES_ORDER.indexOf(a.key) - SOURCES_ORDER.indexOf(b.key));
  // Units in the tree's order, indented by depth.
  const parentOf = new Map(unitRows.map((u) => [u.id, u.parentId]));
  const depth = (id: string, seen = 0): number => {
    const p = parentOf.get(id);
    return p && seen < 50 ? depth(p, seen + 1) + 1 : 0;
  };
  const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
  const order = treeOrder(unitRows);
  const unitOut = of("unit")
    .map((r) => ({ ...row(r.unit_id!, unitName.get(r.unit_id!) ?? null, r), depth: depth(r.unit_id!) }))
    .sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  const minDepth = Math.min(...unitOut.map((u) => u.depth));
  const ownerName = new Map(ownerNames.map((u) => [u.id, u.name]));
  const owner = of("owner")
    .map((r) => row(r.owner_id!, ownerName.get(r.owner_id!) ?? null, r))
    .sort((a, b) => b.count - a.count || (a.name ?? "").localeCompare(b.name ?? "", "zh-CN"));
  return { chain, park, source, unit: unitOut.map((u) => ({ ...u, depth: u.depth - minDepth })), owner };
}

/** Depth-first position of each unit (siblings by sort order, then name). */
function treeOrder(rows: { id: string; parentId: string | null; sortOrder: number; name: string }[]): Map<string, number> {
  const kids = new Map<string | null, typeof rows>();
  for (const r of rows) kids.set(r.parentId, [...(kids.get(r.parentId) ?? []), r]);
  const out = new Map<string, number>();
  const walk = (parent: string | null) => {
    for (const r of (kids.get(parent) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "zh-CN"))) {
      out.set(r.id, out.size);
      walk(r.id);
    }
  };
  walk(null);
  return out;
}

// ── Owner league table with the activity index ──────────────────────────────────

/** The activity kinds the index counts: 走访, 来访, 推介会. */
export const INDEX_KINDS = ["visit", "reception", "promotion_event"] as const satisfies readonly ActivityKind[];

export type LeagueRow = {
  ownerId: string;
  name: string;
  unitName: string;
  visit: number;
  reception: number;
  promotion_event: number;
  signings: number;
  starts: number;
  index: number;
};

/**
 * 招商专员排行: per owner of the projects in view, in the period — visits, receptions and
 * promotion events recorded on their projects (activities, not projects: a project visited
 * twice counts twice), projects signed, and construction starts (first approved 开工 report
 * dated in the period). The activity index is their sum, each counting one.
 */
export async function league(db: DbOrTx, ctx: DashboardContext): Promise<LeagueRow[]> {
  const rows = await db
    .select({
      ownerId: c.ownerId,
      visit: sql<string>`sum(${c.visits})`,
      reception: sql<string>`sum(${c.receptions})`,
      promotion_event: sql<string>`sum(${c.promotions})`,
      signings: sql<string>`sum(${c.signed})`,
      starts: sql<string>`sum(${c.starts})`,
    })
    .from(c)
    .where(and(periodRows(c, ctx.period.from, ctx.period.to), summaryWhere(c, ctx)))
    .groupBy(c.ownerId)
    .having(sql`sum(${c.visits}) + sum(${c.receptions}) + sum(${c.promotions}) + sum(${c.signed}) + sum(${c.starts}) > 0`);
  if (!rows.length) return [];
  const people = await db
    .select({ id: users.id, name: users.displayName, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(inArray(users.id, rows.map((r) => r.ownerId)));
  const who = new Map(people.map((p) => [p.id, p]));
  return rows
    .map((r) => {
      const figures = { visit: n(r.visit), reception: n(r.reception), promotion_event: n(r.promotion_event), signings: n(r.signings), starts: n(r.starts) };
      const index = figures.visit + figures.reception + figures.promotion_event + figures.signings + figures.starts;
      return { ownerId: r.ownerId, name: who.get(r.ownerId)?.name ?? "", unitName: who.get(r.ownerId)?.unitName ?? "", ...figures, index };
    })
    .sort((a, b) => b.index - a.index || b.signings - a.signings || a.name.localeCompare(b.name, "zh-CN"));
}

// ── Stage conversion and days in stage ─────────────────────────────────────────

export type ConversionRow = { stage: ProjectStage; reached: number; medianDays: number | null };

/**
 * For the projects logged in the period (the period's new leads), from their stage events, as
 * they stand today: how many have reached each stage (or a later one), and, for those that
 * reached it, the median days from first reaching the stage before it (China dates).
 * Conversion from one stage to the next is reached(next) ÷ reached(stage). The counts are sums
 * kept per day of logging; the medians are worked out over the projects' facts.
 */
export async function conversion(db: DbOrTx, ctx: DashboardContext): Promise<ConversionRow[]> {
  const f = dashFacts;
  const reachedCols = [c.reached1, c.reached2, c.reached3, c.reached4, c.reached5, c.reached6, c.reached7, c.reached8];
  const r = [f.r0, f.r1, f.r2, f.r3, f.r4, f.r5, f.r6, f.r7, f.r8];
  const cohortWhere = and(gte(f.createdOn, ctx.period.from), lte(f.createdOn, ctx.period.to), summaryWhere(f, ctx));
  // The one figure that reads every project of the cohort: a median sorts its values.
  const [[counts], [medians]] = await Promise.all([
    db
      .select(Object.fromEntries([["n0", sql<string>`sum(${c.leads})`], ...reachedCols.map((col, i) => [`n${i + 1}`, sql<string>`sum(${col})`])]))
      .from(c)
      .where(and(periodRows(c, ctx.period.from, ctx.period.to), summaryWhere(c, ctx))),
    db
      .select(Object.fromEntries(r.slice(1).map((col, k) => [`d${k + 1}`, sql<number | null>`percentile_cont(0.5) within group (order by ${col} - ${r[k]!}) filter (where ${col} is not null)`])))
      .from(f)
      .where(cohortWhere),
  ]);
  return STAGES.map((stage, i) => {
    const m = i === 0 ? null : medians?.[`d${i}`];
    return { stage, reached: n(counts?.[`n${i}`]), medianDays: m === null || m === undefined ? null : Number(m) };
  });
}

// ── Stalled projects and overdue tasks ──────────────────────────────────────────

export type PersonCount = { userId: string; name: string; count: number };

/** Active projects short of 投产 with no activity for `ctx.stalledDays` days (last activity, or creation, on or before that many days ago), by owner. */
export async function stalledByOwner(db: DbOrTx, ctx: DashboardContext): Promise<PersonCount[]> {
  const cutoff = addDays(ctx.today, -ctx.stalledDays);
  const rows = await db
    .select({ userId: c.ownerId, count: sql<string>`sum(${c.idle})` })
    .from(c)
    .where(and(periodRows(c, "1900-01-01", cutoff), summaryWhere(c, ctx)))
    .groupBy(c.ownerId)
    .having(sql`sum(${c.idle}) > 0`);
  return withNames(db, rows);
}

async function withNames(db: DbOrTx, rows: { userId: string; count: string | number }[]): Promise<PersonCount[]> {
  if (!rows.length) return [];
  const people = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, rows.map((r) => r.userId)));
  const name = new Map(people.map((p) => [p.id, p.name]));
  return rows
    .map((r) => ({ userId: r.userId, name: name.get(r.userId) ?? "", count: n(r.count) }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "zh-CN"));
}

/**
 * Open tasks past their due date, by the person they are assigned to (as each one's 我的工作
 * counts them), most first: the tasks the viewer may see (lib/tasks visibleTasks) under the page's
 * unit, chain and park (staff: on their own projects) — what /tasks shows for the same filters.
 */
export async function overdueByAssignee(db: DbOrTx, ctx: DashboardContext): Promise<PersonCount[]> {
  return tasksByAssignee(db, ctx.viewer, ctx.scope, overdueTaskFilters(ctx.base), ctx.today);
}

// ── Land, mechanisms, grid service ──────────────────────────────────────────────

export type LandPark = { parkId: string; name: string; byStatus: Partial<Record<ParcelStatus, { parcels: number; area: string }>> };

/** Parcel area (亩) and count by status, per park (the park filter applies; parcels are everyone's reference data; archived ones left out, as on the parcel list). */
export async function landByPark(db: DbOrTx, ctx: DashboardContext): Promise<LandPark[]> {
  const parkFilter = ctx.base.park && ctx.base.park !== "none" ? eq(parcels.parkId, ctx.base.park) : undefined;
  if (ctx.base.park === "none") return [];
  const rows = await db
    .select({ parkId: parcels.parkId, name: parks.name, sortOrder: parks.sortOrder, status: parcels.status, n: count(), area: sql<string>`coalesce(sum(${parcels.areaMu}), 0)` })
    .from(parcels)
    .innerJoin(parks, eq(parks.id, parcels.parkId))
    .where(and(parkFilter, liveParcels))
    .groupBy(parcels.parkId, parks.name, parks.sortOrder, parcels.status)
    .orderBy(asc(parks.sortOrder), asc(parks.name));
  const out = new Map<string, LandPark>();
  for (const r of rows) {
    let p = out.get(r.parkId);
    if (!p) out.set(r.parkId, (p = { parkId: r.parkId, name: r.name, byStatus: {} }));
    p.byStatus[r.status] = { parcels: r.n, area: r.area };
  }
  return [...out.values()];
}

export type MechanismPark = {
  parkId: string;
  name: string;
  mechanism: { total: number; done: number; overdue: number };
  service: { total: number; done: number; overdue: number };
};

/**
 * Per park: the items of its mechanism checklists (7个1, 5个1) and of its projects' service
 * checklists (用地一件事, 落地办专班) that the viewer may see — how many, done, and overdue.
 */
export async function mechanismsByPark(db: DbOrTx, ctx: DashboardContext): Promise<MechanismPark[]> {
  if (ctx.base.park === "none") return [];
  const parkRows = await db
    .select({ id: parks.id, name: parks.name })
    .from(parks)
    .where(ctx.base.park ? eq(parks.id, ctx.base.park) : undefined)
    .orderBy(asc(parks.sortOrder), asc(parks.name));
  const ids = parkRows.map((p) => p.id);
  const [mechanism, service] = await Promise.all([
    parkMechanismProgress(db, ctx.viewer, ids, ctx.today),
    ids.length
      ? db
          .select({
            parkId: projects.parkId,
            total: count(),
            done: sql<number>`count(*) filter (where ${checklistItems.status} = 'done')::int`,
            overdue: sql<number>`count(*) filter (where ${checklistItems.status} <> 'done' and ${checklistItems.dueDate} < ${ctx.today})::int`,
          })
          .from(checklistItems)
          .innerJoin(checklists, eq(checklists.id, checklistItems.checklistId))
          .innerJoin(projects, eq(projects.id, checklists.projectId))
          .where(and(inArray(projects.parkId, ids), visibleChecklists(ctx.scope, ctx.viewer), ctx.projectWhere))
          .groupBy(projects.parkId)
      : [],
  ]);
  const byPark = new Map(service.map((s) => [s.parkId, s]));
  const none = { total: 0, done: 0, overdue: 0 };
  return parkRows
    .map((p) => ({
      parkId: p.id,
      name: p.name,
      mechanism: mechanism.get(p.id) ?? none,
      service: (({ total, done, overdue }) => ({ total, done, overdue }))(byPark.get(p.id) ?? { ...none, parkId: p.id }),
    }))
    .filter((p) => p.mechanism.total > 0 || p.service.total > 0);
}

export type GridFigures = { gridId: string; code: string; name: string; received: number; resolved: number };

/** 网格服务 办结率: requests received in the period and resolved, per grid the viewer may see (as /grids counts them). */
export async function gridClosure(db: DbOrTx, ctx: DashboardContext): Promise<{ grids: GridFigures[]; received: number; resolved: number }> {
  const rows = await db
    .select({
      gridId: grids.id,
      code: grids.code,
      name: grids.name,
      received: count(),
      resolved: sql<number>`count(${serviceRequests.resolvedAt})::int`,
    })
    .from(serviceRequests)
    .innerJoin(grids, eq(grids.id, serviceRequests.gridId))
    .where(and(visibleGrids(ctx.scope, ctx.viewer.id), ctx.unitIds ? inArray(grids.unitId, ctx.unitIds) : undefined, receivedBetween(ctx.period)))
    .groupBy(grids.id, grids.code, grids.name, grids.sortOrder)
    .orderBy(asc(grids.sortOrder), asc(grids.code));
  return { grids: rows, received: rows.reduce((s, g) => s + g.received, 0), resolved: rows.reduce((s, g) => s + g.resolved, 0) };
}

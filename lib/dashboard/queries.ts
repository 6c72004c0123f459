import { and, asc, count, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  activities,
  checklistItems,
  checklists,
  fundsInPlace,
  grids,
  industryChains,
  parcels,
  parks,
  projects,
  serviceRequests,
  signings,
  tasks,
  units,
  users,
} from "@/db/schema";
import type { ActivityKind, ParcelStatus, ProjectSource, ProjectStage } from "@/db/schema/enums";
import { scopeOf, unitSubtree, type Scope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { receivedBetween } from "@/lib/grids/queries";
import { visibleGrids } from "@/lib/grids/scope";
import { dayEnd, filterConditions, investorCondition, overdueTaskMatch, positionAsOf, stalledCondition, visibleProjects } from "@/lib/projects/queries";
import { STAGES } from "@/lib/projects/stages";
import type { ProjectFilters } from "@/lib/projects/validation";
import { keptCondition, onSignedList, pendingCondition, reportCondition, signingConditions } from "@/lib/signed/queries";
import type { SignedFilters } from "@/lib/signed/validation";
import { ownerTargetOfYear, unitTargetsOfYear } from "@/lib/targets/queries";
import { unitsTarget, type TargetFigures } from "@/lib/targets/rollup";
import { parkMechanismProgress, visibleChecklists } from "@/lib/workflows/queries";
import { listUnits } from "@/lib/units/queries";
import { resolvePeriod, yearRange, type Period } from "./period";
import type { DashboardParams } from "./validation";

/**
 * 领导驾驶舱: every figure is an SQL aggregate over the rows the viewer may see — projects
 * through visibleProjects(scope), grids through visibleGrids, checklists through
 * visibleChecklists — narrowed by the page's filters. Each figure is counted with the very
 * conditions of the list it opens (lib/projects filterConditions, lib/signed signingConditions),
 * and lib/dashboard/links.ts builds that list's URL from the same filter values, so the list
 * shows the same number.
 */

/** Everything a figure needs to know about the request, worked out once. */
export type DashboardContext = {
  viewer: Viewer;
  scope: Scope;
  today: string;
  period: Period;
  /** The funnel's and the cohort rates' day (today unless the URL names an earlier one). */
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
  return { viewer, scope, today, period: resolvePeriod(params, today), asOf, base, projectWhere, unitIds, stalledDays: params.stalled };
}

/** The condition of a project list with these filters on top of the page's (no unit: it is in `base`). */
async function projectsWith(db: DbOrTx, ctx: DashboardContext, f: ProjectFilters): Promise<SQL> {
  return and(ctx.projectWhere, ...(await filterConditions(db, f, ctx.today)))!;
}

/** The condition of a signed list with these filters on top of the page's; the query joins `signings`. */
function signedWith(ctx: DashboardContext, f: SignedFilters = {}): SQL {
  return and(ctx.projectWhere, onSignedList, ...signingConditions(f, ctx.today))!;
}

const n = (v: unknown) => Number(v ?? 0);
const yuan = (v: unknown) => (v === null || v === undefined ? "0" : String(v));

// ── Funnel ─────────────────────────────────────────────────────────────────────

export type FunnelStage = { stage: ProjectStage; count: number; total: string };

/**
 * 漏斗: the active projects at each stage with their Σ total investment (元), as of `ctx.asOf` —
 * today from the projects themselves, an earlier day by replaying the stage events up to the end
 * of that day (a project's total investment is today's: its history is not kept).
 */
export async function funnel(db: DbOrTx, ctx: DashboardContext): Promise<FunnelStage[]> {
  let rows: { stage: ProjectStage; n: number; total: string | null }[];
  if (ctx.asOf === ctx.today) {
    rows = await db
      .select({ stage: projects.stage, n: count(), total: sql<string | null>`sum(${projects.totalInvestment})` })
      .from(projects)
      .where(and(ctx.projectWhere, eq(projects.status, "active")))
      .groupBy(projects.stage);
  } else {
    const result = await db.execute<{ stage: ProjectStage; n: number; total: string | null }>(sql`
      select p.stage, count(*)::int as n, sum(${projects.totalInvestment}) as total
        from ${projects} cross join lateral ${positionAsOf(ctx.asOf)} p
       where ${ctx.projectWhere} and p.status = 'active'
       group by p.stage`);
    rows = result.rows;
  }
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  return STAGES.map((stage) => ({ stage, count: n(byStage.get(stage)?.n), total: yuan(byStage.get(stage)?.total) }));
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

export async function periodFigures(db: DbOrTx, ctx: DashboardContext): Promise<PeriodFigures> {
  const { from, to } = ctx.period;
  const big = sql`${projects.totalInvestment} >= 100000000`;
  const [leadsWhere, [signed]] = await Promise.all([
    projectsWith(db, ctx, { createdFrom: from, createdTo: to }),
    db
      .select({
        n: count(),
        contract: sql<string | null>`sum(${signings.contractInvestment})`,
        big: sql<number>`count(*) filter (where ${big})::int`,
        bigContract: sql<string | null>`sum(${signings.contractInvestment}) filter (where ${big})`,
        top500: sql<number>`count(*) filter (where ${big} and ${investorCondition("top500")})::int`,
        centralSoe: sql<number>`count(*) filter (where ${big} and ${investorCondition("central_soe")})::int`,
        listed: sql<number>`count(*) filter (where ${big} and ${investorCondition("listed")})::int`,
      })
      .from(projects)
      .innerJoin(signings, eq(signings.projectId, projects.id))
      .where(signedWith(ctx, { signedFrom: from, signedTo: to })),
  ]);
  const [leads] = await db.select({ n: count() }).from(projects).where(leadsWhere);
  return {
    leads: n(leads?.n),
    signed: n(signed?.n),
    contract: yuan(signed?.contract),
    big: n(signed?.big),
    bigContract: yuan(signed?.bigContract),
    top500: n(signed?.top500),
    centralSoe: n(signed?.centralSoe),
    listed: n(signed?.listed),
  };
}

// ── Targets against actual, for the period's year ────────────────────────────────

export type TargetActuals = { signedCount: number; signedInvestment: string; constructionStarts: number; operatingProjects: number };

/**
 * The year's actual figures (the year of the period's end): projects signed in it and their
 * contract investment; construction starts and projects put into operation in it — counted by
 * the first approved report at 开工 (or later) and at 投产 dated in the year.
 */
export async function targetActuals(db: DbOrTx, ctx: DashboardContext): Promise<TargetActuals> {
  const { from, to } = yearRange(ctx.period.year);
  const inYear = sql`${signings.signingDate} between ${from} and ${to}`;
  const [row] = await db
    .select({
      signed: sql<number>`count(*) filter (where ${inYear})::int`,
      contract: sql<string | null>`sum(${signings.contractInvestment}) filter (where ${inYear})`,
      starts: sql<number>`count(*) filter (where ${reportCondition("construction", from, to)})::int`,
      operating: sql<number>`count(*) filter (where ${reportCondition("operating", from, to)})::int`,
    })
    .from(projects)
    .innerJoin(signings, eq(signings.projectId, projects.id))
    .where(signedWith(ctx));
  return { signedCount: n(row?.signed), signedInvestment: yuan(row?.contract), constructionStarts: n(row?.starts), operatingProjects: n(row?.operating) };
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
 * report still waiting for review), how many kept to their milestone plan (keptCondition), and
 * the funds in place received by then against their contract investment.
 */
export async function cohort(db: DbOrTx, ctx: DashboardContext): Promise<Cohort> {
  const d = ctx.asOf;
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    with sel as (
      select ${projects.id} as id, ${signings.contractInvestment} as contract,
             ${reportCondition("registered", undefined, d)} as reg, ${pendingCondition("registered", d)} as reg_p,
             ${reportCondition("construction", undefined, d)} as start, ${pendingCondition("construction", d)} as start_p,
             ${reportCondition("operating", undefined, d)} as op, ${pendingCondition("operating", d)} as op_p,
             ${keptCondition("yes", d)} as kept, ${keptCondition("pending", d)} as kept_p
        from ${projects} inner join ${signings} on ${signings.projectId} = ${projects.id}
       where ${signedWith(ctx, { signedFrom: ctx.period.from, signedTo: ctx.period.to })})
    select count(*)::int as n, sum(contract) as contract,
           count(*) filter (where reg)::int as reg, count(*) filter (where reg_p)::int as reg_p,
           count(*) filter (where start)::int as start, count(*) filter (where start_p)::int as start_p,
           count(*) filter (where op)::int as op, count(*) filter (where op_p)::int as op_p,
           count(*) filter (where kept)::int as kept, count(*) filter (where kept_p)::int as kept_p,
           (select sum(${fundsInPlace.amount}) from ${fundsInPlace} inner join sel s on s.id = ${fundsInPlace.projectId}
             where ${fundsInPlace.receivedOn} <= ${d}) as funds
      from sel`);
  const r = rows[0] ?? {};
  return {
    count: n(r.n),
    contract: yuan(r.contract),
    funds: yuan(r.funds),
    registered: n(r.reg),
    registeredPending: n(r.reg_p),
    started: n(r.start),
    startedPending: n(r.start_p),
    operating: n(r.op),
    operatingPending: n(r.op_p),
    kept: n(r.kept),
    keptPending: n(r.kept_p),
  };
}

// ── Monthly trend: signings this year against last ──────────────────────────────

export type MonthFigures = { month: number; count: number; contract: string };
export type Trend = { year: number; months: MonthFigures[]; lastYear: number; lastMonths: MonthFigures[] };

export async function monthlyTrend(db: DbOrTx, ctx: DashboardContext): Promise<Trend> {
  const year = ctx.period.year;
  const { rows } = await db.execute<{ y: number; m: number; n: number; contract: string | null }>(sql`
    select extract(year from ${signings.signingDate})::int as y, extract(month from ${signings.signingDate})::int as m,
           count(*)::int as n, sum(${signings.contractInvestment}) as contract
      from ${projects} inner join ${signings} on ${signings.projectId} = ${projects.id}
     where ${signedWith(ctx, { signedFrom: `${year - 1}-01-01`, signedTo: `${year}-12-31` })}
     group by 1, 2`);
  const of = (y: number) =>
    Array.from({ length: 12 }, (_, i) => {
      const r = rows.find((x) => x.y === y && x.m === i + 1);
      return { month: i + 1, count: n(r?.n), contract: yuan(r?.contract) };
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

/** The period's signings (count, Σ contract investment) by industry chain, park, source, unit and owner. */
export async function breakdowns(db: DbOrTx, ctx: DashboardContext): Promise<Breakdowns> {
  const where = signedWith(ctx, { signedFrom: ctx.period.from, signedTo: ctx.period.to });
  const measures = { n: count(), contract: sql<string | null>`sum(${signings.contractInvestment})` };
  const [chain, park, sources, unit, owner, unitRows] = await Promise.all([
    db
      .select({ key: projects.industryChainId, name: industryChains.name, ...measures })
      .from(projects)
      .innerJoin(signings, eq(signings.projectId, projects.id))
      .leftJoin(industryChains, eq(industryChains.id, projects.industryChainId))
      .where(where)
      .groupBy(projects.industryChainId, industryChains.name, industryChains.sortOrder)
      .orderBy(sql`${industryChains.sortOrder} nulls last`, asc(industryChains.name)),
    db
      .select({ key: projects.parkId, name: parks.name, ...measures })
      .from(projects)
      .innerJoin(signings, eq(signings.projectId, projects.id))
      .leftJoin(parks, eq(parks.id, projects.parkId))
      .where(where)
      .groupBy(projects.parkId, parks.name, parks.sortOrder)
      .orderBy(sql`${parks.sortOrder} nulls last`, asc(parks.name)),
    db
      .select({ key: projects.source, ...measures })
      .from(projects)
      .innerJoin(signings, eq(signings.projectId, projects.id))
      .where(where)
      .groupBy(projects.source)
      .orderBy(projects.source),
    db
      .select({ key: projects.unitId, ...measures })
      .from(projects)
      .innerJoin(signings, eq(signings.projectId, projects.id))
      .where(where)
      .groupBy(projects.unitId),
    db
      .select({ key: projects.ownerId, name: users.displayName, ...measures })
      .from(projects)
      .innerJoin(signings, eq(signings.projectId, projects.id))
      .innerJoin(users, eq(users.id, projects.ownerId))
      .where(where)
      .groupBy(projects.ownerId, users.displayName)
      .orderBy(sql`count(*) desc`, asc(users.displayName)),
    listUnits(db),
  ]);
  const row = <K>(r: { key: K; name?: string | null; n: number; contract: string | null }): BreakdownRow<K> => ({ key: r.key, name: r.name ?? null, count: r.n, contract: yuan(r.contract) });
  // Units in the tree's order, indented by depth.
  const depthOf = new Map<string, number>();
  const parentOf = new Map(unitRows.map((u) => [u.id, u.parentId]));
  const depth = (id: string): number => {
    if (depthOf.has(id)) return depthOf.get(id)!;
    const p = parentOf.get(id);
    const d = p ? depth(p) + 1 : 0;
    depthOf.set(id, d);
    return d;
  };
  const names = new Map(unitRows.map((u) => [u.id, u.name]));
  const order = treeOrder(unitRows);
  const unitOut = unit
    .map((r) => ({ ...row({ ...r, name: names.get(r.key) ?? null }), depth: depth(r.key) }))
    .sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  const minDepth = Math.min(...unitOut.map((u) => u.depth));
  return {
    chain: chain.map(row),
    park: park.map(row),
    source: sources.map(row),
    unit: unitOut.map((u) => ({ ...u, depth: u.depth - minDepth })),
    owner: owner.map(row),
  };
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
  const { from, to } = ctx.period;
  const [acts, signed] = await Promise.all([
    db
      .select({ ownerId: projects.ownerId, kind: activities.kind, n: count() })
      .from(activities)
      .innerJoin(projects, eq(projects.id, activities.projectId))
      .where(and(ctx.projectWhere, inArray(activities.kind, [...INDEX_KINDS]), gte(activities.occurredOn, from), lte(activities.occurredOn, to)))
      .groupBy(projects.ownerId, activities.kind),
    db
      .select({
        ownerId: projects.ownerId,
        signings: sql<number>`count(*) filter (where ${signings.signingDate} between ${from} and ${to})::int`,
        starts: sql<number>`count(*) filter (where ${reportCondition("construction", from, to)})::int`,
      })
      .from(projects)
      .innerJoin(signings, eq(signings.projectId, projects.id))
      .where(signedWith(ctx))
      .groupBy(projects.ownerId),
  ]);
  const byOwner = new Map<string, LeagueRow>();
  const get = (ownerId: string) => {
    let r = byOwner.get(ownerId);
    if (!r) byOwner.set(ownerId, (r = { ownerId, name: "", unitName: "", visit: 0, reception: 0, promotion_event: 0, signings: 0, starts: 0, index: 0 }));
    return r;
  };
  for (const a of acts) get(a.ownerId)[a.kind as (typeof INDEX_KINDS)[number]] = a.n;
  for (const s of signed) {
    if (!s.signings && !s.starts) continue;
    const r = get(s.ownerId);
    r.signings = s.signings;
    r.starts = s.starts;
  }
  if (!byOwner.size) return [];
  const people = await db
    .select({ id: users.id, name: users.displayName, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(inArray(users.id, [...byOwner.keys()]));
  for (const p of people) Object.assign(byOwner.get(p.id)!, { name: p.name, unitName: p.unitName });
  const rows = [...byOwner.values()].map((r) => ({ ...r, index: r.visit + r.reception + r.promotion_event + r.signings + r.starts }));
  return rows.sort((a, b) => b.index - a.index || b.signings - a.signings || a.name.localeCompare(b.name, "zh-CN"));
}

// ── Stage conversion and days in stage ─────────────────────────────────────────

export type ConversionRow = { stage: ProjectStage; reached: number; medianDays: number | null };

/**
 * For the projects logged in the period (the period's new leads), as of `ctx.asOf`, from their
 * stage events: how many had reached each stage (or a later one), and, for those that reached
 * it, the median days from first reaching the stage before it (China dates). Conversion from
 * one stage to the next is reached(next) ÷ reached(stage).
 */
export async function conversion(db: DbOrTx, ctx: DashboardContext): Promise<ConversionRow[]> {
  const where = await projectsWith(db, ctx, { createdFrom: ctx.period.from, createdTo: ctx.period.to });
  const reach = STAGES.map((s, i) => sql`min((se.at at time zone 'Asia/Shanghai')::date) filter (where se.to_stage >= ${s}) as t${sql.raw(String(i))}`);
  const counts = STAGES.map((_, i) => sql`count(t${sql.raw(String(i))})::int as n${sql.raw(String(i))}`);
  const medians = STAGES.slice(1).map(
    (_, k) => sql`percentile_cont(0.5) within group (order by t${sql.raw(String(k + 1))} - t${sql.raw(String(k))}) as d${sql.raw(String(k + 1))}`,
  );
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    with c as (
      select ${projects.id} as id, ${sql.join(reach, sql`, `)}
        from ${projects} inner join stage_events se on se.project_id = ${projects.id} and se.at < ${dayEnd(ctx.asOf)}
       where ${where}
       group by ${projects.id})
    select ${sql.join([...counts, ...medians], sql`, `)} from c`);
  const r = rows[0] ?? {};
  return STAGES.map((stage, i) => {
    const d = i === 0 ? null : r[`d${i}`];
    return { stage, reached: n(r[`n${i}`]), medianDays: d === null || d === undefined ? null : Number(d) };
  });
}

// ── Stalled projects and overdue tasks ──────────────────────────────────────────

export type PersonCount = { userId: string; name: string; count: number };

/** Active projects short of 投产 with no activity for `ctx.stalledDays` days, by owner, most first. */
export async function stalledByOwner(db: DbOrTx, ctx: DashboardContext): Promise<PersonCount[]> {
  const rows = await db
    .select({ userId: projects.ownerId, name: users.displayName, count: count() })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.ownerId))
    .where(and(ctx.projectWhere, stalledCondition(ctx.stalledDays, ctx.today)))
    .groupBy(projects.ownerId, users.displayName)
    .orderBy(sql`count(*) desc`, asc(users.displayName));
  return rows;
}

/** Open tasks past due on the projects in view, by assignee, most first. */
export async function overdueByAssignee(db: DbOrTx, ctx: DashboardContext): Promise<PersonCount[]> {
  return db
    .select({ userId: tasks.assigneeId, name: users.displayName, count: count() })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .where(and(ctx.projectWhere, overdueTaskMatch({}, ctx.today)))
    .groupBy(tasks.assigneeId, users.displayName)
    .orderBy(sql`count(*) desc`, asc(users.displayName));
}

// ── Land, mechanisms, grid service ──────────────────────────────────────────────

export type LandPark = { parkId: string; name: string; byStatus: Partial<Record<ParcelStatus, { parcels: number; area: string }>> };

/** Parcel area (亩) and count by status, per park (the park filter applies; parcels are everyone's reference data). */
export async function landByPark(db: DbOrTx, ctx: DashboardContext): Promise<LandPark[]> {
  const parkFilter = ctx.base.park && ctx.base.park !== "none" ? eq(parcels.parkId, ctx.base.park) : undefined;
  if (ctx.base.park === "none") return [];
  const rows = await db
    .select({ parkId: parcels.parkId, name: parks.name, sortOrder: parks.sortOrder, status: parcels.status, n: count(), area: sql<string>`coalesce(sum(${parcels.areaMu}), 0)` })
    .from(parcels)
    .innerJoin(parks, eq(parks.id, parcels.parkId))
    .where(parkFilter)
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

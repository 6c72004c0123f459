import { and, asc, eq, gte, inArray, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { enterprises, gridOfficers, grids, holidays, serviceRequests, units, users } from "@/db/schema";
import type { GridRole, RequestCategory, RequestStatus } from "@/db/schema/enums";
import { scopeOf, unitSubtree } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { visibleEnterprises } from "@/lib/enterprises/scope";
import { todayInChina } from "@/lib/i18n/format";
import { getUnitTree } from "@/lib/units/queries";
import { addDays, chinaDay, makeCalendar, type Calendar } from "./calendar";
import { rate, requestClocks, type ClockState, type Colour } from "./clock";
import { canManageGrid, isGridOfficer, visibleGrids } from "./scope";
import { periodOf, REQUEST_PAGE_SIZE, type GridListParams, type RequestListParams } from "./validation";
import { isUuid } from "@/lib/validation";


/** The start of a China day, as an instant, whatever the server's zone. */
const dayStart = (d: string) => sql`(${d}::date::timestamp at time zone 'Asia/Shanghai')`;

/** Requests received from `from` to `to`, both days included (China time). */
export function receivedBetween(period: { from: string; to: string }): SQL {
  return and(gte(serviceRequests.receivedAt, dayStart(period.from)), lt(serviceRequests.receivedAt, sql`${dayStart(period.to)} + interval '1 day'`))!;
}

/**
 * The 1510 clocks in SQL, as common table expressions over the requests matching `where`
 * (a condition on service_requests and grids): the same rules as lib/grids/clock.ts.
 *
 * The calendar is built once per query: one row per day from the earliest request to 90
 * days past the latest one (or today), each marked working or not (Monday to Friday unless
 * the holidays table says otherwise), numbered by a running count of working days. A
 * request's start day is the first working day on or after the day it was received; its
 * deadlines are the working days numbered start, start + 5 and start + 10. Each is one
 * hash join, so a few thousand requests cost a few milliseconds (see the report in
 * tests/integration/grids.test.ts).
 *
 * Produces `col`: the request's columns with accept_due / reply_due / resolve_due (text
 * dates), accept_state / reply_state / resolve_state (ClockState) and overall (Colour).
 */
export function clockCtes(where: SQL | undefined, today: string): SQL {
  const state = (done: string, due: string) =>
    sql.raw(`case when ${done} is not null then case when (${done} at time zone 'Asia/Shanghai')::date <= ${due} then 'on_time' else 'late' end
                  when t.day > ${due} then 'overdue'
                  when ${due} <= t.next then 'due_soon'
                  else 'pending' end`);
  return sql`with req as (
      select ${serviceRequests.id} as id, ${serviceRequests.gridId} as grid_id, ${serviceRequests.enterpriseId} as enterprise_id,
             ${serviceRequests.category} as category, ${serviceRequests.title} as title, ${serviceRequests.status} as status,
             ${serviceRequests.handlerId} as handler_id, ${serviceRequests.receivedAt} as received_at, ${serviceRequests.acceptedAt} as accepted_at,
             ${serviceRequests.repliedAt} as replied_at, ${serviceRequests.resolvedAt} as resolved_at,
             (${serviceRequests.receivedAt} at time zone 'Asia/Shanghai')::date as rday
        from ${serviceRequests} join ${grids} on ${grids.id} = ${serviceRequests.gridId}
       where ${where ?? sql`true`}
    ),
    cal as (
      select d::date as day, coalesce(h.is_workday, extract(isodow from d) < 6) as working
        from generate_series((select coalesce(min(rday), ${today}::date) from req),
                             greatest((select max(rday) from req), ${today}::date) + 90, interval '1 day') d
        left join ${holidays} h on h.day = d::date
    ),
    ord as (select day, working, (count(*) filter (where working) over (order by day))::int as n from cal),
    wd as (select n, day from ord where working),
    t as (select ${today}::date as day, (select min(day) from wd where day > ${today}::date) as next),
    clk as (
      select req.*, a.day as accept_due, p.day as reply_due, x.day as resolve_due
        from req
        join ord o on o.day = req.rday
        join wd a on a.n = o.n + (case when o.working then 0 else 1 end)
        join wd p on p.n = a.n + 5
        join wd x on x.n = a.n + 10
    ),
    st as (
      select clk.*, ${state("accepted_at", "accept_due")} as accept_state, ${state("replied_at", "reply_due")} as reply_state,
             ${state("resolved_at", "resolve_due")} as resolve_state
        from clk cross join t
    ),
    col as (
      select st.*,
             case when resolved_at is not null then case when 'late' in (accept_state, reply_state, resolve_state) then 'red' else 'green' end
                  when 'overdue' in (accept_state, reply_state, resolve_state) then 'red'
                  when 'due_soon' in (accept_state, reply_state, resolve_state) then 'yellow'
                  else 'green' end as overall
        from st
    )`;
}

export type Figures = { received: number; resolved: number; resolvedOnTime: number; openRed: number; openYellow: number };
export type Rates = { closureRate: number | null; onTimeRate: number | null };

export function withRates<T extends Figures>(f: T): T & Rates {
  return { ...f, closureRate: rate(f.resolved, f.received), onTimeRate: rate(f.resolvedOnTime, f.resolved) };
}

const NO_FIGURES: Figures = { received: 0, resolved: 0, resolvedOnTime: 0, openRed: 0, openYellow: 0 };

/**
 * Per grid and in all, the requests matching `where`: received, resolved, resolved on time
 * (by the resolve deadline), and open ones whose overall colour is red or yellow — one
 * aggregate query (grouping sets) over the clocks.
 */
export async function requestFigures(db: DbOrTx, where: SQL | undefined, today: string) {
  const { rows } = await db.execute<{ grid_id: string | null; total: number } & Record<"received" | "resolved" | "on_time" | "open_red" | "open_yellow", number>>(sql`
    ${clockCtes(where, today)}
    select grid_id, grouping(grid_id)::int as total,
           count(*)::int as received,
           count(*) filter (where resolved_at is not null)::int as resolved,
           count(*) filter (where resolve_state = 'on_time')::int as on_time,
           count(*) filter (where resolved_at is null and overall = 'red')::int as open_red,
           count(*) filter (where resolved_at is null and overall = 'yellow')::int as open_yellow
      from col
     group by grouping sets ((grid_id), ())`);
  const toFigures = (r: (typeof rows)[number]): Figures => ({
    received: r.received,
    resolved: r.resolved,
    resolvedOnTime: r.on_time,
    openRed: r.open_red,
    openYellow: r.open_yellow,
  });
  const byGrid = new Map<string, Figures>();
  let total: Figures = NO_FIGURES;
  for (const r of rows) {
    if (r.total === 1) total = toFigures(r);
    else if (r.grid_id) byGrid.set(r.grid_id, toFigures(r));
  }
  return { byGrid, total };
}

const gridColumns = {
  id: grids.id,
  code: grids.code,
  name: grids.name,
  area: grids.area,
  unitId: grids.unitId,
  unitName: units.name,
  sortOrder: grids.sortOrder,
  active: grids.active,
  version: grids.version,
};

/** The officers of these grids, the lead (网格长) first. */
export async function listOfficers(db: DbOrTx, gridIds: string[]) {
  if (gridIds.length === 0) return [];
  return db
    .select({ gridId: gridOfficers.gridId, userId: gridOfficers.userId, role: gridOfficers.role, displayName: users.displayName, username: users.username, unitName: units.name })
    .from(gridOfficers)
    .innerJoin(users, eq(users.id, gridOfficers.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(inArray(gridOfficers.gridId, gridIds))
    .orderBy(asc(gridOfficers.role), asc(users.displayName));
}
export type OfficerRow = Awaited<ReturnType<typeof listOfficers>>[number];

/**
 * /grids: every grid the viewer may see (optionally of one unit and its subtree), with its
 * officers, enterprises, and the figures of the requests received in the period, plus the
 * same figures over all those grids.
 */
export async function gridOverview(db: DbOrTx, viewer: Viewer, params: GridListParams, now = new Date()) {
  const scope = await scopeOf(db, viewer);
  const period = periodOf(params, now);
  const unitFilter = params.unit ? inArray(grids.unitId, await unitSubtree(db, params.unit)) : undefined;
  const gridWhere = and(visibleGrids(scope, viewer.id), unitFilter);
  const rows = await db
    .select({ ...gridColumns, enterpriseCount: sql<number>`(select count(*)::int from ${enterprises} where ${enterprises.gridId} = ${grids.id} and ${enterprises.archivedAt} is null)` })
    .from(grids)
    .innerJoin(units, eq(units.id, grids.unitId))
    .where(gridWhere)
    .orderBy(asc(grids.sortOrder), asc(grids.code));
  const [officers, figures] = await Promise.all([
    listOfficers(db, rows.map((r) => r.id)),
    requestFigures(db, and(gridWhere, receivedBetween(period)), todayInChina(now)),
  ]);
  const grouped = new Map<string, OfficerRow[]>();
  for (const o of officers) grouped.set(o.gridId, [...(grouped.get(o.gridId) ?? []), o]);
  return {
    period,
    grids: rows.map((g) => ({
      ...g,
      officers: grouped.get(g.id) ?? [],
      canManage: canManageGrid(viewer, scope, g.unitId),
      ...withRates(figures.byGrid.get(g.id) ?? NO_FIGURES),
    })),
    total: { ...withRates(figures.total), enterpriseCount: rows.reduce((n, g) => n + g.enterpriseCount, 0), grids: rows.length },
  };
}
export type GridOverview = Awaited<ReturnType<typeof gridOverview>>;

/**
 * One grid the viewer may see, and what they may do with it; null when it does not exist or
 * is not visible (a 404 either way). Managers above the grid manage it; they and its
 * officers handle its requests.
 */
export async function getGridAccess(db: DbOrTx, viewer: Viewer, id: string) {
  if (!isUuid(id)) return null;
  const scope = await scopeOf(db, viewer);
  const [grid] = await db
    .select(gridColumns)
    .from(grids)
    .innerJoin(units, eq(units.id, grids.unitId))
    .where(and(eq(grids.id, id), visibleGrids(scope, viewer.id)));
  if (!grid) return null;
  const officer = await isGridOfficer(db, id, viewer.id);
  const canManage = canManageGrid(viewer, scope, grid.unitId);
  return { grid, canManage, canHandle: canManage || officer };
}
export type GridAccess = NonNullable<Awaited<ReturnType<typeof getGridAccess>>>;

/** The grid's enterprises; `visible` says whether the viewer may open the enterprise itself. */
export async function listGridEnterprises(db: DbOrTx, viewer: Viewer, gridId: string) {
  if (!isUuid(gridId)) return [];
  const scope = await scopeOf(db, viewer);
  return db
    .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, visible: sql<boolean>`coalesce(${visibleEnterprises(scope) ?? sql`true`}, false)` })
    .from(enterprises)
    .innerJoin(grids, eq(grids.id, enterprises.gridId))
    .where(and(eq(enterprises.gridId, gridId), isNull(enterprises.archivedAt), visibleGrids(scope, viewer.id)))
    .orderBy(asc(enterprises.name), asc(enterprises.id));
}

/** One grid's figures over the requests received in the period. */
export async function gridFigures(db: DbOrTx, viewer: Viewer, gridId: string, params: { from?: string; to?: string }, now = new Date()) {
  const scope = await scopeOf(db, viewer);
  const where = and(eq(serviceRequests.gridId, gridId), visibleGrids(scope, viewer.id), receivedBetween(periodOf(params, now)));
  return withRates((await requestFigures(db, where, todayInChina(now))).total);
}

export type ClockedRequest = {
  id: string;
  gridId: string;
  enterpriseId: string;
  enterpriseName: string;
  category: RequestCategory;
  title: string;
  status: RequestStatus;
  handlerName: string | null;
  receivedAt: Date;
  acceptedAt: Date | null;
  repliedAt: Date | null;
  resolvedAt: Date | null;
  due: { accept: string; reply: string; resolve: string };
  states: { accept: ClockState; reply: ClockState; resolve: ClockState };
  overall: Colour;
};

/** A page of one grid's requests (newest first) with their clocks, filtered by status, colour and period. */
export async function listGridRequests(db: DbOrTx, viewer: Viewer, gridId: string, params: RequestListParams, now = new Date()) {
  if (!isUuid(gridId)) return { rows: [], total: 0 };
  const scope = await scopeOf(db, viewer);
  const period = periodOf(params, now);
  const where = and(eq(serviceRequests.gridId, gridId), visibleGrids(scope, viewer.id), receivedBetween(period));
  const filters: SQL[] = [];
  if (params.status === "open") filters.push(sql`col.resolved_at is null`);
  else if (params.status) filters.push(sql`col.status = ${params.status}`);
  if (params.colour) filters.push(sql`col.overall = ${params.colour}`);
  const filter = filters.length ? sql.join(filters, sql` and `) : sql`true`;
  const ctes = clockCtes(where, todayInChina(now));
  const [{ rows }, { rows: counted }] = await Promise.all([
    db.execute<Record<string, unknown>>(sql`
      ${ctes}
      select col.*, col.accept_due::text as accept_due_text, col.reply_due::text as reply_due_text, col.resolve_due::text as resolve_due_text,
             e.name as enterprise_name, h.display_name as handler_name
        from col join ${enterprises} e on e.id = col.enterprise_id left join ${users} h on h.id = col.handler_id
       where ${filter}
       order by col.received_at desc, col.id desc
       limit ${REQUEST_PAGE_SIZE} offset ${(params.page - 1) * REQUEST_PAGE_SIZE}`),
    db.execute<{ n: number }>(sql`${ctes} select count(*)::int as n from col where ${filter}`),
  ]);
  return { rows: rows.map(toClockedRequest), total: counted[0]?.n ?? 0 };
}

const asDate = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));

function toClockedRequest(r: Record<string, unknown>): ClockedRequest {
  return {
    id: String(r.id),
    gridId: String(r.grid_id),
    enterpriseId: String(r.enterprise_id),
    enterpriseName: String(r.enterprise_name),
    category: r.category as RequestCategory,
    title: String(r.title),
    status: r.status as RequestStatus,
    handlerName: (r.handler_name as string | null) ?? null,
    receivedAt: asDate(r.received_at)!,
    acceptedAt: asDate(r.accepted_at),
    repliedAt: asDate(r.replied_at),
    resolvedAt: asDate(r.resolved_at),
    due: { accept: String(r.accept_due_text), reply: String(r.reply_due_text), resolve: String(r.resolve_due_text) },
    states: { accept: r.accept_state as ClockState, reply: r.reply_state as ClockState, resolve: r.resolve_state as ClockState },
    overall: r.overall as Colour,
  };
}

/** The holidays table from `from` to `to` as a calendar (days outside follow the weekday rule). */
export async function loadCalendar(db: DbOrTx, from: string, to: string): Promise<Calendar> {
  const rows = await db
    .select({ day: holidays.day, isWorkday: holidays.isWorkday })
    .from(holidays)
    .where(and(gte(holidays.day, from), lte(holidays.day, to)));
  return makeCalendar(rows);
}

const handlers = alias(users, "handler");
const creators = alias(users, "creator");

/**
 * One request of a grid the viewer may see, with its clocks worked out by lib/grids/clock.ts
 * (the same rules as the lists' SQL); null when not found or not visible.
 */
export async function getRequest(db: DbOrTx, viewer: Viewer, gridId: string, requestId: string, now = new Date()) {
  if (!isUuid(gridId) || !isUuid(requestId)) return null;
  const scope = await scopeOf(db, viewer);
  const [row] = await db
    .select({
      id: serviceRequests.id,
      gridId: serviceRequests.gridId,
      enterpriseId: serviceRequests.enterpriseId,
      enterpriseName: enterprises.name,
      enterpriseVisible: sql<boolean>`coalesce(${visibleEnterprises(scope) ?? sql`true`}, false)`,
      category: serviceRequests.category,
      title: serviceRequests.title,
      description: serviceRequests.description,
      status: serviceRequests.status,
      receivedAt: serviceRequests.receivedAt,
      acceptedAt: serviceRequests.acceptedAt,
      repliedAt: serviceRequests.repliedAt,
      resolvedAt: serviceRequests.resolvedAt,
      handlerId: serviceRequests.handlerId,
      handlerName: handlers.displayName,
      createdByName: creators.displayName,
      reply: serviceRequests.reply,
      resolution: serviceRequests.resolution,
      version: serviceRequests.version,
    })
    .from(serviceRequests)
    .innerJoin(grids, eq(grids.id, serviceRequests.gridId))
    .innerJoin(enterprises, eq(enterprises.id, serviceRequests.enterpriseId))
    .leftJoin(handlers, eq(handlers.id, serviceRequests.handlerId))
    .leftJoin(creators, eq(creators.id, serviceRequests.createdById))
    .where(and(eq(serviceRequests.id, requestId), eq(serviceRequests.gridId, gridId), visibleGrids(scope, viewer.id)));
  if (!row) return null;
  const today = todayInChina(now);
  const received = chinaDay(row.receivedAt);
  const cal = await loadCalendar(db, received, addDays(today > received ? today : received, 90));
  return { ...row, ...requestClocks(cal, row, now) };
}
export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequest>>>;

/** Who may be recorded as handling a request: the grid's officers, and the viewer. */
export async function handlerOptions(db: DbOrTx, viewer: Viewer, gridId: string) {
  const officers = await listOfficers(db, [gridId]);
  const people = officers.map((o) => ({ id: o.userId, name: o.displayName, role: o.role as GridRole | null }));
  if (!people.some((p) => p.id === viewer.id)) people.push({ id: viewer.id, name: viewer.displayName, role: null });
  return people;
}

/** What the grid form offers: the units in the viewer's scope and their active users. */
export async function gridFormOptions(db: DbOrTx, viewer: Viewer) {
  const scope = await scopeOf(db, viewer);
  const [tree, people] = await Promise.all([
    getUnitTree(db),
    db
      .select({ id: users.id, name: users.displayName, username: users.username, unitName: units.name })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(scope.all ? eq(users.active, true) : and(eq(users.active, true), inArray(users.unitId, scope.unitIds)))
      .orderBy(asc(units.name), asc(users.displayName)),
  ]);
  const shown = tree.filter((u) => scope.all || scope.unitIds.includes(u.id));
  const minDepth = Math.min(...shown.map((u) => u.depth));
  return { units: shown.map(({ id, name, depth }) => ({ id, name, depth: depth - minDepth })), people };
}
export type GridFormOptions = Awaited<ReturnType<typeof gridFormOptions>>;

/** The grid of an enterprise (for its page), and whether the viewer may open the grid. */
export async function enterpriseGrid(db: DbOrTx, viewer: Viewer, enterpriseId: string) {
  if (!isUuid(enterpriseId)) return null;
  const scope = await scopeOf(db, viewer);
  const [row] = await db
    .select({ id: grids.id, name: grids.name, code: grids.code, visible: sql<boolean>`coalesce(${visibleGrids(scope, viewer.id) ?? sql`true`}, false)` })
    .from(enterprises)
    .innerJoin(grids, eq(grids.id, enterprises.gridId))
    .where(and(eq(enterprises.id, enterpriseId), visibleEnterprises(scope)));
  return row ?? null;
}

/** The holidays of one year, by day. */
export async function listHolidays(db: DbOrTx, year: number) {
  return db
    .select({ day: holidays.day, name: holidays.name, isWorkday: holidays.isWorkday })
    .from(holidays)
    .where(and(gte(holidays.day, `${year}-01-01`), lte(holidays.day, `${year}-12-31`)))
    .orderBy(asc(holidays.day));
}

/** The years that have holiday rows, newest first. */
export async function holidayYears(db: DbOrTx): Promise<number[]> {
  const { rows } = await db.execute<{ year: number }>(sql`select distinct extract(year from ${holidays.day})::int as year from ${holidays} order by 1 desc`);
  return rows.map((r) => r.year);
}


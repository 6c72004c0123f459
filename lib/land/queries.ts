import "server-only";
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { industryChains, parcelStatusChanges, parcels, parks, projects, users, zones } from "@/db/schema";
import type { ParcelStatus } from "@/db/schema/enums";
import { scopeOf, type Scope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { visibleProjects } from "@/lib/projects/queries";
import { areaToMu } from "./area";
import { liveParcels, parcelTextCondition } from "./conditions";
import type { MatchParcel } from "./matching";
import type { ParcelFilters, ParcelListParams, ParcelSort } from "./validation";
import { isUuid } from "@/lib/validation";

// Parks and parcels are reference data: everyone signed in reads them. Projects are not:
// whatever a query says about projects goes through the viewer's scope.


export { liveParcels, parcelTextCondition };

/** Σ area (亩) with the field reports' cumulative figures: cleared or beyond, transferred or beyond. */
const totalsColumns = {
  parcels: sql<number>`count(${parcels.id})::int`,
  area: sql<string>`coalesce(sum(${parcels.areaMu}), 0)`,
  cleared: sql<string>`coalesce(sum(${parcels.areaMu}) filter (where ${parcels.status} >= 'cleared'), 0)`,
  transferred: sql<string>`coalesce(sum(${parcels.areaMu}) filter (where ${parcels.status} >= 'transferred'), 0)`,
  underConstruction: sql<string>`coalesce(sum(${parcels.areaMu}) filter (where ${parcels.status} >= 'under_construction'), 0)`,
};
export type LandTotals = { parcels: number; area: string; cleared: string; transferred: string; underConstruction: string };
const NO_TOTALS: LandTotals = { parcels: 0, area: "0", cleared: "0", transferred: "0", underConstruction: "0" };

/** How many of the park's projects the viewer may see. */
function visibleProjectCount(scope: Scope): SQL<number> {
  return sql<number>`(select count(*)::int from ${projects} where ${projects.parkId} = ${parks.id} and ${visibleProjects(scope) ?? sql`true`})`;
}

/** Every park with its parcels' Σ area and the number of its projects the viewer may see. */
export async function listParks(db: DbOrTx, viewer: Viewer) {
  const scope = await scopeOf(db, viewer);
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: parks.id,
        name: parks.name,
        districtCode: parks.districtCode,
        areaMu: parks.areaMu,
        operator: parks.operator,
        chainName: industryChains.name,
        zoneCount: sql<number>`(select count(*)::int from ${zones} where ${zones.parkId} = ${parks.id})`,
        projectCount: visibleProjectCount(scope),
      })
      .from(parks)
      .leftJoin(industryChains, eq(industryChains.id, parks.leadingChainId))
      .orderBy(asc(parks.sortOrder), asc(parks.name)),
    db
      .select({ parkId: parcels.parkId, ...totalsColumns })
      .from(parcels)
      .where(liveParcels)
      .groupBy(parcels.parkId),
  ]);
  const byPark = new Map(totals.map(({ parkId, ...t }) => [parkId, t]));
  return rows.map((r) => ({ ...r, totals: byPark.get(r.id) ?? NO_TOTALS }));
}
export type ParkRow = Awaited<ReturnType<typeof listParks>>[number];

export async function getPark(db: DbOrTx, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: parks.id,
      name: parks.name,
      districtCode: parks.districtCode,
      areaMu: parks.areaMu,
      leadingChainId: parks.leadingChainId,
      chainName: industryChains.name,
      chainSystem: industryChains.system,
      operator: parks.operator,
      description: parks.description,
      updatedAt: parks.updatedAt,
      version: parks.version,
    })
    .from(parks)
    .leftJoin(industryChains, eq(industryChains.id, parks.leadingChainId))
    .where(eq(parks.id, id));
  return row ?? null;
}
export type ParkDetail = NonNullable<Awaited<ReturnType<typeof getPark>>>;

/** The park's zones in order, each with its parcels' totals. */
export async function listZones(db: DbOrTx, parkId: string) {
  const [rows, totals] = await Promise.all([
    db
      .select({ id: zones.id, name: zones.name, areaMu: zones.areaMu, description: zones.description, version: zones.version })
      .from(zones)
      .where(eq(zones.parkId, parkId))
      .orderBy(asc(zones.sortOrder), asc(zones.name)),
    db
      .select({ zoneId: parcels.zoneId, ...totalsColumns })
      .from(parcels)
      .where(and(eq(parcels.parkId, parkId), liveParcels))
      .groupBy(parcels.zoneId),
  ]);
  const byZone = new Map(totals.map(({ zoneId, ...t }) => [zoneId, t]));
  return {
    zones: rows.map((z) => ({ ...z, totals: byZone.get(z.id) ?? NO_TOTALS })),
    /** Parcels of the park not in any zone. */
    unzoned: byZone.get(null) ?? NO_TOTALS,
  };
}

/** Σ area by status, and the cumulative figures, over the parcels matching `where`. */
export async function landTotals(db: DbOrTx, filter: SQL | undefined) {
  const where = and(liveParcels, filter);
  const [[totals], byStatus] = await Promise.all([
    db.select(totalsColumns).from(parcels).where(where),
    db
      .select({ status: parcels.status, parcels: count(), area: sql<string>`coalesce(sum(${parcels.areaMu}), 0)` })
      .from(parcels)
      .where(where)
      .groupBy(parcels.status),
  ]);
  return { ...(totals ?? NO_TOTALS), byStatus: new Map(byStatus.map((r) => [r.status, { parcels: r.parcels, area: r.area }])) };
}

export function parkTotals(db: DbOrTx, parkId: string) {
  return landTotals(db, eq(parcels.parkId, parkId));
}

/** The projects landed in or targeting the park that the viewer may see, with their Σ total investment (元). */
export async function listParkProjects(db: DbOrTx, viewer: Viewer, parkId: string) {
  const scope = await scopeOf(db, viewer);
  const where = and(eq(projects.parkId, parkId), visibleProjects(scope));
  const [rows, [sum]] = await Promise.all([
    db
      .select({
        id: projects.id,
        name: projects.name,
        stage: projects.stage,
        status: projects.status,
        totalInvestment: projects.totalInvestment,
        landNeedMu: projects.landNeedMu,
        ownerName: users.displayName,
      })
      .from(projects)
      .innerJoin(users, eq(users.id, projects.ownerId))
      .where(where)
      .orderBy(desc(projects.totalInvestment), asc(projects.name)),
    db.select({ total: sql<string>`coalesce(sum(${projects.totalInvestment}), 0)` }).from(projects).where(where),
  ]);
  return { rows, totalInvestment: sum?.total ?? "0" };
}

/** Parks with their zones, for the forms and filters. */
export async function parkOptions(db: DbOrTx) {
  const [parkRows, zoneRows] = await Promise.all([
    db.select({ id: parks.id, name: parks.name }).from(parks).orderBy(asc(parks.sortOrder), asc(parks.name)),
    db.select({ id: zones.id, name: zones.name, parkId: zones.parkId }).from(zones).orderBy(asc(zones.sortOrder), asc(zones.name)),
  ]);
  return parkRows.map((p) => ({ ...p, zones: zoneRows.filter((z) => z.parkId === p.id).map(({ id, name }) => ({ id, name })) }));
}
export type ParkOptions = Awaited<ReturnType<typeof parkOptions>>;

// ── Parcels ────────────────────────────────────────────────────────────────────

export function parcelConditions(f: ParcelFilters): SQL[] {
  const where: SQL[] = [];
  if (f.q) where.push(parcelTextCondition(f.q));
  if (f.park) where.push(eq(parcels.parkId, f.park));
  if (f.zone) where.push(eq(parcels.zoneId, f.zone));
  if (f.status?.length) where.push(inArray(parcels.status, f.status));
  if (f.landUse?.length) where.push(inArray(parcels.landUse, f.landUse));
  if (f.minMu) where.push(gte(parcels.areaMu, areaToMu(f.minMu, "mu")!));
  if (f.maxMu) where.push(lte(parcels.areaMu, areaToMu(f.maxMu, "mu")!));
  if (f.matched === "yes") where.push(isNotNull(parcels.projectId));
  if (f.matched === "no") where.push(isNull(parcels.projectId));
  return where;
}

const SORT_COLUMNS: Record<ParcelSort, SQL | typeof parcels.code> = {
  code: parcels.code,
  area: sql`${parcels.areaMu}`,
  status: sql`${parcels.status}`,
  park: sql`${parks.name}`,
  landUse: sql`${parcels.landUse}`,
  updatedAt: sql`${parcels.updatedAt}`,
};

/** Whether a project is matched, and which one — its id and name only to a viewer who may see it. */
function matchedProjectColumns(scope: Scope) {
  const visible = visibleProjects(scope) ?? sql`true`;
  return {
    matched: sql<boolean>`${parcels.projectId} is not null`,
    projectId: sql<string | null>`case when ${visible} then ${parcels.projectId} end`,
    projectName: sql<string | null>`case when ${visible} then ${projects.name} end`,
  };
}

/** A filtered, sorted page of parcels, with the count and Σ area of all that match. */
export async function listParcels(db: DbOrTx, viewer: Viewer, params: ParcelListParams) {
  const scope = await scopeOf(db, viewer);
  const where = and(liveParcels, ...parcelConditions(params));
  const order = params.dir === "desc" ? desc : asc;
  const [rows, [summary]] = await Promise.all([
    db
      .select({
        id: parcels.id,
        code: parcels.code,
        parkId: parcels.parkId,
        parkName: parks.name,
        zoneName: zones.name,
        location: parcels.location,
        areaMu: parcels.areaMu,
        landUse: parcels.landUse,
        status: parcels.status,
        statusChangedOn: parcels.statusChangedOn,
        ...matchedProjectColumns(scope),
        updatedAt: parcels.updatedAt,
      })
      .from(parcels)
      .innerJoin(parks, eq(parks.id, parcels.parkId))
      .leftJoin(zones, eq(zones.id, parcels.zoneId))
      .leftJoin(projects, eq(projects.id, parcels.projectId))
      .where(where)
      .orderBy(order(SORT_COLUMNS[params.sort]), order(parcels.code), asc(parcels.id))
      .limit(params.size)
      .offset((params.page - 1) * params.size),
    db.select({ n: count(), area: sql<string>`coalesce(sum(${parcels.areaMu}), 0)` }).from(parcels).where(where),
  ]);
  return { rows, total: summary?.n ?? 0, area: summary?.area ?? "0" };
}
export type ParcelRow = Awaited<ReturnType<typeof listParcels>>["rows"][number];

/** A parcel's columns as its page and the API show them (the matched project named only to those who may see it). */
export function parcelDetailColumns(scope: Scope) {
  return {
    id: parcels.id,
    code: parcels.code,
    parkId: parcels.parkId,
    parkName: parks.name,
    zoneId: parcels.zoneId,
    zoneName: zones.name,
    location: parcels.location,
    areaMu: parcels.areaMu,
    areaEnteredIn: parcels.areaEnteredIn,
    landUse: parcels.landUse,
    floorAreaRatio: parcels.floorAreaRatio,
    plannedFloorAreaSqm: parcels.plannedFloorAreaSqm,
    status: parcels.status,
    statusChangedOn: parcels.statusChangedOn,
    transferDate: parcels.transferDate,
    landPrice: parcels.landPrice,
    note: parcels.note,
    ...matchedProjectColumns(scope),
    updatedAt: parcels.updatedAt,
    version: parcels.version,
  };
}

export async function getParcel(db: DbOrTx, viewer: Viewer, id: string) {
  if (!isUuid(id)) return null;
  const scope = await scopeOf(db, viewer);
  const [row] = await db
    .select(parcelDetailColumns(scope))
    .from(parcels)
    .innerJoin(parks, eq(parks.id, parcels.parkId))
    .leftJoin(zones, eq(zones.id, parcels.zoneId))
    .leftJoin(projects, eq(projects.id, parcels.projectId))
    .where(and(eq(parcels.id, id), liveParcels));
  return row ?? null;
}
export type ParcelDetail = NonNullable<Awaited<ReturnType<typeof getParcel>>>;

/** The parcel's status changes, oldest first, with who recorded each. */
export async function listStatusChanges(db: DbOrTx, parcelId: string) {
  return db
    .select({
      id: parcelStatusChanges.id,
      fromStatus: parcelStatusChanges.fromStatus,
      toStatus: parcelStatusChanges.toStatus,
      changedOn: parcelStatusChanges.changedOn,
      note: parcelStatusChanges.note,
      actorName: users.displayName,
      at: parcelStatusChanges.at,
    })
    .from(parcelStatusChanges)
    .leftJoin(users, eq(users.id, parcelStatusChanges.actorId))
    .where(eq(parcelStatusChanges.parcelId, parcelId))
    .orderBy(asc(parcelStatusChanges.changedOn), asc(parcelStatusChanges.id));
}

// ── A project's land need and matching ─────────────────────────────────────────

const parkChains = alias(industryChains, "park_chain");
const needParks = alias(parks, "need_park");

/** The project's land need, its chain and version, if the viewer may see the project. */
export async function getProjectLand(db: DbOrTx, viewer: Viewer, projectId: string) {
  if (!isUuid(projectId)) return null;
  const scope = await scopeOf(db, viewer);
  const [row] = await db
    .select({
      id: projects.id,
      landNeedMu: projects.landNeedMu,
      landUse: projects.landUse,
      parkId: projects.parkId,
      parkName: needParks.name,
      chainId: projects.industryChainId,
      chainName: industryChains.name,
      chainSystem: industryChains.system,
      version: projects.version,
    })
    .from(projects)
    .leftJoin(needParks, eq(needParks.id, projects.parkId))
    .leftJoin(industryChains, eq(industryChains.id, projects.industryChainId))
    .where(and(eq(projects.id, projectId), visibleProjects(scope)));
  return row ?? null;
}
export type ProjectLand = NonNullable<Awaited<ReturnType<typeof getProjectLand>>>;

const matchColumns = {
  id: parcels.id,
  code: parcels.code,
  areaMu: parcels.areaMu,
  landUse: parcels.landUse,
  status: parcels.status,
  projectId: parcels.projectId,
  parkId: parcels.parkId,
  parkName: parks.name,
  zoneName: zones.name,
  location: parcels.location,
  leadingChainId: parks.leadingChainId,
  leadingChainName: parkChains.name,
  leadingChainSystem: parkChains.system,
};

function matchQuery(db: DbOrTx) {
  return db
    .select(matchColumns)
    .from(parcels)
    .innerJoin(parks, eq(parks.id, parcels.parkId))
    .leftJoin(zones, eq(zones.id, parcels.zoneId))
    .leftJoin(parkChains, eq(parkChains.id, parks.leadingChainId));
}
export type MatchRow = MatchParcel & { zoneName: string | null; location: string };

/** Call only for a project the viewer may see (getProjectLand first). */
export async function listProjectParcels(db: DbOrTx, projectId: string): Promise<(MatchRow & { status: ParcelStatus })[]> {
  return matchQuery(db).where(and(eq(parcels.projectId, projectId), liveParcels)).orderBy(asc(parcels.code));
}

/** Every parcel still on offer (unmatched, not built on): the matching ranks them in memory. */
export async function listOpenParcels(db: DbOrTx): Promise<MatchRow[]> {
  return matchQuery(db)
    .where(and(isNull(parcels.projectId), liveParcels, sql`${parcels.status} < 'under_construction'`))
    .orderBy(asc(parcels.code));
}

/**
 * Names for the ids an audit history mentions (parks, zones, projects), so it reads
 * "健康谷 → 生物医药及医疗器械产业园" rather than ids. Projects are named only when visible.
 */
export async function namesForHistory(db: DbOrTx, viewer: Viewer, entries: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }[]) {
  const ids = { park: new Set<string>(), zone: new Set<string>(), project: new Set<string>() };
  for (const e of entries) {
    for (const side of [e.before, e.after]) {
      if (typeof side?.parkId === "string") ids.park.add(side.parkId);
      if (typeof side?.zoneId === "string") ids.zone.add(side.zoneId);
      if (typeof side?.projectId === "string") ids.project.add(side.projectId);
    }
  }
  const scope = await scopeOf(db, viewer);
  const [p, z, pr] = await Promise.all([
    ids.park.size ? db.select({ id: parks.id, name: parks.name }).from(parks).where(inArray(parks.id, [...ids.park])) : [],
    // A zone with its park ("健康谷 · 核心区"): parks share zone names.
    ids.zone.size
      ? db
          .select({ id: zones.id, name: sql<string>`${parks.name} || ' · ' || ${zones.name}` })
          .from(zones)
          .innerJoin(parks, eq(parks.id, zones.parkId))
          .where(inArray(zones.id, [...ids.zone]))
      : [],
    ids.project.size
      ? db
          .select({ id: projects.id, name: projects.name })
          .from(projects)
          .where(and(inArray(projects.id, [...ids.project]), visibleProjects(scope)))
      : [],
  ]);
  return new Map([...p, ...z, ...pr].map((r) => [r.id, r.name]));
}

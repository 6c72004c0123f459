import { and, eq, gte, inArray, isNull, lte, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { chineseStageNames, listStageLabels } from "@/lib/reference/stage-labels";
import { alias, type PgSelect } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { enterprises, events, fundsInPlace, industryChains, milestones, parcels, parks, projects, signings, units, users } from "@/db/schema";
import type { ProjectStage } from "@/db/schema/enums";
import { scopeOf } from "@/lib/auth/scope";
import { todayInChina } from "@/lib/i18n/format";
import { MILESTONE_STAGES, type MilestoneStage } from "@/lib/projects/stages";
import type { Viewer } from "@/lib/auth/roles";
import { filterConditions, visibleProjects } from "@/lib/projects/queries";
import type { FilterNames } from "./summary";
import { SIGNED_STAGES, type KeptFilter, type ReviewFilter, type SignedExportParams, type SignedFilters, type SignedListParams, type SignedSort } from "./validation";

const owners = alias(users, "owner");
/** The signing's event, unless it was archived (then the 签约活动 column stays empty). */
const liveEvent = and(eq(events.id, signings.eventId), isNull(events.archivedAt));
const stewards = alias(users, "steward");
const responsibleUnits = alias(units, "responsible_unit");
const projectUnits = alias(units, "project_unit");

/** 用地(亩): the parcels matched to the project, or else the land it says it needs (the totals row sums it the same way). */
const landMu = sql<string | null>`coalesce((select sum(${parcels.areaMu}) from ${parcels} where ${parcels.projectId} = ${projects.id} and ${parcels.archivedAt} is null), ${projects.landNeedMu})`;
/** 到位资金: Σ of the dated entries (元), those received by `to` when given. */
function fundsOf(to?: string) {
  return sql<string>`(select coalesce(sum(${fundsInPlace.amount}), 0) from ${fundsInPlace} where ${fundsInPlace.projectId} = ${projects.id}${
    to ? sql` and ${fundsInPlace.receivedOn} <= ${to}` : sql``
  })`;
}

/**
 * The columns of a signed-project row: everything the 签约项目清单 has, for the page and the
 * export alike. Flat (no nesting), so the export can read the same statement as arrays.
 */
export const signedRowColumns = {
  id: projects.id,
  name: projects.name,
  enterpriseId: projects.enterpriseId,
  enterpriseName: enterprises.name,
  headquarters: enterprises.headquarters,
  tags: enterprises.tags,
  capitalOrigin: projects.capitalOrigin,
  totalInvestment: projects.totalInvestment,
  contractInvestment: signings.contractInvestment,
  phase1Investment: signings.phase1Investment,
  description: projects.description,
  chainName: industryChains.name,
  industryCode: enterprises.industryCode,
  signingDate: signings.signingDate,
  eventId: signings.eventId,
  eventName: events.name,
  agreementType: signings.agreementType,
  parkId: projects.parkId,
  parkName: parks.name,
  parcelCodes: sql<string | null>`(select string_agg(${parcels.code}, '、' order by ${parcels.code}) from ${parcels} where ${parcels.projectId} = ${projects.id} and ${parcels.archivedAt} is null)`,
  landMu,
  stage: projects.stage,
  status: projects.status,
  /**
   * Stages whose report waits for review, shown beside the (approved) stage. Read off the
   * project's own few milestones (its (project, stage) index), not the review-status index.
   */
  pendingStages: sql<ProjectStage[] | null>`(select array_agg(${milestones.stage}::text order by ${milestones.stage}) filter (where ${milestones.reviewStatus} = 'pending') from ${milestones} where ${milestones.projectId} = ${projects.id})`,
  progress: signings.progress,
  issues: signings.issues,
  responsibleLeader: projects.responsibleLeader,
  /** 责任单位 as the project page shows it: the signing's, or the project's own unit when the signing chose "（同项目所属单位）". */
  responsibleUnitName: sql<string>`coalesce(${responsibleUnits.name}, ${projectUnits.name})`,
  stewardName: stewards.displayName,
  ownerName: owners.displayName,
  fundsInPlace: fundsOf(),
  note: signings.note,
  isKey: projects.isKey,
};

/** The row's columns for a filter: 到位资金 up to `fundsTo` when the filter has one. */
export function signedColumnsFor(f: Pick<SignedFilters, "fundsTo">) {
  return f.fundsTo ? { ...signedRowColumns, fundsInPlace: fundsOf(f.fundsTo) } : signedRowColumns;
}

export type SignedRow = Awaited<ReturnType<typeof listSignedProjects>>["rows"][number];

function reviewCondition(review: ReviewFilter): SQL {
  const has = (statuses: string[]) =>
    sql`exists (select 1 from ${milestones} where ${milestones.projectId} = ${projects.id} and ${milestones.reviewStatus} in (${sql.join(
      statuses.map((s) => sql`${s}`),
      sql`, `,
    )}))`;
  return review === "clear" ? sql`not ${has(["draft", "pending", "rejected"])}` : has([review]);
}

/** The milestone stages from `stage` on, as SQL literals. */
function fromStage(stage: MilestoneStage): SQL {
  return sql.join(
    MILESTONE_STAGES.slice(MILESTONE_STAGES.indexOf(stage)).map((s) => sql`${s}`),
    sql`, `,
  );
}

/**
 * The date the project first reached `stage` or a later one by an approved report (审核通过): the
 * earliest actual date of its approved reports from that stage on. Official figures (注册率,
 * 开工率, 投产率, construction starts against target) count approved reports only.
 */
export function reachedOn(stage: MilestoneStage): SQL {
  return sql`(select min(${milestones.actualDate}) from ${milestones} where ${milestones.projectId} = ${projects.id}
    and ${milestones.reviewStatus} = 'approved' and ${milestones.stage} in (${fromStage(stage)}))`;
}

/** Reached `stage` (or later) by an approved report, the first one dated within the range (either end open). */
export function reportCondition(stage: MilestoneStage, from?: string, to?: string): SQL {
  const on = reachedOn(stage);
  // Never null (no report yet compares as false), so the condition can be negated.
  if (from && to) return sql`coalesce(${on} between ${from} and ${to}, false)`;
  if (from) return sql`coalesce(${on} >= ${from}, false)`;
  if (to) return sql`coalesce(${on} <= ${to}, false)`;
  return sql`${on} is not null`;
}

/** Not reached `stage` by `by` (approved reports), but a report from that stage on, dated by then, is waiting for review. */
export function pendingCondition(stage: MilestoneStage, by?: string): SQL {
  return sql`not ${reportCondition(stage, undefined, by)} and exists (select 1 from ${milestones} where ${milestones.projectId} = ${projects.id}
    and ${milestones.reviewStatus} = 'pending' and ${milestones.stage} in (${fromStage(stage)})${by ? sql` and ${milestones.actualDate} <= ${by}` : sql``})`;
}

/**
 * 履约 (keeping to the milestone plan) as of day `by`: every milestone planned on or before `by`
 * has an approved report whose actual date is on or before its planned date. A project with no
 * milestone due yet keeps to its plan. "pending": it does not, but would if its reports waiting
 * for review (dated on or before the planned dates) were approved. "no": it does not either way.
 */
export function keptCondition(kept: KeptFilter, by: string): SQL {
  const broken = (counted: string[]) =>
    sql`exists (select 1 from ${milestones} where ${milestones.projectId} = ${projects.id} and ${milestones.plannedDate} <= ${by}
      and not (${milestones.reviewStatus} is not null and ${milestones.reviewStatus} in (${sql.join(
        counted.map((c) => sql`${c}`),
        sql`, `,
      )}) and ${milestones.actualDate} <= ${milestones.plannedDate}))`;
  if (kept === "yes") return sql`not ${broken(["approved"])}`;
  if (kept === "pending") return sql`${broken(["approved"])} and not ${broken(["approved", "pending"])}`;
  return broken(["approved", "pending"]);
}

/** The signing's own filters (and the cohort filters over its reports) as conditions; `today` is China's date. */
export function signingConditions(f: SignedFilters, today = todayInChina()): SQL[] {
  const where: SQL[] = [];
  if (f.signedFrom) where.push(gte(signings.signingDate, f.signedFrom));
  if (f.signedTo) where.push(lte(signings.signingDate, f.signedTo));
  if (f.event) where.push(eq(signings.eventId, f.event));
  if (f.review) where.push(reviewCondition(f.review));
  if (f.report) where.push(reportCondition(f.report, f.reportFrom, f.reportTo));
  if (f.pending) where.push(pendingCondition(f.pending, f.pendingBy));
  if (f.kept) where.push(keptCondition(f.kept, f.keptBy ?? today));
  return where;
}

/** On the signed list: at 签约 or later (a project moved back before 签约 keeps its signing row but leaves the list). */
export const onSignedList = inArray(projects.stage, SIGNED_STAGES);

/**
 * What a signed list shows: the projects the viewer may see (as /projects), at 签约 or later
 * with their signing facts, narrowed by the /projects filters and the signing's own.
 * Every query using it joins `signings`.
 */
export async function signedWhere(db: DbOrTx, viewer: Viewer, f: SignedFilters, today = todayInChina()): Promise<SQL | undefined> {
  const scope = await scopeOf(db, viewer);
  return and(visibleProjects(scope), onSignedList, ...(await filterConditions(db, f, today)), ...signingConditions(f, today));
}

const SORTS: Record<SignedSort, SQLWrapper> = {
  signingDate: signings.signingDate,
  name: projects.name,
  enterprise: enterprises.name,
  totalInvestment: projects.totalInvestment,
  contractInvestment: signings.contractInvestment,
  stage: projects.stage,
  park: parks.name,
  event: events.heldOn,
  owner: owners.displayName,
};

/** The order of the list and the export; empty parks and events last either way, the id breaking ties. */
function orderOf(params: Pick<SignedListParams, "sort" | "dir">): SQL[] {
  const dir = sql.raw(params.dir === "asc" ? "asc" : "desc");
  return [sql`${SORTS[params.sort]} ${dir} nulls last`, sql`${projects.id} ${dir}`];
}

/** The joins behind the row's columns, after `projects` and `signings`. */
export function withDetails<T extends PgSelect>(q: T) {
  return q
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .innerJoin(owners, eq(owners.id, projects.ownerId))
    .leftJoin(industryChains, eq(industryChains.id, projects.industryChainId))
    .leftJoin(events, liveEvent)
    .leftJoin(parks, eq(parks.id, projects.parkId))
    .leftJoin(responsibleUnits, eq(responsibleUnits.id, signings.responsibleUnitId))
    .leftJoin(projectUnits, eq(projectUnits.id, projects.unitId))
    .leftJoin(stewards, eq(stewards.id, signings.stewardId));
}

/** Every row of the filtered list (for the export's cursor). */
function rowsQuery(db: DbOrTx, f: Pick<SignedFilters, "fundsTo">) {
  return withDetails(db.select(signedColumnsFor(f)).from(projects).innerJoin(signings, eq(signings.projectId, projects.id)).$dynamic());
}

/**
 * The totals row over `where`, in one statement: count, Σ amounts (元) and Σ 用地 (亩), exact
 * (numeric sums). The filtered set is gathered once; funds and parcels are then summed over
 * it as sets (a hash join for a large list, index lookups for a small one) rather than looked
 * up project by project. (A join, not `in (…)`: the ids are unique, so nothing to de-duplicate.)
 */
export async function signedTotals(db: DbOrTx, where: SQL | undefined, fundsTo?: string) {
  const { rows } = await db.execute<{ count: number; total: string | null; contract: string | null; phase1: string | null; land: string | null; funds: string | null }>(sql`
    with sel as (
      select ${projects.id} as id, ${projects.totalInvestment} as total, ${projects.landNeedMu} as need,
             ${signings.contractInvestment} as contract, ${signings.phase1Investment} as phase1
        from ${projects} inner join ${signings} on ${signings.projectId} = ${projects.id}
       where ${where ?? sql`true`})
    select count(*)::int as count, sum(total) as total, sum(contract) as contract, sum(phase1) as phase1,
           (select sum(coalesce(pa.mu, sel2.need)) from sel sel2
              left join (select ${parcels.projectId} as project_id, sum(${parcels.areaMu}) as mu from ${parcels} where ${parcels.archivedAt} is null group by 1) pa on pa.project_id = sel2.id) as land,
           (select sum(${fundsInPlace.amount}) from ${fundsInPlace} inner join sel sel3 on sel3.id = ${fundsInPlace.projectId}
             ${fundsTo ? sql`where ${fundsInPlace.receivedOn} <= ${fundsTo}` : sql``}) as funds
      from sel`);
  const row = rows[0];
  return {
    count: row?.count ?? 0,
    totalInvestment: row?.total ?? "0",
    contractInvestment: row?.contract ?? "0",
    phase1Investment: row?.phase1 ?? "0",
    landMu: row?.land ?? "0",
    fundsInPlace: row?.funds ?? "0",
  };
}
export type SignedTotals = Awaited<ReturnType<typeof signedTotals>>;

/**
 * The ids of one page, found on the narrow rows (projects and signings, and the one table the
 * order needs), so the wide columns and their lookups are read for that page only.
 */
function pageIds(db: DbOrTx, where: SQL | undefined, params: SignedListParams) {
  let q = db.select({ id: projects.id }).from(projects).innerJoin(signings, eq(signings.projectId, projects.id)).$dynamic();
  if (params.sort === "enterprise") q = q.innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId));
  if (params.sort === "owner") q = q.innerJoin(owners, eq(owners.id, projects.ownerId));
  if (params.sort === "park") q = q.leftJoin(parks, eq(parks.id, projects.parkId));
  if (params.sort === "event") q = q.leftJoin(events, liveEvent);
  return q
    .where(where)
    .orderBy(...orderOf(params))
    .limit(params.size)
    .offset((params.page - 1) * params.size)
    .as("page");
}

/** A filtered, sorted page of the signed projects the viewer may see, with the totals over all of them. */
export async function listSignedProjects(db: DbOrTx, viewer: Viewer, params: SignedListParams) {
  const where = await signedWhere(db, viewer, params);
  const page = pageIds(db, where, params);
  // The page's ids come first in the FROM list: with this many joins PostgreSQL keeps the
  // written order, and this way it looks up 50 projects instead of joining them all.
  const [rows, totals] = await Promise.all([
    withDetails(
      db
        .select(signedColumnsFor(params))
        .from(page)
        .innerJoin(projects, eq(projects.id, page.id))
        .innerJoin(signings, eq(signings.projectId, projects.id))
        .$dynamic(),
    ).orderBy(...orderOf(params)),
    signedTotals(db, where, params.fundsTo),
  ]);
  return { rows, totals };
}

/**
 * The whole filtered list as one statement, for a cursor: its text, parameters, and the row's
 * field names in the order the columns come back (the export reads rows as arrays).
 */
export async function signedExportStatement(db: DbOrTx, viewer: Viewer, params: SignedExportParams) {
  const where = await signedWhere(db, viewer, params);
  const { sql: text, params: values } = rowsQuery(db, params)
    .where(where)
    .orderBy(...orderOf(params))
    .toSQL();
  return { text, values, fields: Object.keys(signedRowColumns) as (keyof typeof signedRowColumns)[] };
}

/** Names of what a filter points at, for its summary. */
export async function filterNames(db: DbOrTx, f: SignedFilters): Promise<FilterNames> {
  const one = async (q: Promise<{ name: string }[]>) => (await q)[0]?.name;
  const [event, park, chain, unit, owner, stageRows] = await Promise.all([
    f.event ? one(db.select({ name: events.name }).from(events).where(eq(events.id, f.event))) : undefined,
    f.park ? one(db.select({ name: parks.name }).from(parks).where(eq(parks.id, f.park))) : undefined,
    f.chain ? one(db.select({ name: industryChains.name }).from(industryChains).where(eq(industryChains.id, f.chain))) : undefined,
    f.unit ? one(db.select({ name: units.name }).from(units).where(eq(units.id, f.unit))) : undefined,
    f.owner ? one(db.select({ name: users.displayName }).from(users).where(eq(users.id, f.owner))) : undefined,
    listStageLabels(db),
  ]);
  return { event, park, chain, unit, owner, stages: chineseStageNames(stageRows) };
}

import { and, asc, count, desc, eq, gte, inArray, isNull, lt, sql, sum, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { activities, contacts, enterprises, industryChains, milestones, parks, projects, signings, stageEvents, tasks, units, users } from "@/db/schema";
import type { ProjectStage } from "@/db/schema/enums";
import { inScope, scopeOf, unitSubtree, type Scope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { todayInChina } from "@/lib/i18n/format";
import { yiToYuan } from "@/lib/money";
import { escapeLike } from "@/lib/utils";
import { TOP500_TAGS, type InvestorClass, type ProjectFilters, type ProjectListParams, type ProjectSort } from "./validation";

const owners = alias(users, "owner");


/**
 * Text search over project name, enterprise name, USCC and contact names (archived contacts left out).
 *
 * The matches are gathered as one set of project ids, a union of indexed lookups, rather than
 * as an OR over each row: then each part can use its own index (the trigram indexes on the
 * three names once q has 3 characters, the USCC index), instead of the whole list being
 * filtered row by row. Text without upper or lower case (Chinese, digits) is matched with LIKE,
 * which finds exactly what ILIKE would, several times faster when a scan is unavoidable.
 */
export function projectTextCondition(q: string): SQL {
  const like = `%${escapeLike(q)}%`;
  const caseless = q.toLowerCase() === q && q.toUpperCase() === q;
  const matches = (column: AnyPgColumn) => (caseless ? sql`${column} like ${like}` : sql`${column} ilike ${like}`);
  return inArray(
    projects.id,
    sql`(select ${projects.id} from ${projects} where ${matches(projects.name)}
         union
         select ${projects.id} from ${projects} where ${projects.enterpriseId} in (
           select ${enterprises.id} from ${enterprises} where ${matches(enterprises.name)}
           union select ${enterprises.id} from ${enterprises} where ${enterprises.uscc} = ${q.toUpperCase()}
           union select ${contacts.enterpriseId} from ${contacts} where ${matches(contacts.name)} and ${contacts.archivedAt} is null))`,
  );
}

/** Day boundaries in China time, whatever the server's zone. */
export const dayStart = (d: string) => sql`(${d}::date::timestamp at time zone 'Asia/Shanghai')`;
/** The first instant after day `d` (China time): "by the end of d" is `at < dayEnd(d)`. */
export const dayEnd = (d: string) => sql`(${d}::date::timestamp at time zone 'Asia/Shanghai' + interval '1 day')`;

/** The day `days` before `date` (YYYY-MM-DD), in plain calendar arithmetic. */
export function daysBefore(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Where the project stood at the end of day `d`: the stage and status of its last stage event
 * by then (none when it was logged later). Stage events are append-only and each carries the
 * stage and status it moved to, so replaying them gives the pipeline of any past day.
 */
export function positionAsOf(d: string) {
  return sql`(select ${stageEvents.toStage} as stage, ${stageEvents.toStatus} as status from ${stageEvents}
     where ${stageEvents.projectId} = ${projects.id} and ${stageEvents.at} < ${dayEnd(d)}
     order by ${stageEvents.at} desc, ${stageEvents.id} desc limit 1)`;
}

/** The investor class as a condition on the project's enterprise. */
export function investorCondition(c: InvestorClass): SQL {
  const tags = sql`${enterprises.tags}`;
  const cond =
    c === "top500"
      ? sql`${tags} && array[${sql.join(
          TOP500_TAGS.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[]`
      : c === "central_soe"
        ? sql`(${enterprises.ownershipType} = 'central_soe' or '央企' = any(${tags}))`
        : sql`'上市公司' = any(${tags})`;
  return sql`exists (select 1 from ${enterprises} where ${enterprises.id} = ${projects.enterpriseId} and ${cond})`;
}

/** Activities of these kinds dated within the range, as a condition on `activities`. */
export function activityMatch(f: Pick<ProjectFilters, "activity" | "activityFrom" | "activityTo">): SQL {
  return and(
    f.activity?.length ? inArray(activities.kind, f.activity) : undefined,
    f.activityFrom ? gte(activities.occurredOn, f.activityFrom) : undefined,
    f.activityTo ? sql`${activities.occurredOn} <= ${f.activityTo}` : undefined,
  ) ?? sql`true`;
}

/** Open tasks past their due date, as a condition on `tasks`. */
export function overdueTaskMatch(today: string): SQL {
  return and(eq(tasks.status, "open"), lt(tasks.dueDate, today))!;
}

/** The stalled rule: active, short of 投产, and no activity (or, with none, no creation) after the day `days` before today. */
export function stalledCondition(days: number, today: string): SQL {
  return and(
    eq(projects.status, "active"),
    sql`${projects.stage} <> 'operating'`,
    lt(sql`coalesce(${projects.lastActivityAt}, ${projects.createdAt})`, dayStart(daysBefore(today, days - 1))),
  )!;
}

/** The list's filters as conditions (visibility is added separately, always). `today` is China's date. */
export async function filterConditions(db: DbOrTx, f: ProjectFilters, today = todayInChina()): Promise<SQL[]> {
  const where: SQL[] = [];
  if (f.q) where.push(projectTextCondition(f.q));
  if (f.asOf) {
    // The stage and status filters apply to where the project stood then.
    const pos = positionAsOf(f.asOf);
    const cond = and(
      f.stage?.length ? sql`p.stage in (${sql.join(f.stage.map((s) => sql`${s}`), sql`, `)})` : undefined,
      f.status?.length ? sql`p.status in (${sql.join(f.status.map((s) => sql`${s}`), sql`, `)})` : undefined,
    );
    where.push(sql`exists (select 1 from ${pos} p where ${cond ?? sql`true`})`);
  } else {
    if (f.stage?.length) where.push(inArray(projects.stage, f.stage));
    if (f.status?.length) where.push(inArray(projects.status, f.status));
  }
  if (f.source?.length) where.push(inArray(projects.source, f.source));
  if (f.chain) where.push(f.chain === "none" ? isNull(projects.industryChainId) : eq(projects.industryChainId, f.chain));
  if (f.park) where.push(f.park === "none" ? isNull(projects.parkId) : eq(projects.parkId, f.park));
  if (f.owner) where.push(eq(projects.ownerId, f.owner));
  if (f.sourceEvent) where.push(eq(projects.sourceEventId, f.sourceEvent));
  // A unit means the unit and everything below it, as a manager reads their unit (unitOnly: just the unit).
  if (f.unit) where.push(f.unitOnly ? eq(projects.unitId, f.unit) : inArray(projects.unitId, await unitSubtree(db, f.unit)));
  if (f.minYi) where.push(gte(projects.totalInvestment, yiToYuan(f.minYi)!));
  if (f.maxYi) where.push(sql`${projects.totalInvestment} <= ${yiToYuan(f.maxYi)!}`);
  if (f.createdFrom) where.push(gte(projects.createdAt, dayStart(f.createdFrom)));
  if (f.createdTo) where.push(lt(projects.createdAt, dayEnd(f.createdTo)));
  if (f.updatedFrom) where.push(gte(projects.updatedAt, dayStart(f.updatedFrom)));
  if (f.updatedTo) where.push(lt(projects.updatedAt, dayEnd(f.updatedTo)));
  if (f.key) where.push(eq(projects.isKey, true));
  if (f.reached) {
    where.push(sql`exists (select 1 from ${stageEvents} where ${stageEvents.projectId} = ${projects.id} and ${stageEvents.toStage} >= ${f.reached}
      ${f.asOf ? sql`and ${stageEvents.at} < ${dayEnd(f.asOf)}` : sql``})`);
  }
  if (f.activity?.length || f.activityFrom || f.activityTo) {
    where.push(sql`exists (select 1 from ${activities} where ${activities.projectId} = ${projects.id} and ${activityMatch(f)})`);
  }
  if (f.investor) where.push(investorCondition(f.investor));
  if (f.stalled) where.push(stalledCondition(f.stalled, today));
  if (f.overdue) where.push(sql`exists (select 1 from ${tasks} where ${tasks.projectId} = ${projects.id} and ${overdueTaskMatch(today)})`);
  return where;
}

/**
 * The projects a viewer may see: in their scope and not archived (归档). Every read and every
 * change of a project goes through this, so an archived project is hidden everywhere — lists,
 * the board, the signed list and its export, pickers, dashboards, by id too — until an admin
 * restores it (lib/archive).
 */
export function visibleProjects(scope: Scope): SQL {
  return and(isNull(projects.archivedAt), inScope(scope, projects.unitId, projects.ownerId))!;
}

const SORT_COLUMNS: Record<ProjectSort, SQL | typeof projects.name> = {
  name: projects.name,
  enterprise: sql`${enterprises.name}`,
  stage: sql`${projects.stage}`,
  status: sql`${projects.status}`,
  totalInvestment: sql`${projects.totalInvestment}`,
  chain: sql`${industryChains.sortOrder}`,
  owner: sql`${owners.displayName}`,
  unit: sql`${units.name}`,
  source: sql`${projects.source}`,
  expectedSigningDate: sql`${projects.expectedSigningDate}`,
  createdAt: sql`${projects.createdAt}`,
  updatedAt: sql`${projects.updatedAt}`,
};

export const projectRowColumns = {
  id: projects.id,
  name: projects.name,
  enterpriseId: projects.enterpriseId,
  enterpriseName: enterprises.name,
  stage: projects.stage,
  status: projects.status,
  totalInvestment: projects.totalInvestment,
  chainName: industryChains.name,
  ownerId: projects.ownerId,
  ownerName: owners.displayName,
  unitName: units.name,
  source: projects.source,
  isKey: projects.isKey,
  expectedSigningDate: projects.expectedSigningDate,
  createdAt: projects.createdAt,
  updatedAt: projects.updatedAt,
  lastActivityAt: projects.lastActivityAt,
};

function baseQuery(db: DbOrTx) {
  return db
    .select(projectRowColumns)
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .innerJoin(owners, eq(owners.id, projects.ownerId))
    .innerJoin(units, eq(units.id, projects.unitId))
    .leftJoin(industryChains, eq(industryChains.id, projects.industryChainId));
}

export type ProjectRow = Awaited<ReturnType<typeof listProjects>>["rows"][number];

/** A filtered, sorted page of the projects the viewer may see, with the total count. */
export async function listProjects(db: DbOrTx, viewer: Viewer, params: ProjectListParams) {
  const scope = await scopeOf(db, viewer);
  const where = and(visibleProjects(scope), ...(await filterConditions(db, params)));
  const order = params.dir === "asc" ? asc : desc;
  // The id breaks ties so pages never overlap or skip rows.
  const [rows, [total], matches] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(order(SORT_COLUMNS[params.sort]), order(projects.id))
      .limit(params.size)
      .offset((params.page - 1) * params.size),
    db.select({ n: count() }).from(projects).where(where),
    listMatches(db, where, params),
  ]);
  return { rows, total: total?.n ?? 0, ...matches };
}

/** A timestamp as the day it was in China (YYYY-MM-DD), for an export's date column. */
const chinaDay = (column: AnyPgColumn) => sql<string | null>`to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

/** The columns of a row of the 在谈项目清单 (lib/projects/export.ts): flat, so the export reads the statement as arrays. */
export const pipelineRowColumns = {
  name: projects.name,
  enterpriseName: enterprises.name,
  headquarters: enterprises.headquarters,
  tags: enterprises.tags,
  capitalOrigin: projects.capitalOrigin,
  totalInvestment: projects.totalInvestment,
  chainName: industryChains.name,
  source: projects.source,
  stage: projects.stage,
  status: projects.status,
  isKey: projects.isKey,
  expectedSigningDate: projects.expectedSigningDate,
  parkName: sql<string | null>`(select ${parks.name} from ${parks} where ${parks.id} = ${projects.parkId})`,
  landNeedMu: projects.landNeedMu,
  ownerName: owners.displayName,
  unitName: units.name,
  responsibleLeader: projects.responsibleLeader,
  lastActivityOn: chinaDay(projects.lastActivityAt),
  updatedOn: chinaDay(projects.updatedAt),
  description: projects.description,
};

/**
 * The whole filtered /projects list, in its order, as one statement for a cursor: its text,
 * parameters and the row's field names in the order they come back. Same visibility and
 * filters as listProjects.
 */
export async function pipelineExportStatement(db: DbOrTx, viewer: Viewer, params: ProjectFilters & Pick<ProjectListParams, "sort" | "dir">) {
  const scope = await scopeOf(db, viewer);
  const where = and(visibleProjects(scope), ...(await filterConditions(db, params)));
  const order = params.dir === "asc" ? asc : desc;
  const { sql: text, params: values } = db
    .select(pipelineRowColumns)
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .innerJoin(owners, eq(owners.id, projects.ownerId))
    .innerJoin(units, eq(units.id, projects.unitId))
    .leftJoin(industryChains, eq(industryChains.id, projects.industryChainId))
    .where(where)
    .orderBy(order(SORT_COLUMNS[params.sort]), order(projects.id))
    .toSQL();
  return { text, values, fields: Object.keys(pipelineRowColumns) };
}

/**
 * Filtered by activities or overdue tasks, the list also counts those records over all its
 * projects (a project may have several): the figure a dashboard cell showed.
 */
async function listMatches(db: DbOrTx, where: SQL | undefined, f: ProjectFilters, today = todayInChina()) {
  const ids = db.select({ id: projects.id }).from(projects).where(where);
  const [acts, overdue] = await Promise.all([
    f.activity?.length || f.activityFrom || f.activityTo
      ? db
          .select({ n: count() })
          .from(activities)
          .where(and(inArray(activities.projectId, ids), activityMatch(f)))
      : null,
    f.overdue
      ? db
          .select({ n: count() })
          .from(tasks)
          .where(and(inArray(tasks.projectId, ids), overdueTaskMatch(today)))
      : null,
  ]);
  return { activities: acts?.[0]?.n, overdueTasks: overdue?.[0]?.n };
}

/** One project, or null when it does not exist or the viewer may not see it (a 404 either way). */
export async function getProject(db: DbOrTx, viewer: Viewer, id: string) {
  const scope = await scopeOf(db, viewer);
  const [row] = await db
    .select({
      ...projectRowColumns,
      industryChainId: projects.industryChainId,
      sourceEventId: projects.sourceEventId,
      sourceEventName: sql<string | null>`(select e.name from events e where e.id = ${projects.sourceEventId} and e.archived_at is null)`,
      capitalOrigin: projects.capitalOrigin,
      statusReason: projects.statusReason,
      responsibleLeader: projects.responsibleLeader,
      unitId: projects.unitId,
      description: projects.description,
      stageChangedAt: projects.stageChangedAt,
      version: projects.version,
      enterpriseUscc: enterprises.uscc,
      signingDate: signings.signingDate,
      contractInvestment: signings.contractInvestment,
    })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .innerJoin(owners, eq(owners.id, projects.ownerId))
    .innerJoin(units, eq(units.id, projects.unitId))
    .leftJoin(industryChains, eq(industryChains.id, projects.industryChainId))
    .leftJoin(signings, eq(signings.projectId, projects.id))
    .where(and(eq(projects.id, id), visibleProjects(scope)));
  return row ?? null;
}
export type ProjectDetail = NonNullable<Awaited<ReturnType<typeof getProject>>>;

/** Per stage: how many projects and their Σ total investment (元), within the viewer's scope and filters. */
/**
 * What the board's queries share: the viewer's visibility and the filters (but not the stage,
 * which is the column), worked out once for the totals and all nine columns.
 */
export async function boardWhere(db: DbOrTx, viewer: Viewer, filters: ProjectFilters): Promise<SQL | undefined> {
  const scope = await scopeOf(db, viewer);
  return and(visibleProjects(scope), ...(await filterConditions(db, { ...filters, stage: undefined })));
}

/** Count and Σ total investment per stage over `where` (from boardWhere). */
export async function stageTotals(db: DbOrTx, where: SQL | undefined) {
  const rows = await db
    .select({ stage: projects.stage, n: count(), total: sum(projects.totalInvestment) })
    .from(projects)
    .where(where)
    .groupBy(projects.stage);
  return new Map(rows.map((r) => [r.stage, { count: r.n, total: r.total ?? "0" }]));
}

/** One board column's cards over `where` (from boardWhere), newest change first, `limit` at a time after `offset`. */
export async function listStageCards(db: DbOrTx, where: SQL | undefined, stage: ProjectStage, offset: number, limit: number) {
  // What a card needs to open the stage-change dialog, besides the list's columns.
  return db
    .select({
      ...projectRowColumns,
      version: projects.version,
      // A join, not EXISTS: with thousands of cards in a column the planner hashes all of
      // `signings` for an EXISTS, where the join looks up just the 20 cards' rows.
      hasSigning: sql<boolean>`${signings.projectId} is not null`,
      // At most 20 cards a column: a lookup each on (project_id, stage).
      pendingStage: sql<ProjectStage | null>`(select ${milestones.stage} from ${milestones}
        where ${milestones.projectId} = ${projects.id} and ${milestones.reviewStatus} = 'pending' order by ${milestones.stage} desc limit 1)`,
    })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .innerJoin(owners, eq(owners.id, projects.ownerId))
    .innerJoin(units, eq(units.id, projects.unitId))
    .leftJoin(industryChains, eq(industryChains.id, projects.industryChainId))
    .leftJoin(signings, eq(signings.projectId, projects.id))
    .where(and(where, eq(projects.stage, stage)))
    .orderBy(desc(projects.updatedAt), desc(projects.id))
    .limit(limit)
    .offset(offset);
}

/** The stages a project has been at, from its stage changes (call only for a project the viewer may see). */
export async function reachedStages(db: DbOrTx, projectId: string): Promise<Set<ProjectStage>> {
  const rows = await db.selectDistinct({ stage: stageEvents.toStage }).from(stageEvents).where(eq(stageEvents.projectId, projectId));
  return new Set(rows.map((r) => r.stage));
}

import { and, asc, count, desc, eq, gte, inArray, isNull, lt, sql, sum, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { contacts, enterprises, industryChains, milestones, projects, signings, units, users } from "@/db/schema";
import type { ProjectStage } from "@/db/schema/enums";
import { inScope, scopeOf, unitSubtree, type Scope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { yiToYuan } from "@/lib/money";
import { escapeLike } from "@/lib/utils";
import type { ProjectFilters, ProjectListParams, ProjectSort } from "./validation";

const owners = alias(users, "owner");


/**
 * Text search over project name, enterprise name, USCC and contact names.
 *
 * The matches are gathered as one set of project ids, a union of indexed lookups, rather than
 * as an OR over each row: then each part can use its own index (the trigram indexes on the
 * three names once q has 3 characters, the USCC index), instead of the whole list being
 * filtered row by row. Text without upper or lower case (Chinese, digits) is matched with LIKE,
 * which finds exactly what ILIKE would, several times faster when a scan is unavoidable.
 */
function textCondition(q: string): SQL {
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
           union select ${contacts.enterpriseId} from ${contacts} where ${matches(contacts.name)}))`,
  );
}

/** Day boundaries in China time, whatever the server's zone. */
const dayStart = (d: string) => sql`(${d}::date::timestamp at time zone 'Asia/Shanghai')`;

/** The list's filters as conditions (visibility is added separately, always). */
export async function filterConditions(db: DbOrTx, f: ProjectFilters): Promise<SQL[]> {
  const where: SQL[] = [];
  if (f.q) where.push(textCondition(f.q));
  if (f.stage?.length) where.push(inArray(projects.stage, f.stage));
  if (f.status?.length) where.push(inArray(projects.status, f.status));
  if (f.source?.length) where.push(inArray(projects.source, f.source));
  if (f.chain) where.push(eq(projects.industryChainId, f.chain));
  if (f.owner) where.push(eq(projects.ownerId, f.owner));
  // A unit means the unit and everything below it, as a manager reads their unit.
  if (f.unit) where.push(inArray(projects.unitId, await unitSubtree(db, f.unit)));
  if (f.minYi) where.push(gte(projects.totalInvestment, yiToYuan(f.minYi)!));
  if (f.maxYi) where.push(sql`${projects.totalInvestment} <= ${yiToYuan(f.maxYi)!}`);
  if (f.createdFrom) where.push(gte(projects.createdAt, dayStart(f.createdFrom)));
  if (f.createdTo) where.push(lt(projects.createdAt, sql`${dayStart(f.createdTo)} + interval '1 day'`));
  if (f.updatedFrom) where.push(gte(projects.updatedAt, dayStart(f.updatedFrom)));
  if (f.updatedTo) where.push(lt(projects.updatedAt, sql`${dayStart(f.updatedTo)} + interval '1 day'`));
  if (f.key) where.push(eq(projects.isKey, true));
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
  const [rows, [total]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(order(SORT_COLUMNS[params.sort]), order(projects.id))
      .limit(params.size)
      .offset((params.page - 1) * params.size),
    db.select({ n: count() }).from(projects).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One project, or null when it does not exist or the viewer may not see it (a 404 either way). */
export async function getProject(db: DbOrTx, viewer: Viewer, id: string) {
  const scope = await scopeOf(db, viewer);
  const [row] = await db
    .select({
      ...projectRowColumns,
      industryChainId: projects.industryChainId,
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

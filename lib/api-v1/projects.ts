/**
 * /api/v1/projects: the pipeline as JSON. Lists take the /projects page's filters (visibility
 * and archive rules included, through filterConditions and visibleProjects); writes go through
 * the same services as the forms (lib/projects/service), so the same zod schemas, scope checks,
 * optimistic locking and audit rows apply.
 */
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { enterprises, industryChains, projects, signings, units, users } from "@/db/schema";
import { capitalOriginEnum, landUseEnum, projectSourceEnum, projectStageEnum, projectStatusEnum } from "@/db/schema/enums";
import type { Viewer } from "@/lib/auth/roles";
import { scopeOf } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import { yuanToYiInput } from "@/lib/money";
import { filterConditions, visibleProjects } from "@/lib/projects/queries";
import { createProject, updateProject } from "@/lib/projects/service";
import zhProjects from "@/lib/i18n/messages/zh-CN/projects.json";
import { projectFiltersSchema } from "@/lib/projects/validation";
import { afterCursor, cursorValue, keysetOrder, pageOf, type KeysetColumn } from "./cursor";
import { cursorOf, dateOut, iso, listControls, muOut, patchBody, timestampOut, uuidOut, yiOut, yuanOut } from "./shared";

/** 投资方来源地 (one label everywhere: form, lists, exports, API): where the investor comes from, with each value's Chinese label. */
export const CAPITAL_ORIGIN_DOC = `投资方来源地 — where the investor comes from: ${Object.entries(zhProjects.capitalOrigins)
  .map(([code, label]) => `${code} ${label}`)
  .join(", ")}`;

type Ctx = { ip?: string | null };
const owners = alias(users, "owner");

const SORTS = {
  updatedAt: { column: projects.updatedAt, cast: "timestamptz" },
  createdAt: { column: projects.createdAt, cast: "timestamptz" },
  name: { column: projects.name, cast: "text" },
  totalInvestment: { column: projects.totalInvestment, cast: "numeric" },
} satisfies Record<string, KeysetColumn>;
type Sort = keyof typeof SORTS;

/** GET /api/v1/projects: the /projects filters, then order, page size and cursor. */
export const projectApiListSchema = projectFiltersSchema.extend(listControls(Object.keys(SORTS) as [Sort, ...Sort[]], "updatedAt", "desc"));
export type ProjectApiListParams = z.output<typeof projectApiListSchema>;

export const projectOut = z.object({
  id: uuidOut,
  name: z.string(),
  enterpriseId: uuidOut,
  enterpriseName: z.string(),
  industryChainId: uuidOut.nullable(),
  chainName: z.string().nullable(),
  sourceEventId: uuidOut.nullable().describe("来源活动: the event (GET /api/v1/events/{id}) the lead came from"),
  source: z.enum(projectSourceEnum.enumValues),
  totalInvestment: yuanOut,
  totalInvestmentYi: yiOut,
  capitalOrigin: z.enum(capitalOriginEnum.enumValues).describe(CAPITAL_ORIGIN_DOC),
  stage: z.enum(projectStageEnum.enumValues),
  status: z.enum(projectStatusEnum.enumValues),
  statusReason: z.string(),
  ownerId: uuidOut,
  ownerName: z.string(),
  unitId: uuidOut,
  unitName: z.string(),
  responsibleLeader: z.string(),
  isKey: z.boolean(),
  expectedSigningDate: dateOut.nullable(),
  parkId: uuidOut.nullable(),
  landNeedMu: muOut.nullable(),
  landUse: z.enum(landUseEnum.enumValues).nullable(),
  description: z.string(),
  signed: z.boolean().describe("Has signing facts (see /api/v1/signed-projects)"),
  createdAt: timestampOut,
  updatedAt: timestampOut,
  version: z.number().int().describe("Send it back with an update: a stale version is refused (409)"),
});
export type ProjectOut = z.infer<typeof projectOut>;

const columns = {
  id: projects.id,
  name: projects.name,
  enterpriseId: projects.enterpriseId,
  enterpriseName: enterprises.name,
  industryChainId: projects.industryChainId,
  chainName: industryChains.name,
  sourceEventId: projects.sourceEventId,
  source: projects.source,
  totalInvestment: projects.totalInvestment,
  capitalOrigin: projects.capitalOrigin,
  stage: projects.stage,
  status: projects.status,
  statusReason: projects.statusReason,
  ownerId: projects.ownerId,
  ownerName: owners.displayName,
  unitId: projects.unitId,
  unitName: units.name,
  responsibleLeader: projects.responsibleLeader,
  isKey: projects.isKey,
  expectedSigningDate: projects.expectedSigningDate,
  parkId: projects.parkId,
  landNeedMu: projects.landNeedMu,
  landUse: projects.landUse,
  description: projects.description,
  signed: sql<boolean>`${signings.projectId} is not null`,
  createdAt: projects.createdAt,
  updatedAt: projects.updatedAt,
  version: projects.version,
};

function query(db: DbOrTx, extra: Record<string, unknown> = {}) {
  return db
    .select({ ...columns, ...extra } as typeof columns & { cursorValue: ReturnType<typeof cursorValue> })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .innerJoin(owners, eq(owners.id, projects.ownerId))
    .innerJoin(units, eq(units.id, projects.unitId))
    .leftJoin(industryChains, eq(industryChains.id, projects.industryChainId))
    .leftJoin(signings, eq(signings.projectId, projects.id));
}

type Row = Omit<Awaited<ReturnType<ReturnType<typeof query>["execute"]>>[number], "cursorValue">;

function out(r: Row): ProjectOut {
  return { ...r, totalInvestmentYi: yuanToYiInput(r.totalInvestment), createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) };
}

export async function listProjectsApi(db: DbOrTx, viewer: Viewer, params: ProjectApiListParams) {
  const scope = await scopeOf(db, viewer);
  const key = SORTS[params.sort];
  const cursor = cursorOf(params);
  const rows = await query(db, { cursorValue: cursorValue(key) })
    .where(and(visibleProjects(scope), ...(await filterConditions(db, params)), cursor ? afterCursor(key, projects.id, cursor) : undefined))
    .orderBy(...keysetOrder(key, projects.id, params.dir))
    .limit(params.limit + 1);
  const page = pageOf(rows, params.limit, params.sort, params.dir);
  return { data: page.rows.map(out), nextCursor: page.nextCursor };
}

/** One project the viewer may see, or a 404 (another unit's, archived, or no such id). */
export async function readProjectApi(db: DbOrTx, viewer: Viewer, id: string): Promise<ProjectOut> {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
  const scope = await scopeOf(db, viewer);
  const [row] = await query(db).where(and(eq(projects.id, id), visibleProjects(scope)));
  if (!row) throw new NotFoundError();
  return out(row);
}

export async function createProjectApi(db: Db, viewer: Viewer, body: unknown, ctx: Ctx = {}) {
  const created = await createProject(db, viewer, body, ctx);
  return readProjectApi(db, viewer, created.id);
}

/** PATCH: only the fields sent are written (the rest stay as they are now); `version` is required. */
export async function updateProjectApi(db: Db, viewer: Viewer, id: string, body: unknown, ctx: Ctx = {}) {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
  await updateProject(db, viewer, id, patchBody(body), ctx);
  return readProjectApi(db, viewer, id);
}

/** /api/v1/enterprises: investors as JSON, with the /enterprises page's filters and visibility. */
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { enterprises, units } from "@/db/schema";
import { ownershipTypeEnum } from "@/db/schema/enums";
import type { Viewer } from "@/lib/auth/roles";
import { scopeOf } from "@/lib/auth/scope";
import { enterpriseColumns, enterpriseTextCondition } from "@/lib/enterprises/queries";
import { visibleEnterprises } from "@/lib/enterprises/scope";
import { createEnterprise, updateEnterprise } from "@/lib/enterprises/service";
import { enterpriseListSchema } from "@/lib/enterprises/validation";
import { NotFoundError } from "@/lib/errors";
import { afterCursor, cursorValue, keysetOrder, pageOf, type KeysetColumn } from "./cursor";
import { cursorOf, iso, listControls, patchBody, timestampOut, uuidOut } from "./shared";

type Ctx = { ip?: string | null };

const SORTS = {
  updatedAt: { column: enterprises.updatedAt, cast: "timestamptz" },
  createdAt: { column: enterprises.createdAt, cast: "timestamptz" },
  name: { column: enterprises.name, cast: "text" },
} satisfies Record<string, KeysetColumn>;
type Sort = keyof typeof SORTS;

/** GET /api/v1/enterprises: the /enterprises filters (q, ownership, tag), then order, page size and cursor. */
export const enterpriseApiListSchema = enterpriseListSchema
  .pick({ q: true, ownership: true, tag: true })
  .extend(listControls(Object.keys(SORTS) as [Sort, ...Sort[]], "updatedAt", "desc"));
export type EnterpriseApiListParams = z.output<typeof enterpriseApiListSchema>;

export const enterpriseOut = z.object({
  id: uuidOut,
  name: z.string(),
  uscc: z.string().nullable().describe("统一社会信用代码"),
  ownershipType: z.enum(ownershipTypeEnum.enumValues).nullable(),
  headquarters: z.string(),
  industryCode: z.string().describe("GB/T 4754-2017"),
  tags: z.array(z.string()),
  website: z.string(),
  notes: z.string(),
  unitId: uuidOut,
  unitName: z.string(),
  createdAt: timestampOut,
  updatedAt: timestampOut,
  version: z.number().int(),
});
export type EnterpriseOut = z.infer<typeof enterpriseOut>;

const out = (r: Omit<EnterpriseOut, "createdAt" | "updatedAt"> & { createdAt: Date; updatedAt: Date }): EnterpriseOut => ({
  ...r,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export async function listEnterprisesApi(db: DbOrTx, viewer: Viewer, params: EnterpriseApiListParams) {
  const scope = await scopeOf(db, viewer);
  const key = SORTS[params.sort];
  const cursor = cursorOf(params);
  const rows = await db
    .select({ ...enterpriseColumns, cursorValue: cursorValue(key) })
    .from(enterprises)
    .innerJoin(units, eq(units.id, enterprises.unitId))
    .where(
      and(
        visibleEnterprises(scope),
        params.q ? enterpriseTextCondition(params.q) : undefined,
        params.ownership ? eq(enterprises.ownershipType, params.ownership) : undefined,
        params.tag ? sql`${enterprises.tags} @> array[${params.tag}]::text[]` : undefined,
        cursor ? afterCursor(key, enterprises.id, cursor) : undefined,
      ),
    )
    .orderBy(...keysetOrder(key, enterprises.id, params.dir))
    .limit(params.limit + 1);
  const page = pageOf(rows, params.limit, params.sort, params.dir);
  return { data: page.rows.map(out), nextCursor: page.nextCursor };
}

export async function readEnterpriseApi(db: DbOrTx, viewer: Viewer, id: string): Promise<EnterpriseOut> {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
  const scope = await scopeOf(db, viewer);
  const [row] = await db
    .select(enterpriseColumns)
    .from(enterprises)
    .innerJoin(units, eq(units.id, enterprises.unitId))
    .where(and(eq(enterprises.id, id), visibleEnterprises(scope)));
  if (!row) throw new NotFoundError();
  return out(row);
}

export async function createEnterpriseApi(db: Db, viewer: Viewer, body: unknown, ctx: Ctx = {}) {
  const created = await createEnterprise(db, viewer, body, ctx);
  return readEnterpriseApi(db, viewer, created.id);
}

/** PATCH: only the fields sent are written (the rest stay as they are now); `version` is required. */
export async function updateEnterpriseApi(db: Db, viewer: Viewer, id: string, body: unknown, ctx: Ctx = {}) {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
  await updateEnterprise(db, viewer, id, patchBody(body), ctx);
  return readEnterpriseApi(db, viewer, id);
}

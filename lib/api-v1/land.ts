/**
 * /api/v1/parks and /api/v1/parcels: reference data every signed-in user reads (as on the
 * pages); a parcel's matched project is named only to those who may see that project. Parks are
 * kept by admins, parcels by managers and admins, through lib/land/service.
 */
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { industryChains, parcels, parks, projects, zones } from "@/db/schema";
import { areaUnitEnum, landUseEnum, parcelStatusEnum } from "@/db/schema/enums";
import type { Viewer } from "@/lib/auth/roles";
import { scopeOf } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import { liveParcels, parcelConditions, parcelDetailColumns } from "@/lib/land/queries";
import { createParcel, createPark, updateParcel, updatePark } from "@/lib/land/service";
import { parcelFiltersSchema } from "@/lib/land/validation";
import { afterCursor, cursorValue, keysetOrder, pageOf, type KeysetColumn } from "./cursor";
import { cursorOf, dateOut, iso, listControls, muOut, patchBody, timestampOut, uuidOut, yuanOut } from "./shared";
import { isUuid } from "@/lib/validation";

type Ctx = { ip?: string | null };

// ── Parks ──────────────────────────────────────────────────────────────────────

export const zoneOut = z.object({ id: uuidOut, name: z.string(), areaMu: muOut.nullable(), description: z.string() });
export const parkOut = z.object({
  id: uuidOut,
  name: z.string(),
  districtCode: z.string().describe("GB/T 2260 county code, or empty"),
  areaMu: muOut.nullable(),
  leadingChainId: uuidOut.nullable(),
  leadingChainName: z.string().nullable(),
  operator: z.string(),
  description: z.string(),
  zones: z.array(zoneOut),
  updatedAt: timestampOut,
  version: z.number().int(),
});
export type ParkOut = z.infer<typeof parkOut>;

async function parksWhere(db: DbOrTx, id?: string): Promise<ParkOut[]> {
  const [rows, zoneRows] = await Promise.all([
    db
      .select({
        id: parks.id,
        name: parks.name,
        districtCode: parks.districtCode,
        areaMu: parks.areaMu,
        leadingChainId: parks.leadingChainId,
        leadingChainName: industryChains.name,
        operator: parks.operator,
        description: parks.description,
        updatedAt: parks.updatedAt,
        version: parks.version,
      })
      .from(parks)
      .leftJoin(industryChains, eq(industryChains.id, parks.leadingChainId))
      .where(id ? eq(parks.id, id) : undefined)
      .orderBy(asc(parks.sortOrder), asc(parks.name)),
    db
      .select({ id: zones.id, parkId: zones.parkId, name: zones.name, areaMu: zones.areaMu, description: zones.description })
      .from(zones)
      .where(id ? eq(zones.parkId, id) : undefined)
      .orderBy(asc(zones.sortOrder), asc(zones.name)),
  ]);
  return rows.map((p) => ({
    ...p,
    zones: zoneRows.filter((z) => z.parkId === p.id).map(({ parkId: _p, ...z }) => z),
    updatedAt: iso(p.updatedAt),
  }));
}

/** Every park with its zones (there are few: no paging). */
export function listParksApi(db: DbOrTx) {
  return parksWhere(db);
}

export async function readParkApi(db: DbOrTx, id: string): Promise<ParkOut> {
  if (!isUuid(id)) throw new NotFoundError();
  const [park] = await parksWhere(db, id);
  if (!park) throw new NotFoundError();
  return park;
}

export async function createParkApi(db: Db, viewer: Viewer, body: unknown, ctx: Ctx = {}) {
  const created = await createPark(db, viewer, body, ctx);
  return readParkApi(db, created.id);
}

/** PATCH: fields sent replace the park's; `zones`, when sent, is the whole list (zones left out are removed). */
export async function updateParkApi(db: Db, viewer: Viewer, id: string, body: unknown, ctx: Ctx = {}) {
  // Only the fields sent are written: updatePark merges them over the park inside its transaction.
  await updatePark(db, viewer, id, patchBody(body), ctx);
  return readParkApi(db, id);
}

// ── Parcels ────────────────────────────────────────────────────────────────────

const SORTS = {
  code: { column: parcels.code, cast: "text" },
  updatedAt: { column: parcels.updatedAt, cast: "timestamptz" },
  area: { column: parcels.areaMu, cast: "numeric" },
} satisfies Record<string, KeysetColumn>;
type Sort = keyof typeof SORTS;

/** GET /api/v1/parcels: the /parcels filters, then order, page size and cursor. */
export const parcelApiListSchema = parcelFiltersSchema.extend(listControls(Object.keys(SORTS) as [Sort, ...Sort[]], "code", "asc"));
export type ParcelApiListParams = z.output<typeof parcelApiListSchema>;

export const parcelOut = z.object({
  id: uuidOut,
  code: z.string(),
  parkId: uuidOut,
  parkName: z.string(),
  zoneId: uuidOut.nullable(),
  zoneName: z.string().nullable(),
  location: z.string(),
  areaMu: muOut,
  areaEnteredIn: z.enum(areaUnitEnum.enumValues),
  landUse: z.enum(landUseEnum.enumValues),
  floorAreaRatio: z.string().nullable(),
  plannedFloorAreaSqm: z.string().nullable(),
  status: z.enum(parcelStatusEnum.enumValues),
  statusChangedOn: dateOut.nullable(),
  transferDate: dateOut.nullable(),
  landPrice: yuanOut.nullable().describe("出让金, 元"),
  matched: z.boolean().describe("Matched to a project (地块匹配), whether or not the caller may see it"),
  projectId: uuidOut.nullable().describe("The matched project — only when the caller may see it"),
  projectName: z.string().nullable().describe("Named only when the caller may see that project"),
  note: z.string(),
  updatedAt: timestampOut,
  version: z.number().int(),
});
export type ParcelOut = z.infer<typeof parcelOut>;

async function parcelColumns(db: DbOrTx, viewer: Viewer) {
  return parcelDetailColumns(await scopeOf(db, viewer));
}

const parcelOutOf = <R extends { updatedAt: Date }>(r: R) => ({ ...r, updatedAt: iso(r.updatedAt) });

export async function listParcelsApi(db: DbOrTx, viewer: Viewer, params: ParcelApiListParams) {
  const key = SORTS[params.sort];
  const cursor = cursorOf(params);
  const rows = await db
    .select({ ...(await parcelColumns(db, viewer)), cursorValue: cursorValue(key) })
    .from(parcels)
    .innerJoin(parks, eq(parks.id, parcels.parkId))
    .leftJoin(zones, eq(zones.id, parcels.zoneId))
    .leftJoin(projects, eq(projects.id, parcels.projectId))
    .where(and(liveParcels, ...parcelConditions(params), cursor ? afterCursor(key, parcels.id, cursor) : undefined))
    .orderBy(...keysetOrder(key, parcels.id, params.dir))
    .limit(params.limit + 1);
  const page = pageOf(rows, params.limit, params.sort, params.dir);
  return { data: page.rows.map(parcelOutOf) satisfies ParcelOut[], nextCursor: page.nextCursor };
}

export async function readParcelApi(db: DbOrTx, viewer: Viewer, id: string): Promise<ParcelOut> {
  if (!isUuid(id)) throw new NotFoundError();
  const [row] = await db
    .select(await parcelColumns(db, viewer))
    .from(parcels)
    .innerJoin(parks, eq(parks.id, parcels.parkId))
    .leftJoin(zones, eq(zones.id, parcels.zoneId))
    .leftJoin(projects, eq(projects.id, parcels.projectId))
    .where(and(eq(parcels.id, id), liveParcels));
  if (!row) throw new NotFoundError();
  return parcelOutOf(row);
}

export async function createParcelApi(db: Db, viewer: Viewer, body: unknown, ctx: Ctx = {}) {
  const created = await createParcel(db, viewer, body, ctx);
  return readParcelApi(db, viewer, created.id);
}

/** PATCH: the parcel's facts (its status moves through the app's status form, with its history). */
export async function updateParcelApi(db: Db, viewer: Viewer, id: string, body: unknown, ctx: Ctx = {}) {
  // Only the fields sent are written: updateParcel merges them over the record inside its transaction.
  await updateParcel(db, viewer, id, patchBody(body), ctx);
  return readParcelApi(db, viewer, id);
}

import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { parcelStatusChanges, parcels, parks, projects, zones, type Parcel } from "@/db/schema";
import type { ParcelStatus } from "@/db/schema/enums";
import { diffRows, writeAudit } from "@/lib/audit";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { scopeOf } from "@/lib/auth/scope";
import { AppError, ConflictError, isUniqueViolation, NotFoundError, ValidationError } from "@/lib/errors";
import { visibleProjects } from "@/lib/projects/queries";
import { parseOrThrow, parseVersionedSave } from "@/lib/validation";
import { areaToMu, cleanNumber } from "./area";
import { wanToYuan } from "./price";
import { isBuilt, isTransferred } from "./status";
import {
  landNeedFormValues,
  landNeedSchema,
  linkParcelSchema,
  parcelFormValues,
  parcelSchema,
  parcelStatusSchema,
  parkFormValues,
  parkSchema,
  updateParcelSchema,
  updateParkSchema,
  type ParkValues,
  type UpdateParcelValues,
} from "./validation";

type Ctx = { ip?: string | null };

/**
 * Who may do what: everyone signed in reads parks and parcels; admins
 * keep parks and their zones; managers and admins keep parcels and move their status;
 * whoever may change a project (it is in their scope) sets its land need and links parcels.
 */
const PARK_EDITOR = "admin" as const;
const PARCEL_EDITOR = "manager" as const;

/** The parcel is matched to another project: refused, nothing written. */
export class ParcelTakenError extends AppError {
  constructor() {
    super(409, "parcel_taken", "parcels.errors.matchedElsewhere");
  }
}

/** Building has begun on the parcel: it is no longer on offer. */
export class ParcelBuiltError extends AppError {
  constructor() {
    super(409, "parcel_built", "parcels.errors.notOnOffer");
  }
}

function assertId(id: string) {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
}

// ── Parks and zones ────────────────────────────────────────────────────────────

function parkNameTaken(e: unknown): never {
  if (isUniqueViolation(e, "parks_name_unique")) throw new ValidationError({ name: ["parks.errors.nameTaken"] });
  if (isUniqueViolation(e, "zones_park_name_idx")) throw new ValidationError({ zones: ["parks.errors.zoneNameTaken"] });
  throw e;
}

function parkColumns(data: ParkValues) {
  const { zones: _zones, ...park } = data;
  return park;
}

export async function createPark(db: Db, viewer: Viewer, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, PARK_EDITOR);
  const data = parseOrThrow(parkSchema, input);
  return db
    .transaction(async (tx) => {
      const [created] = await tx.insert(parks).values(parkColumns(data)).returning();
      await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "park", entityId: created!.id, after: created, ip: ctx.ip });
      for (const [i, zone] of data.zones.entries()) {
        const [z] = await tx
          .insert(zones)
          .values({ parkId: created!.id, name: zone.name, areaMu: zone.areaMu, description: zone.description, sortOrder: i })
          .returning();
        await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "zone", entityId: z!.id, after: z, ip: ctx.ip });
      }
      return created!;
    })
    .catch(parkNameTaken);
}

/**
 * Saves the park and its zones as edited on one form: zones with an id are renamed or
 * changed, new ones added, missing ones removed — unless parcels still lie in them, which
 * is refused (move the parcels first). Every zone change has its own audit row.
 */
export async function updatePark(db: Db, viewer: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, PARK_EDITOR);
  assertId(id);
  return db
    .transaction(async (tx) => {
      const [before] = await tx.select().from(parks).where(eq(parks.id, id)).for("update");
      if (!before) throw new NotFoundError();
      const zoneRows = await tx.select().from(zones).where(eq(zones.parkId, id)).orderBy(asc(zones.sortOrder), asc(zones.name));
      // Only the fields sent (those the user changed) are written; the rest stay as they are now.
      const { version: _version, zones: wanted, ...data } = parseVersionedSave(updateParkSchema, parkFormValues(before, zoneRows), input);
      const [after] = await tx
        .update(parks)
        .set({ ...data, version: sql`${parks.version} + 1` })
        .where(eq(parks.id, id))
        .returning();
      const changes = diffRows(before, after!);
      if (Object.keys(changes.after).length) {
        await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "park", entityId: id, ...changes, ip: ctx.ip });
      }
      await saveZones(tx, viewer, id, wanted, ctx);
      return after!;
    })
    .catch(parkNameTaken);
}

async function saveZones(tx: Tx, viewer: Viewer, parkId: string, wanted: ParkValues["zones"], ctx: Ctx) {
  const existing = await tx.select().from(zones).where(eq(zones.parkId, parkId)).for("update");
  const byId = new Map(existing.map((z) => [z.id, z]));
  for (const [i, zone] of wanted.entries()) {
    if (zone.id && !byId.has(zone.id)) throw new ValidationError({ [`zones.${i}.name`]: ["parks.errors.zoneMissing"] });
  }
  const kept = new Set(wanted.map((z) => z.id).filter(Boolean));
  const removed = existing.filter((z) => !kept.has(z.id));
  if (removed.length) {
    const inUse = await tx
      .select({ zoneId: parcels.zoneId, n: count() })
      .from(parcels)
      .where(inArray(parcels.zoneId, removed.map((z) => z.id)))
      .groupBy(parcels.zoneId);
    if (inUse.length) {
      throw new ValidationError({ zones: ["parks.errors.zoneHasParcels"] }, "parks.errors.zoneHasParcels");
    }
    for (const z of removed) {
      await tx.delete(zones).where(eq(zones.id, z.id));
      await writeAudit(tx, { actorId: viewer.id, action: "delete", entityType: "zone", entityId: z.id, before: z, ip: ctx.ip });
    }
  }
  // Renames go through a temporary name first, so two zones can swap names in one save.
  const renamed = wanted.filter((z) => z.id && byId.get(z.id)!.name !== z.name);
  for (const z of renamed) await tx.update(zones).set({ name: `__renaming__${z.id}` }).where(eq(zones.id, z.id!));
  for (const [i, zone] of wanted.entries()) {
    const values = { name: zone.name, areaMu: zone.areaMu, description: zone.description, sortOrder: i };
    if (!zone.id) {
      const [created] = await tx.insert(zones).values({ parkId, ...values }).returning();
      await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "zone", entityId: created!.id, after: created, ip: ctx.ip });
      continue;
    }
    const before = byId.get(zone.id)!;
    const changes = diffRows(before, { ...before, ...values });
    if (!Object.keys(changes.after).length) continue;
    await tx
      .update(zones)
      .set({ ...values, version: sql`${zones.version} + 1` })
      .where(eq(zones.id, zone.id));
    await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "zone", entityId: zone.id, ...changes, ip: ctx.ip });
  }
}

// ── Parcels ────────────────────────────────────────────────────────────────────

function parcelCodeTaken(e: unknown): never {
  if (isUniqueViolation(e, "parcels_code_unique")) throw new ValidationError({ code: ["parcels.errors.codeTaken"] });
  throw e;
}

/** The park must exist and the zone, if any, lie in it. */
async function checkPlace(db: DbOrTx, parkId: string, zoneId: string | null) {
  const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.id, parkId));
  if (!park) throw new ValidationError({ parkId: ["parcels.errors.parkRequired"] });
  if (zoneId) {
    const [zone] = await db.select({ id: zones.id }).from(zones).where(and(eq(zones.id, zoneId), eq(zones.parkId, parkId)));
    if (!zone) throw new ValidationError({ zoneId: ["parcels.errors.zoneNotInPark"] });
  }
}

const nullIfEmpty = (v: string) => (v === "" ? null : v);

function factColumns(data: Omit<UpdateParcelValues, "version">) {
  return {
    code: data.code,
    parkId: data.parkId,
    zoneId: data.zoneId,
    location: data.location,
    areaMu: areaToMu(data.area, data.areaUnit)!,
    areaEnteredIn: data.areaUnit,
    landUse: data.landUse,
    floorAreaRatio: nullIfEmpty(data.floorAreaRatio),
    plannedFloorAreaSqm: nullIfEmpty(cleanNumber(data.plannedFloorAreaSqm)),
    note: data.note,
  };
}

/** Registers a parcel in the status it is in, with the first entry of its status history. */
export async function createParcel(db: Db, viewer: Viewer, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, PARCEL_EDITOR);
  const data = parseOrThrow(parcelSchema, input);
  await checkPlace(db, data.parkId, data.zoneId);
  const transferred = isTransferred(data.status);
  return db
    .transaction(async (tx) => {
      const [created] = await tx
        .insert(parcels)
        .values({
          ...factColumns(data),
          status: data.status,
          statusChangedOn: data.statusDate,
          transferDate: transferred ? data.transferDate : null,
          landPrice: transferred && data.landPriceWan ? wanToYuan(data.landPriceWan) : null,
        })
        .returning();
      await tx.insert(parcelStatusChanges).values({ parcelId: created!.id, fromStatus: null, toStatus: data.status, changedOn: data.statusDate, actorId: viewer.id });
      await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "parcel", entityId: created!.id, after: created, ip: ctx.ip });
      return created!;
    })
    .catch(parcelCodeTaken);
}

async function lockParcel(tx: Tx, id: string): Promise<Parcel> {
  assertId(id);
  // An archived parcel is hidden: it cannot be changed or matched until an admin restores it.
  const [row] = await tx
    .select()
    .from(parcels)
    .where(and(eq(parcels.id, id), isNull(parcels.archivedAt)))
    .for("update");
  if (!row) throw new NotFoundError();
  return row;
}

/** Saves a parcel's facts; its status moves only through changeParcelStatus. */
export async function updateParcel(db: Db, viewer: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, PARCEL_EDITOR);
  return db
    .transaction(async (tx) => {
      const before = await lockParcel(tx, id);
      // Only the fields sent (those the user changed) are written; the rest stay as they are now.
      const { version: _version, ...data } = parseVersionedSave(updateParcelSchema, parcelFormValues(before), input);
      await checkPlace(tx, data.parkId, data.zoneId);
      // The transfer facts belong to a transferred parcel; before that they stay empty.
      const transferred = isTransferred(before.status);
      if (transferred && !data.transferDate) throw new ValidationError({ transferDate: ["parcels.errors.transferDateRequired"] });
      if (transferred && before.statusChangedOn && data.transferDate! > before.statusChangedOn) {
        throw new ValidationError({ transferDate: ["parcels.errors.transferAfterStatus"] });
      }
      const [after] = await tx
        .update(parcels)
        .set({
          ...factColumns(data),
          transferDate: transferred ? data.transferDate : null,
          landPrice: transferred && data.landPriceWan ? wanToYuan(data.landPriceWan) : null,
          version: sql`${parcels.version} + 1`,
        })
        .where(eq(parcels.id, id))
        .returning();
      const changes = diffRows(before, after!);
      if (Object.keys(changes.after).length) {
        await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "parcel", entityId: id, ...changes, ip: ctx.ip });
      }
      return after!;
    })
    .catch(parcelCodeTaken);
}

/**
 * Moves a parcel along its life cycle (rules in lib/land/status.ts). The row, its status
 * history entry (with the date the change happened) and the audit row land together.
 */
export async function changeParcelStatus(db: Db, viewer: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, PARCEL_EDITOR);
  return db.transaction(async (tx) => {
    const before = await lockParcel(tx, id);
    const data = parseOrThrow(parcelStatusSchema({ status: before.status, transferDate: before.transferDate, statusChangedOn: before.statusChangedOn }), input);
    if (before.version !== data.version) throw new ConflictError(before);
    const transfer = transferFacts(before, data.toStatus, data);
    const [after] = await tx
      .update(parcels)
      .set({ status: data.toStatus, statusChangedOn: data.changedOn, ...transfer, version: sql`${parcels.version} + 1` })
      .where(eq(parcels.id, id))
      .returning();
    await tx.insert(parcelStatusChanges).values({
      parcelId: id,
      fromStatus: before.status,
      toStatus: data.toStatus,
      changedOn: data.changedOn,
      note: data.note,
      actorId: viewer.id,
    });
    const fields = ["status", "statusChangedOn", "transferDate", "landPrice"] as const;
    const pick = (row: Parcel) => Object.fromEntries(fields.map((f) => [f, row[f]]));
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "update",
      entityType: "parcel",
      entityId: id,
      ...diffRows(pick(before), pick(after!)),
      ip: ctx.ip,
    });
    return after!;
  });
}

/** The transfer date and price after a change to `to`. */
function transferFacts(
  before: Pick<Parcel, "status" | "transferDate" | "landPrice">,
  to: ParcelStatus,
  input: { changedOn: string; transferDate: string; landPriceWan: string },
): { transferDate: string | null; landPrice: string | null } {
  // Back before 已出让 (a rescinded transfer): the facts go; the audit row keeps them.
  if (!isTransferred(to)) return { transferDate: null, landPrice: null };
  const price = input.landPriceWan ? wanToYuan(input.landPriceWan) : before.landPrice;
  if (isTransferred(before.status) && before.transferDate) return { transferDate: before.transferDate, landPrice: price };
  // Transferred now: the change date is the transfer date, unless the change jumps past 已出让.
  return { transferDate: to === "transferred" ? input.changedOn : input.transferDate, landPrice: price };
}

// ── A project's land need and its parcels ──────────────────────────────────────

/** The project, locked, if the viewer may see (and so change) it. */
async function lockVisibleProject(tx: Tx, viewer: Viewer, projectId: string) {
  assertId(projectId);
  const scope = await scopeOf(tx, viewer);
  const [row] = await tx
    .select({ id: projects.id, name: projects.name, landNeedMu: projects.landNeedMu, landUse: projects.landUse, parkId: projects.parkId, version: projects.version })
    .from(projects)
    .where(and(eq(projects.id, projectId), visibleProjects(scope)))
    .for("update", { of: projects });
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * Saves a project's land need (亩, land use, preferred park). Audited as "project_land", the
 * project's land record, so the project's timeline of edits is not filled with raw ids.
 */
export async function updateLandNeed(db: Db, viewer: Viewer, projectId: string, input: unknown, ctx: Ctx = {}) {
  return db.transaction(async (tx) => {
    const before = await lockVisibleProject(tx, viewer, projectId);
    // Only the fields sent (those the user changed) are written; the rest stay as they are now.
    const data = parseVersionedSave(landNeedSchema, landNeedFormValues(before), input);
    if (data.parkId) {
      const [park] = await tx.select({ id: parks.id }).from(parks).where(eq(parks.id, data.parkId));
      if (!park) throw new ValidationError({ parkId: ["parcels.errors.parkRequired"] });
    }
    const values = { landNeedMu: data.landNeedMu ? areaToMu(data.landNeedMu, "mu") : null, landUse: data.landUse, parkId: data.parkId };
    const [after] = await tx
      .update(projects)
      .set({ ...values, version: sql`${projects.version} + 1` })
      .where(eq(projects.id, projectId))
      .returning({ landNeedMu: projects.landNeedMu, landUse: projects.landUse, parkId: projects.parkId, version: projects.version });
    const changes = diffRows({ landNeedMu: before.landNeedMu, landUse: before.landUse, parkId: before.parkId }, { landNeedMu: after!.landNeedMu, landUse: after!.landUse, parkId: after!.parkId });
    if (Object.keys(changes.after).length) {
      await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "project_land", entityId: projectId, ...changes, ip: ctx.ip });
    }
    return after!;
  });
}

/** Audit rows for a link or unlink: one on the parcel, one on the project's land record. */
async function auditLink(tx: Tx, viewer: Viewer, parcel: Parcel, projectId: string, linked: boolean, ctx: Ctx) {
  const parcelSide = { projectId: linked ? projectId : null };
  await writeAudit(tx, {
    actorId: viewer.id,
    action: "update",
    entityType: "parcel",
    entityId: parcel.id,
    before: { projectId: linked ? null : projectId },
    after: parcelSide,
    ip: ctx.ip,
  });
  const ref = { parcelId: parcel.id, parcelCode: parcel.code };
  await writeAudit(tx, {
    actorId: viewer.id,
    action: "update",
    entityType: "project_land",
    entityId: projectId,
    before: linked ? { parcel: null } : { parcel: ref },
    after: linked ? { parcel: ref } : { parcel: null },
    ip: ctx.ip,
  });
}

/**
 * 地块匹配: links a parcel to a project the viewer may change. Refused when the parcel is
 * matched to another project already, or building has begun on it.
 */
export async function linkParcel(db: Db, viewer: Viewer, projectId: string, input: unknown, ctx: Ctx = {}) {
  const { parcelId } = parseOrThrow(linkParcelSchema, input);
  return db.transaction(async (tx) => {
    await lockVisibleProject(tx, viewer, projectId);
    const parcel = await lockParcel(tx, parcelId);
    if (parcel.projectId === projectId) return parcel;
    if (parcel.projectId) throw new ParcelTakenError();
    if (isBuilt(parcel.status)) throw new ParcelBuiltError();
    const [after] = await tx
      .update(parcels)
      .set({ projectId, version: sql`${parcels.version} + 1` })
      .where(eq(parcels.id, parcelId))
      .returning();
    await auditLink(tx, viewer, parcel, projectId, true, ctx);
    return after!;
  });
}

/** Undoes a match; only for a parcel matched to this project, by someone who may change it. */
export async function unlinkParcel(db: Db, viewer: Viewer, projectId: string, input: unknown, ctx: Ctx = {}) {
  const { parcelId } = parseOrThrow(linkParcelSchema, input);
  return db.transaction(async (tx) => {
    await lockVisibleProject(tx, viewer, projectId);
    const parcel = await lockParcel(tx, parcelId);
    if (parcel.projectId !== projectId) throw new NotFoundError();
    const [after] = await tx
      .update(parcels)
      .set({ projectId: null, version: sql`${parcels.version} + 1` })
      .where(eq(parcels.id, parcelId))
      .returning();
    await auditLink(tx, viewer, parcel, projectId, false, ctx);
    return after!;
  });
}

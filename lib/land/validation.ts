import { z } from "zod";
import { areaUnitEnum, landUseEnum, type ParcelStatus } from "@/db/schema/enums";
import { todayInChina } from "@/lib/i18n/format";
import { optionalDate, pastDay, text } from "@/lib/validation";
import { areaToMu, cleanNumber, MU_PATTERN, muToInput, muToMicro } from "./area";
import { WAN_PATTERN, yuanToWanInput } from "./price";
import { checkParcelTransition, isTransferred, PARCEL_STATUSES, type ParcelPosition } from "./status";

// Messages are i18n keys: "parks.errors.*", "parcels.errors.*" live in lib/i18n/messages/*/land.json.
export const LAND_USES = landUseEnum.enumValues;
export const AREA_UNITS = areaUnitEnum.enumValues;

/**
 * GB/T 2260 codes of Qingdao's districts and county-level cities. 青岛高新区 is a functional
 * zone without a code of its own: its parks have none ("").
 */
export const DISTRICTS: Record<string, string> = {
  "370202": "市南区",
  "370203": "市北区",
  "370211": "黄岛区",
  "370212": "崂山区",
  "370213": "李沧区",
  "370214": "城阳区",
  "370215": "即墨区",
  "370281": "胶州市",
  "370283": "平度市",
  "370285": "莱西市",
};

const version = z.coerce.number().int().positive();
const optionalUuid = z
  .union([z.uuid(), z.literal(""), z.null()])
  .optional()
  .transform((v) => v || null);

/** An optional area in 亩 ("" → none), up to 6 decimals. */
const optionalMu = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => cleanNumber(v ?? ""))
  .refine((v) => v === "" || MU_PATTERN.test(v), "parks.errors.areaMu")
  .transform((v) => (v === "" ? null : areaToMu(v, "mu")));

const optionalText = (max: 40 | 60 | 200 | 500 | 2000) => text().max(max, `parks.errors.tooLong${max}`).default("");

// ── Parks and zones ────────────────────────────────────────────────────────────

export const zoneSchema = z.object({
  id: optionalUuid,
  name: text().min(1, "errors.required").max(40, "parks.errors.tooLong40"),
  areaMu: optionalMu,
  description: optionalText(200),
});
export type ZoneInput = z.input<typeof zoneSchema>;

const parkFields = {
  name: text().min(2, "parks.errors.nameLength").max(60, "parks.errors.nameLength"),
  districtCode: z
    .string()
    .trim()
    .refine((v) => v === "" || v in DISTRICTS, "parks.errors.district")
    .default(""),
  areaMu: optionalMu,
  leadingChainId: optionalUuid,
  operator: optionalText(60),
  description: optionalText(2000),
  zones: z.array(zoneSchema).max(50).default([]),
};

function uniqueZoneNames(v: { zones: { name: string }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  v.zones.forEach((zone, i) => {
    if (seen.has(zone.name)) ctx.addIssue({ code: "custom", path: ["zones", i, "name"], message: "parks.errors.zoneNameTaken" });
    seen.add(zone.name);
  });
}

export const parkSchema = z.object(parkFields).superRefine(uniqueZoneNames);
export type ParkInput = z.input<typeof parkSchema>;
export type ParkValues = z.output<typeof parkSchema>;

export const updateParkSchema = z.object({ ...parkFields, version }).superRefine(uniqueZoneNames);
export type UpdateParkInput = z.input<typeof updateParkSchema>;

/** A park and its zones (in their order) as its edit form shows them: what a save is merged over (parseVersionedSave). */
export function parkFormValues(
  p: { name: string; districtCode: string; areaMu: string | null; leadingChainId: string | null; operator: string; description: string; version: number },
  zones: { id: string; name: string; areaMu: string | null; description: string }[],
) {
  return {
    name: p.name,
    districtCode: p.districtCode,
    areaMu: p.areaMu ? muToInput(p.areaMu, "mu") : "",
    leadingChainId: p.leadingChainId ?? "",
    operator: p.operator,
    description: p.description,
    zones: zones.map((z) => ({ id: z.id, name: z.name, areaMu: z.areaMu ? muToInput(z.areaMu, "mu") : "", description: z.description })),
    version: p.version,
  };
}

// ── Parcels ────────────────────────────────────────────────────────────────────

const areaFields = {
  area: text(),
  areaUnit: z.enum(AREA_UNITS, { error: "errors.required" }),
};

/** The area as typed → an issue on "area" when it is not a plain positive amount in its unit. */
function checkArea(v: { area: string; areaUnit: "mu" | "sqm" }, ctx: z.RefinementCtx) {
  if (!v.area) return ctx.addIssue({ code: "custom", path: ["area"], message: "errors.required" });
  const mu = areaToMu(v.area, v.areaUnit);
  if (mu === null) return ctx.addIssue({ code: "custom", path: ["area"], message: v.areaUnit === "sqm" ? "parcels.errors.areaSqm" : "parcels.errors.areaMu" });
  if (muToMicro(mu) === 0n) ctx.addIssue({ code: "custom", path: ["area"], message: "parcels.errors.areaZero" });
}

const priceWan = z
  .string()
  .trim()
  .transform((v) => v.replace(/[,，\s]/g, ""))
  .refine((v) => v === "" || WAN_PATTERN.test(v), "parcels.errors.price")
  .default("");

const notFuture = (d: string | null) => !d || d <= todayInChina();

const parcelFields = {
  code: z
    .string()
    .trim()
    .min(1, "errors.required")
    .max(40, "parks.errors.tooLong40")
    .regex(/^\S+$/, "parcels.errors.codeSpaces"),
  parkId: z.uuid({ error: "parcels.errors.parkRequired" }),
  zoneId: optionalUuid,
  location: optionalText(200),
  ...areaFields,
  landUse: z.enum(LAND_USES, { error: "errors.required" }),
  floorAreaRatio: z
    .string()
    .trim()
    .refine((v) => v === "" || /^\d{1,2}(\.\d{1,2})?$/.test(v), "parcels.errors.floorAreaRatio")
    .default(""),
  plannedFloorAreaSqm: z
    .string()
    .trim()
    .transform((v) => v.replace(/[,，\s]/g, ""))
    .refine((v) => v === "" || /^\d{1,12}(\.\d{1,2})?$/.test(v), "parcels.errors.floorArea")
    .default(""),
  transferDate: optionalDate.refine(notFuture, "parcels.errors.futureDate"),
  landPriceWan: priceWan,
  note: optionalText(2000),
};

/**
 * A new parcel, with the status it is in and since when: later changes go through the
 * status form. At 已出让 or beyond it needs its transfer date (no later than the status date).
 */
export const parcelSchema = z
  .object({
    ...parcelFields,
    status: z.enum(PARCEL_STATUSES, { error: "errors.required" }),
    statusDate: pastDay("parcels.errors.futureDate"),
  })
  .superRefine((v, ctx) => {
    checkArea(v, ctx);
    if (isTransferred(v.status)) {
      if (!v.transferDate) ctx.addIssue({ code: "custom", path: ["transferDate"], message: "parcels.errors.transferDateRequired" });
      else if (v.transferDate > v.statusDate) ctx.addIssue({ code: "custom", path: ["transferDate"], message: "parcels.errors.transferAfterStatus" });
    }
  });
export type ParcelInput = z.input<typeof parcelSchema>;
export type ParcelValues = z.output<typeof parcelSchema>;

/** Editing a parcel's facts. Its status moves only through the status form. */
export const updateParcelSchema = z
  .object({ ...parcelFields, version })
  .superRefine((v, ctx) => checkArea(v, ctx));
export type UpdateParcelInput = z.input<typeof updateParcelSchema>;
export type UpdateParcelValues = z.output<typeof updateParcelSchema>;

/** A parcel as its edit form shows it ("" for none): what a save is merged over (parseVersionedSave). */
export function parcelFormValues(p: {
  code: string;
  parkId: string;
  zoneId: string | null;
  location: string;
  areaMu: string;
  areaEnteredIn: "mu" | "sqm";
  landUse: (typeof LAND_USES)[number];
  floorAreaRatio: string | null;
  plannedFloorAreaSqm: string | null;
  transferDate: string | null;
  landPrice: string | null;
  note: string;
  version: number;
}) {
  return {
    code: p.code,
    parkId: p.parkId,
    zoneId: p.zoneId ?? "",
    location: p.location,
    area: muToInput(p.areaMu, p.areaEnteredIn),
    areaUnit: p.areaEnteredIn,
    landUse: p.landUse,
    floorAreaRatio: p.floorAreaRatio ?? "",
    plannedFloorAreaSqm: p.plannedFloorAreaSqm ?? "",
    transferDate: p.transferDate ?? "",
    landPriceWan: p.landPrice ? yuanToWanInput(p.landPrice) : "",
    note: p.note,
    version: p.version,
  };
}

/**
 * A status change, checked against where the parcel stands now (lib/land/status.ts): the same
 * rules in the form and on the server.
 */
export function parcelStatusSchema(from: ParcelPosition, today = todayInChina()) {
  return z
    .object({
      toStatus: z.enum(PARCEL_STATUSES, { error: "errors.required" }),
      changedOn: text().default(""),
      note: text().max(500, "parks.errors.tooLong500").default(""),
      transferDate: text().default(""),
      landPriceWan: priceWan,
      version,
    })
    .superRefine((v, ctx) => {
      const result = checkParcelTransition(from, v.toStatus);
      if ("error" in result) return ctx.addIssue({ code: "custom", path: ["toStatus"], message: `parcels.errors.${result.error}` });
      const date = (field: "changedOn" | "transferDate", value: string) => {
        if (!value) return ctx.addIssue({ code: "custom", path: [field], message: "errors.required" });
        const day = pastDay("parcels.errors.futureDate", today).safeParse(value);
        if (!day.success) {
          const message = day.error.issues[0]!.message;
          return ctx.addIssue({ code: "custom", path: [field], message: message === "projects.errors.date" ? "parcels.errors.date" : message });
        }
        return true;
      };
      if (date("changedOn", v.changedOn) === true && from.statusChangedOn && v.changedOn < from.statusChangedOn) {
        ctx.addIssue({ code: "custom", path: ["changedOn"], message: "parcels.errors.beforeLastChange" });
      }
      if (result.needs.includes("note") && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "parcels.errors.noteRequired" });
      if (result.needs.includes("transferDate") && date("transferDate", v.transferDate) === true && v.changedOn && v.transferDate > v.changedOn) {
        ctx.addIssue({ code: "custom", path: ["transferDate"], message: "parcels.errors.transferAfterStatus" });
      }
    });
}
export type ParcelStatusInput = z.input<ReturnType<typeof parcelStatusSchema>>;

// ── A project's land need and its parcels ──────────────────────────────────────

export const landNeedSchema = z.object({
  landNeedMu: z
    .string()
    .trim()
    .transform((v) => cleanNumber(v))
    .refine((v) => v === "" || MU_PATTERN.test(v), "parcels.errors.areaMu")
    .refine((v) => v === "" || muToMicro(v) !== 0n, "parcels.errors.areaZero")
    .default(""),
  landUse: z
    .union([z.enum(LAND_USES), z.literal(""), z.null()])
    .optional()
    .transform((v) => v || null),
  parkId: optionalUuid,
  version,
});
export type LandNeedInput = z.input<typeof landNeedSchema>;

/** A project's land need as its form shows it ("" for none): what a save is merged over (parseVersionedSave). */
export function landNeedFormValues(p: { landNeedMu: string | null; landUse: (typeof LAND_USES)[number] | null; parkId: string | null; version: number }) {
  return { landNeedMu: p.landNeedMu ? muToInput(p.landNeedMu, "mu") : "", landUse: p.landUse ?? ("" as const), parkId: p.parkId ?? "", version: p.version };
}

export const linkParcelSchema = z.object({ parcelId: z.uuid({ error: "errors.notFound" }) });

// ── The parcel list, as kept in the URL ────────────────────────────────────────

export const PARCEL_SORTS = ["code", "area", "status", "park", "landUse", "updatedAt"] as const;
export type ParcelSort = (typeof PARCEL_SORTS)[number];
export const PARCEL_PAGE_SIZES = [20, 50, 100] as const;

const csv = <T extends string>(values: readonly T[]) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).filter((x): x is T => (values as readonly string[]).includes(x)))
    .optional()
    .catch(undefined);
const filterMu = z
  .string()
  .trim()
  .transform(cleanNumber)
  .refine((v) => MU_PATTERN.test(v))
  .optional()
  .catch(undefined);

/** Anything malformed in the URL is dropped rather than refused. */
export const parcelFiltersSchema = z.object({
  q: text().max(100).optional().catch(undefined),
  park: z.uuid().optional().catch(undefined),
  zone: z.uuid().optional().catch(undefined),
  status: csv<ParcelStatus>(PARCEL_STATUSES),
  landUse: csv(LAND_USES),
  minMu: filterMu,
  maxMu: filterMu,
  matched: z.enum(["yes", "no"]).optional().catch(undefined),
});
export type ParcelFilters = z.output<typeof parcelFiltersSchema>;

export const parcelListSchema = parcelFiltersSchema.extend({
  sort: z.enum(PARCEL_SORTS).catch("code").default("code"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (PARCEL_PAGE_SIZES as readonly number[]).includes(n))
    .catch(50)
    .default(50),
});
export type ParcelListParams = z.output<typeof parcelListSchema>;

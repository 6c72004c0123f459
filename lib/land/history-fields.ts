import type { getTranslations } from "next-intl/server";
import { formatMu } from "@/lib/land/area";
import { formatWan } from "@/lib/land/price";

type Translate = Awaited<ReturnType<typeof getTranslations>>;
type Entry = { before: Record<string, unknown> | null; after: Record<string, unknown> | null };

/** The fields of a parcel's 变更记录 a person would recognise; ids and timestamps stay in the raw audit log. */
const HISTORY_FIELDS = [
  "code",
  "parkId",
  "zoneId",
  "location",
  "areaMu",
  "areaEnteredIn",
  "landUse",
  "floorAreaRatio",
  "plannedFloorAreaSqm",
  "status",
  "statusChangedOn",
  "transferDate",
  "landPrice",
  "projectId",
  "note",
] as const;

/**
 * A parcel's 变更记录 (/parcels/[id]): its entries cut to HISTORY_FIELDS, each field's label and
 * how its values read — 亩, 万元, words for statuses and land uses, names for ids (`names`:
 * lib/land/queries.ts namesForHistory, which names a project only for a viewer who may see it).
 * Never an id or a key (tests/integration/history-text.test.ts).
 */
export function parcelHistory<E extends Entry>(t: Translate, names: Map<string, string>, history: E[]) {
  const none = t("parks.none");
  const labels: Record<string, string> = {
    code: t("parcels.code"),
    parkId: t("parcels.park"),
    zoneId: t("parcels.zone"),
    location: t("parcels.location"),
    areaMu: t("parcels.areaMuColumn"),
    areaEnteredIn: t("parcels.areaUnit"),
    landUse: t("parcels.landUse"),
    floorAreaRatio: t("parcels.floorAreaRatio"),
    plannedFloorAreaSqm: t("parcels.plannedFloorArea"),
    status: t("parcels.status"),
    statusChangedOn: t("parcels.statusSince"),
    transferDate: t("parcels.transferDate"),
    landPrice: t("parcels.landPrice"),
    projectId: t("parcels.matchedProject"),
    note: t("parcels.note"),
  };
  const format = (value: unknown, field: string): string => {
    if (value === null || value === undefined || value === "") return none;
    const s = String(value);
    if (field === "parkId" || field === "zoneId") return names.get(s) ?? none;
    if (field === "projectId") return names.get(s) ?? t("parcels.matchedHidden");
    if (field === "areaMu") return formatMu(s);
    if (field === "areaEnteredIn") return s === "sqm" ? t("parcels.unitSqm") : t("parcels.unitMu");
    if (field === "landUse") return t(`landUses.${s as "other"}`);
    if (field === "status") return t(`parcelStatuses.${s as "reserved"}`);
    if (field === "landPrice") return formatWan(s);
    return s;
  };
  // Only the fields a person would recognise; ids and timestamps stay in the raw audit log.
  const entries = history.map((h) => ({
    ...h,
    before: h.before && Object.fromEntries(Object.entries(h.before).filter(([k]) => (HISTORY_FIELDS as readonly string[]).includes(k))),
    after: h.after && Object.fromEntries(Object.entries(h.after).filter(([k]) => (HISTORY_FIELDS as readonly string[]).includes(k))),
  }));

  return { entries, labels, format };
}

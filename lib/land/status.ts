import { parcelStatusEnum, type ParcelStatus } from "@/db/schema/enums";

/** The parcel life cycle in order: 待腾空 → 已腾空 → 已挂牌 → 已出让 → 已开工 → 已竣工. */
export const PARCEL_STATUSES = parcelStatusEnum.enumValues;

export function statusIndex(status: ParcelStatus): number {
  return PARCEL_STATUSES.indexOf(status);
}

/** 已出让 or later: the land-use right has been sold, so the parcel has a transfer date. */
export function isTransferred(status: ParcelStatus): boolean {
  return statusIndex(status) >= statusIndex("transferred");
}

/** Parcels no longer on offer: building has started (or finished) on them. */
export function isBuilt(status: ParcelStatus): boolean {
  return statusIndex(status) >= statusIndex("under_construction");
}

export type ParcelPosition = { status: ParcelStatus; transferDate: string | null; statusChangedOn: string | null };

/** What a status change asks for besides the new status and the date it happened. */
export type StatusNeed = "note" | "transferDate";
export type StatusError = "noChange";

/**
 * The rules of the life cycle, shared by the form and the server:
 * - forward by one or more steps, with the date it happened (never in the future, never
 *   before the parcel's last change);
 * - back (a cancelled listing, a rescinded transfer) only with a note saying why; going back
 *   before 已出让 clears the transfer date and price, which the audit row keeps;
 * - reaching 已出让 records the transfer date (the change date itself) and optionally the
 *   出让金; jumping past 已出让 without a recorded transfer asks for its date separately.
 */
export function checkParcelTransition(from: ParcelPosition, to: ParcelStatus): { error: StatusError } | { needs: StatusNeed[] } {
  if (to === from.status) return { error: "noChange" };
  const needs: StatusNeed[] = [];
  if (statusIndex(to) < statusIndex(from.status)) needs.push("note");
  const transferRecorded = isTransferred(from.status) && from.transferDate !== null;
  if (statusIndex(to) > statusIndex("transferred") && !transferRecorded) needs.push("transferDate");
  return { needs };
}

/** The statuses a parcel may move to from `status` (all others): forward ones first. */
export function nextStatuses(status: ParcelStatus): ParcelStatus[] {
  const i = statusIndex(status);
  return [...PARCEL_STATUSES.slice(i + 1), ...PARCEL_STATUSES.slice(0, i).reverse()];
}

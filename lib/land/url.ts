import type { ParcelListParams } from "./validation";

type Params = Partial<Record<keyof ParcelListParams, string | number | string[] | undefined>>;

/** The parcel list's query string, leaving out defaults; lists become repeated keys. */
export function parcelQuery(params: Params, overrides: Params = {}): string {
  const merged: Params = { ...params, ...overrides };
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    if (key === "page" && Number(value) === 1) continue;
    if (key === "sort" && value === "code" && merged.dir === "asc") continue;
    if (key === "dir" && value === "asc" && merged.sort === "code") continue;
    if (key === "size" && Number(value) === 50) continue;
    for (const v of Array.isArray(value) ? value : [value]) q.append(key, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

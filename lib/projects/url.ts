import type { ProjectListParams } from "./validation";

type Params = Partial<Record<keyof ProjectListParams, string | number | string[] | undefined>>;

/**
 * The query string for a project list state, leaving out defaults, so links (sorting,
 * paging, dashboard drill-downs) stay short and stable. Lists become repeated keys.
 */
export function projectQuery(params: Params, overrides: Params = {}): string {
  const merged: Params = { ...params, ...overrides };
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    if (key === "page" && Number(value) === 1) continue;
    if (key === "sort" && value === "updatedAt" && merged.dir === "desc") continue;
    if (key === "dir" && value === "desc" && merged.sort === "updatedAt") continue;
    if (key === "size" && Number(value) === 50) continue;
    for (const v of Array.isArray(value) ? value : [value]) q.append(key, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

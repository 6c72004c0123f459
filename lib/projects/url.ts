import type { ProjectListParams } from "./validation";

type Value = string | number | string[] | undefined;
type Params = Partial<Record<keyof ProjectListParams, Value>>;

/**
 * The query string builder of a list whose default order is `sort` `dir`: defaults are left
 * out, so links (sorting, paging, dashboard drill-downs) stay short and stable. Lists become
 * repeated keys.
 */
export function listQuery<K extends string>(defaults: { sort: string; dir: "asc" | "desc"; size: number }) {
  return (params: Partial<Record<K, Value>>, overrides: Partial<Record<K, Value>> = {}): string => {
    const merged: Record<string, Value> = { ...params, ...overrides };
    const q = new URLSearchParams();
    for (const [key, value] of Object.entries(merged)) {
      if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
      if (key === "page" && Number(value) === 1) continue;
      if (key === "sort" && value === defaults.sort && merged.dir === defaults.dir) continue;
      if (key === "dir" && value === defaults.dir && merged.sort === defaults.sort) continue;
      if (key === "size" && Number(value) === defaults.size) continue;
      for (const v of Array.isArray(value) ? value : [value]) q.append(key, String(v));
    }
    const s = q.toString();
    return s ? `?${s}` : "";
  };
}

/** The query string for a project list state (default order: last updated first). */
export const projectQuery: (params: Params, overrides?: Params) => string = listQuery<keyof ProjectListParams>({ sort: "updatedAt", dir: "desc", size: 50 });

/** The filters the /projects form sets (the dashboard's own conditions are named above the list instead). */
export const PROJECT_FORM_FILTERS = ["q", "chain", "unit", "owner", "status", "stage", "source", "minYi", "maxYi", "createdFrom", "createdTo", "updatedFrom", "updatedTo", "key"] as const;
/** The filters the /signed form sets. */
export const SIGNED_FORM_FILTERS = [...PROJECT_FORM_FILTERS, "signedFrom", "signedTo", "event", "park", "review"] as const;

/** How many of a form's filters are in use (the phone's 筛选 button shows it): a list counts once. */
export function activeFilterCount(params: Partial<Record<string, unknown>>, keys: readonly string[]): number {
  return keys.filter((k) => {
    const v = params[k];
    return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== "";
  }).length;
}

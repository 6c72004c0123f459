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

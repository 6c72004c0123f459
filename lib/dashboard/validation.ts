import { z } from "zod";
import { optionalFilterDate } from "@/lib/validation";

/** Days without activity after which an active project counts as stalled, unless the URL says otherwise. */
export const DEFAULT_STALLED_DAYS = 30;

const idOrNone = z.union([z.uuid(), z.literal("none")]).optional().catch(undefined);

/**
 * The dashboard's state in the URL: the period (a year, a quarter of it, or a custom range),
 * the unit (and everything below it), industry chain and park, the as-of date of the funnel and
 * the cohort rates, and the stalled threshold. Anything malformed is dropped, never refused.
 */
export const dashboardSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  quarter: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
  from: optionalFilterDate,
  to: optionalFilterDate,
  unit: z.uuid().optional().catch(undefined),
  chain: idOrNone,
  park: idOrNone,
  asOf: optionalFilterDate,
  stalled: z.coerce.number().int().min(1).max(365).catch(DEFAULT_STALLED_DAYS).default(DEFAULT_STALLED_DAYS),
});
export type DashboardParams = z.output<typeof dashboardSchema>;

/** The dashboard's query string, defaults left out. */
export function dashboardQuery(params: Partial<DashboardParams>, overrides: Partial<DashboardParams> = {}): string {
  const merged = { ...params, ...overrides };
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "") continue;
    if (key === "stalled" && value === DEFAULT_STALLED_DAYS) continue;
    q.append(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

import { z } from "zod";
import type { ProjectStage } from "@/db/schema/enums";
import { isSignedStage, STAGES } from "@/lib/projects/stages";
import { csv, optionalFilterDate, projectFiltersSchema, projectListSchema } from "@/lib/projects/validation";

/** 签约 … 投产: the stages a signed project can be at. */
export const SIGNED_STAGES = STAGES.filter(isSignedStage) as ProjectStage[];

/**
 * Review (审核) filter over the project's stage reports (milestones): with a report waiting
 * (pending), returned (rejected), saved but not sent (draft), or none of those (clear).
 */
export const REVIEW_FILTERS = ["pending", "rejected", "draft", "clear"] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export const SIGNED_SORTS = ["signingDate", "name", "enterprise", "totalInvestment", "contractInvestment", "stage", "park", "event", "owner"] as const;
export type SignedSort = (typeof SIGNED_SORTS)[number];

/** The /projects filters, with stages limited to signed and later, plus the signing's own. Malformed values are dropped. */
export const signedFiltersSchema = projectFiltersSchema.extend({
  stage: csv<ProjectStage>(SIGNED_STAGES),
  signedFrom: optionalFilterDate,
  signedTo: optionalFilterDate,
  event: z.uuid().optional().catch(undefined),
  park: z.uuid().optional().catch(undefined),
  review: z.enum(REVIEW_FILTERS).optional().catch(undefined),
});
export type SignedFilters = z.output<typeof signedFiltersSchema>;

export const DEFAULT_SIGNED_ORDER = { sort: "signingDate", dir: "desc", size: 50 } as const;

/** The list's state in the URL: filters, then order and page like /projects (newest signing first by default). */
export const signedListSchema = signedFiltersSchema.extend({
  sort: z.enum(SIGNED_SORTS).catch(DEFAULT_SIGNED_ORDER.sort).default(DEFAULT_SIGNED_ORDER.sort),
  dir: projectListSchema.shape.dir,
  page: projectListSchema.shape.page,
  size: projectListSchema.shape.size,
});
export type SignedListParams = z.output<typeof signedListSchema>;

/** What an export takes: the filters and the order (the page and its size do not matter). */
export type SignedExportParams = SignedFilters & Pick<SignedListParams, "sort" | "dir">;

/** A URL's query as Next.js hands it to a page: a repeated key becomes an array. */
export function searchParamsRecord(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of search) {
    const prev = out[k];
    out[k] = prev === undefined ? v : ([] as string[]).concat(prev, v);
  }
  return out;
}

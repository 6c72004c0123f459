import { z } from "zod";
import type { ProjectStage } from "@/db/schema/enums";
import { isSignedStage, MILESTONE_STAGES, STAGES } from "@/lib/projects/stages";
import { projectFiltersSchema, projectListSchema } from "@/lib/projects/validation";
import { csv, optionalFilterDate } from "@/lib/validation";

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

/** 履约 as of a day: keeping to the milestone plan, only because of reports still waiting for review, or not. */
export const KEPT_FILTERS = ["yes", "pending", "no"] as const;
export type KeptFilter = (typeof KEPT_FILTERS)[number];

const milestoneStage = z.enum(MILESTONE_STAGES).optional().catch(undefined);

/** The /projects filters, with stages limited to signed and later, plus the signing's own. Malformed values are dropped. */
export const signedFiltersSchema = projectFiltersSchema.extend({
  stage: csv<ProjectStage>(SIGNED_STAGES),
  signedFrom: optionalFilterDate,
  signedTo: optionalFilterDate,
  event: z.uuid().optional().catch(undefined),
  review: z.enum(REVIEW_FILTERS).optional().catch(undefined),
  // What the dashboard's cohort figures open (lib/dashboard/links.ts):
  /** Reached this stage or a later one by an approved report, the first such report dated from `reportFrom` to `reportTo`. */
  report: milestoneStage,
  reportFrom: optionalFilterDate,
  reportTo: optionalFilterDate,
  /** Not reached this stage by an approved report dated by `pendingBy`, but a report for it (or later) dated by then waits for review. */
  pending: milestoneStage,
  pendingBy: optionalFilterDate,
  /** 履约 as of `keptBy` (see keptCondition in lib/signed/queries.ts). */
  kept: z.enum(KEPT_FILTERS).optional().catch(undefined),
  keptBy: optionalFilterDate,
  /** 到位资金 counts the entries received by this day only. */
  fundsTo: optionalFilterDate,
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

import { z } from "zod";
import { text } from "@/lib/validation";

/** What the global search looks through, in the order its groups are shown. */
export const SEARCH_KINDS = ["projects", "enterprises", "parcels", "events"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Shorter text than this is not searched: one character matches nearly everything and says little. */
export const MIN_SEARCH_LENGTH = 2;
/** The suggestions show this many of each kind; the results page more. */
export const SUGGESTION_LIMIT = 5;
export const RESULTS_PAGE_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 20;

/**
 * The text as the list pages take it (trimmed, at most 100 characters), so that a group's count
 * here and the list it links to (/projects?q=…) count the same rows.
 */
export const searchTextSchema = text().max(100).catch("").default("");

export const searchQuerySchema = z.object({
  q: searchTextSchema.describe("Text to look for: part of a name, a 统一社会信用代码, a contact's name, a parcel code…"),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_SEARCH_LIMIT)
    .catch(SUGGESTION_LIMIT)
    .default(SUGGESTION_LIMIT)
    .describe(`Records of each kind (1–${MAX_SEARCH_LIMIT}); every group still counts all its matches`),
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

/** Characters, not UTF-16 units: "𠀀" is one. */
export function searchLength(q: string): number {
  return [...q.trim()].length;
}

/** Whether the text is long enough to be searched at all (shorter: a hint, and no query to the database). */
export function isSearchable(q: string): boolean {
  return searchLength(q) >= MIN_SEARCH_LENGTH;
}

/** The list page of a kind, filtered by the same text. */
export function listHref(kind: SearchKind, q: string): string {
  return `/${kind}?${new URLSearchParams({ q }).toString()}`;
}

/** The record's own page. */
export function recordHref(kind: SearchKind, id: string): string {
  return `/${kind}/${encodeURIComponent(id)}`;
}

/** The results page for the text. */
export function resultsHref(q: string): string {
  return `/search?${new URLSearchParams({ q: q.trim() }).toString()}`;
}

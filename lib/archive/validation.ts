import { z } from "zod";
import { text } from "@/lib/validation";

/** The records that are archived (归档) rather than deleted: "删除" in the UI archives them. */
export const ARCHIVE_TYPES = ["project", "enterprise", "contact", "parcel", "event"] as const;
export type ArchiveType = (typeof ARCHIVE_TYPES)[number];

/** Archiving carries the version the user saw, so a record someone else just changed is not archived blind. */
export const archiveSchema = z.object({ version: z.coerce.number().int().positive() });

/** The admin's list of archived records, as kept in the URL; anything malformed is dropped. */
export const archiveListSchema = z.object({
  type: z.enum(ARCHIVE_TYPES).catch("project").default("project"),
  q: text().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type ArchiveListParams = z.output<typeof archiveListSchema>;
export const ARCHIVE_PAGE_SIZE = 50;

/**
 * ARCHIVE_PURGE_DAYS: archived records older than this many days are deleted for good by
 * `npm run archive:purge`. Unset, empty or not a positive whole number: nothing is purged.
 */
export function archivePurgeDays(env: Record<string, string | undefined> = process.env): number | null {
  const raw = env.ARCHIVE_PURGE_DAYS?.trim();
  if (!raw) return null;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

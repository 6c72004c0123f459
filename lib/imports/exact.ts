import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * A name compared exactly, through its "C"-collated btree index (enterprises_name_idx,
 * projects_enterprise_idx): the same rows as a plain "=", but never through the trigram index,
 * which answers "=" slowly when the names share most of their trigrams.
 */
export function exactName(column: AnyPgColumn): SQL {
  return sql`(${column} collate "C")`;
}

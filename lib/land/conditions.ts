import { ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { parcels, parks, zones } from "@/db/schema";
import { escapeLike } from "@/lib/utils";

// Conditions on parcels, apart from queries.ts (which is "server-only") so that scripts and the
// benchmarks can reach the global search, which uses them too.

/** Parcels that are not archived (归档): an archived parcel is hidden from every list, total and match. */
export const liveParcels = isNull(parcels.archivedAt);

/**
 * Text search over the parcel's code and location and the names of its park and zone (the list,
 * the API and the global search): "健康谷" finds the park's parcels.
 */
export function parcelTextCondition(q: string): SQL {
  const like = `%${escapeLike(q)}%`;
  return or(
    ilike(parcels.code, like),
    ilike(parcels.location, like),
    sql`exists (select 1 from ${parks} where ${parks.id} = ${parcels.parkId} and ${parks.name} ilike ${like})`,
    sql`exists (select 1 from ${zones} where ${zones.id} = ${parcels.zoneId} and ${zones.name} ilike ${like})`,
  )!;
}

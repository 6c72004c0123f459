import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { events, parks } from "@/db/schema";
import type { ProjectFilters } from "./validation";

/**
 * The names of what a drill-down filter points at by id, for the notice above a list (the project
 * list has no park or 来源活动 field): the park, and the event the leads came from.
 */
export async function drillNames(db: DbOrTx, f: Pick<ProjectFilters, "park" | "sourceEvent">): Promise<{ park?: string; sourceEvent?: string }> {
  const [park] = f.park && f.park !== "none" ? await db.select({ name: parks.name }).from(parks).where(eq(parks.id, f.park)) : [];
  const [event] = f.sourceEvent ? await db.select({ name: events.name }).from(events).where(and(eq(events.id, f.sourceEvent), isNull(events.archivedAt))) : [];
  return { park: park?.name, sourceEvent: event?.name };
}

import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { parks, users } from "@/db/schema";
import type { ProjectFilters } from "./validation";

/** Names of what a drill-down filter points at by id (an assignee, a park), for the notice above a list. */
export async function drillNames(db: DbOrTx, f: Pick<ProjectFilters, "assignee" | "park">): Promise<{ assignee?: string; park?: string }> {
  const [assignee, park] = await Promise.all([
    f.assignee ? db.select({ name: users.displayName }).from(users).where(eq(users.id, f.assignee)) : [],
    f.park && f.park !== "none" ? db.select({ name: parks.name }).from(parks).where(eq(parks.id, f.park)) : [],
  ]);
  return { assignee: assignee[0]?.name, park: f.park === "none" ? "—" : park[0]?.name };
}

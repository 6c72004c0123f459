import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { parks } from "@/db/schema";
import type { ProjectFilters } from "./validation";

/** The name of the park a drill-down filter points at by id, for the notice above a list (the project list has no park field). */
export async function drillNames(db: DbOrTx, f: Pick<ProjectFilters, "park">): Promise<{ park?: string }> {
  if (!f.park || f.park === "none") return {};
  const [park] = await db.select({ name: parks.name }).from(parks).where(eq(parks.id, f.park));
  return { park: park?.name };
}

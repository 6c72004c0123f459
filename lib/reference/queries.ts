import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { industryChains } from "@/db/schema";

/** 产业链 in display order (grouped by their system, "3+1" / "1+2+1"). */
export async function listChains(db: DbOrTx, { activeOnly = true } = {}) {
  return db
    .select({ id: industryChains.id, name: industryChains.name, system: industryChains.system, active: industryChains.active })
    .from(industryChains)
    .where(activeOnly ? eq(industryChains.active, true) : undefined)
    .orderBy(asc(industryChains.system), asc(industryChains.sortOrder), asc(industryChains.name));
}

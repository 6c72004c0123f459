/**
 * Demo targets (目标) for this year and last, for the demo units and one officer, so the
 * dashboard has something to measure against. Idempotent: an existing target is left as it is.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { targets, units, users } from "./schema";

type TargetSeed = { unit: string; owner?: string; signedCount: number; yi: number; starts: number; operating: number };

// This year's; last year's are about four fifths of them.
const THIS_YEAR: TargetSeed[] = [
  { unit: "QD-TZCJ", signedCount: 40, yi: 200, starts: 16, operating: 8 },
  { unit: "QDHT-TZCJ", signedCount: 14, yi: 80, starts: 6, operating: 3 },
  { unit: "QDHT-SWYY", signedCount: 8, yi: 45, starts: 3, operating: 2 },
  { unit: "QDHT-JMYQ", signedCount: 6, yi: 30, starts: 3, operating: 1 },
  { unit: "370203-TZCJ", signedCount: 10, yi: 50, starts: 4, operating: 2 },
  { unit: "370213-TZCJ", signedCount: 8, yi: 35, starts: 3, operating: 2 },
  { unit: "QDHT-SWYY", owner: "staff", signedCount: 3, yi: 12, starts: 1, operating: 1 },
];

export async function insertDemoTargets(db: Db, year: number): Promise<number> {
  const unitIds = new Map((await db.select({ id: units.id, code: units.code }).from(units)).map((u) => [u.code, u.id]));
  let added = 0;
  for (const [y, share] of [
    [year, 1],
    [year - 1, 0.8],
  ] as const) {
    for (const t of THIS_YEAR) {
      const unitId = unitIds.get(t.unit);
      if (!unitId) continue;
      const owner = t.owner ? (await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, t.owner)))[0]?.id : null;
      if (t.owner && !owner) continue;
      const rows = await db
        .insert(targets)
        .values({
          year: y,
          unitId,
          ownerId: owner ?? null,
          signedCount: Math.round(t.signedCount * share),
          signedInvestment: `${Math.round(t.yi * share) * 100_000_000}`,
          constructionStarts: Math.round(t.starts * share),
          operatingProjects: Math.max(0, Math.round(t.operating * share)),
        })
        .onConflictDoNothing()
        .returning({ id: targets.id });
      added += rows.length;
    }
  }
  return added;
}

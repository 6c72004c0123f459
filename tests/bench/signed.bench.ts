/**
 * The signed-project list (/signed) and the events list at scale, through their query functions
 * and beside the bare SQL they run: a page of 50 with the totals row over the whole filtered
 * set. Part of the pipeline benchmark's cases (tests/bench/run.ts), on the same database.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listEvents } from "@/lib/events/queries";
import { eventListSchema } from "@/lib/events/validation";
import { listSignedProjects } from "@/lib/signed/queries";
import { signedListSchema } from "@/lib/signed/validation";
import { viewer } from "./pipeline.bench";
import type { BenchCase } from "./support";

export async function signedCases(db: Db): Promise<BenchCase[]> {
  const manager = await viewer(db, "manager");
  const admin = await viewer(db, "admin");
  const { rows } = await db.execute<{ id: string }>(sql`select event_id as id from signings where event_id is not null group by 1 order by count(*) desc limit 1`);
  const eventId = rows[0]?.id;
  const listed = (r: unknown) => {
    const { rows, totals } = r as Awaited<ReturnType<typeof listSignedProjects>>;
    return `${rows.length} rows of ${totals.count.toLocaleString("en")}`;
  };
  const page = (query: Record<string, string>) => signedListSchema.parse(query);
  const cases: BenchCase[] = [
    { name: "signed · manager (签约日期↓, 50, Σ)", aim: { p95: 100 }, run: () => listSignedProjects(db, manager, page({})), describe: listed },
    { name: "signed · admin (签约日期↓, 50, Σ)", aim: { p95: 100 }, run: () => listSignedProjects(db, admin, page({})), describe: listed },
    { name: "signed · admin (协议投资额↓, 2025, Σ)", aim: { p95: 100 }, run: () => listSignedProjects(db, admin, page({ sort: "contractInvestment", signedFrom: "2025-01-01", signedTo: "2025-12-31" })), describe: listed },
    { name: "signed · manager (审核中)", aim: { p95: 100 }, run: () => listSignedProjects(db, manager, page({ review: "pending" })), describe: listed },
    {
      name: "events · admin (50, per-event Σ)",
      aim: { p95: 100 },
      run: () => listEvents(db, admin, eventListSchema.parse({})),
      describe: (r) => `${(r as Awaited<ReturnType<typeof listEvents>>).rows.length} events`,
    },
  ];
  if (eventId) cases.splice(3, 0, { name: "signed · admin (one event)", aim: { p95: 50 }, run: () => listSignedProjects(db, admin, page({ event: eventId })), describe: listed });
  return cases;
}

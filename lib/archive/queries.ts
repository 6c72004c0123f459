import "server-only";
import { and, count, desc, eq, ilike, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { enterprises, events, parcels, parks, projects, units, users } from "@/db/schema";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { escapeLike } from "@/lib/utils";
import { ARCHIVE_PAGE_SIZE, type ArchiveListParams, type ArchiveType } from "./validation";

const archivers = alias(users, "archiver");
const TABLES = { project: projects, enterprise: enterprises, parcel: parcels, event: events } as const;

/** How many records of each type are archived (the admin page's tabs). Admins only. */
export async function archivedCounts(db: DbOrTx, viewer: Viewer): Promise<Record<ArchiveType, number>> {
  assertRole(viewer, "admin");
  const n = async (type: ArchiveType) => {
    const table = TABLES[type];
    const [row] = await db.select({ n: count() }).from(table).where(isNotNull(table.archivedAt));
    return row?.n ?? 0;
  };
  const [project, enterprise, parcel, event] = await Promise.all([n("project"), n("enterprise"), n("parcel"), n("event")]);
  return { project, enterprise, parcel, event };
}

export type ArchivedRow = { id: string; name: string; detail: string | null; archivedAt: Date; archivedByName: string | null };

/**
 * The archived records of one type, most recently archived first, with who archived them
 * and one detail to tell them apart (the project's investor, the enterprise's unit, the
 * parcel's park, the event's date). Admins only: everyone else never sees archived rows.
 */
export async function listArchived(db: DbOrTx, viewer: Viewer, params: ArchiveListParams): Promise<{ rows: ArchivedRow[]; total: number }> {
  assertRole(viewer, "admin");
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  const page = { limit: ARCHIVE_PAGE_SIZE, offset: (params.page - 1) * ARCHIVE_PAGE_SIZE };
  const run = async (table: (typeof TABLES)[ArchiveType], name: SQL<string>, detail: SQL<string | null>, joins: (q: ReturnType<typeof base>) => ReturnType<typeof base>, search?: SQL) => {
    const where = and(isNotNull(table.archivedAt), search);
    function base() {
      return db
        .select({ id: table.id, name, detail, archivedAt: sql<Date>`${table.archivedAt}`.mapWith(table.archivedAt), archivedByName: archivers.displayName })
        .from(table)
        .leftJoin(archivers, eq(archivers.id, table.archivedById))
        .$dynamic();
    }
    const [rows, [total]] = await Promise.all([
      joins(base()).where(where).orderBy(desc(table.archivedAt), desc(table.id)).limit(page.limit).offset(page.offset),
      db.select({ n: count() }).from(table).where(where),
    ]);
    return { rows: rows as ArchivedRow[], total: total?.n ?? 0 };
  };
  switch (params.type) {
    case "project":
      return run(
        projects,
        sql<string>`${projects.name}`,
        sql<string | null>`${enterprises.name}`,
        (q) => q.innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId)),
        like ? ilike(projects.name, like) : undefined,
      );
    case "enterprise":
      return run(
        enterprises,
        sql<string>`${enterprises.name}`,
        sql<string | null>`${units.name}`,
        (q) => q.innerJoin(units, eq(units.id, enterprises.unitId)),
        like ? or(ilike(enterprises.name, like), ilike(enterprises.uscc, like)) : undefined,
      );
    case "parcel":
      return run(
        parcels,
        sql<string>`${parcels.code}`,
        sql<string | null>`${parks.name}`,
        (q) => q.innerJoin(parks, eq(parks.id, parcels.parkId)),
        like ? or(ilike(parcels.code, like), ilike(parcels.location, like)) : undefined,
      );
    case "event":
      return run(events, sql<string>`${events.name}`, sql<string | null>`${events.heldOn}::text`, (q) => q, like ? ilike(events.name, like) : undefined);
  }
}

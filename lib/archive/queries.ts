import "server-only";
import { and, count, desc, eq, ilike, isNotNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { contacts, enterprises, events, parcels, parks, projects, units, users } from "@/db/schema";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { escapeLike } from "@/lib/utils";
import { ARCHIVE_PAGE_SIZE, type ArchiveListParams, type ArchiveType } from "./validation";

const archivers = alias(users, "archiver");
const TABLES = { project: projects, enterprise: enterprises, contact: contacts, parcel: parcels, event: events } as const;

/** How many records of each type are archived (the admin page's tabs). Admins only. */
export async function archivedCounts(db: DbOrTx, viewer: Viewer): Promise<Record<ArchiveType, number>> {
  assertRole(viewer, "admin");
  const n = async (type: ArchiveType) => {
    const table = TABLES[type];
    const [row] = await db.select({ n: count() }).from(table).where(isNotNull(table.archivedAt));
    return row?.n ?? 0;
  };
  const [project, enterprise, contact, parcel, event] = await Promise.all([n("project"), n("enterprise"), n("contact"), n("parcel"), n("event")]);
  return { project, enterprise, contact, parcel, event };
}

export type ArchivedRow = { id: string; name: string; detail: string | null; archivedAt: Date; archivedByName: string | null };

/** Per type: its name column, one detail to tell records apart, and what the search box looks at. */
function spec(type: ArchiveType, like: string | null) {
  switch (type) {
    case "project":
      return {
        name: sql<string>`${projects.name}`,
        detail: sql<string | null>`(select ${enterprises.name} from ${enterprises} where ${enterprises.id} = ${projects.enterpriseId})`,
        search: like ? ilike(projects.name, like) : undefined,
      };
    case "enterprise":
      return {
        name: sql<string>`${enterprises.name}`,
        detail: sql<string | null>`(select ${units.name} from ${units} where ${units.id} = ${enterprises.unitId})`,
        search: like ? or(ilike(enterprises.name, like), ilike(enterprises.uscc, like)) : undefined,
      };
    case "contact": {
      const enterpriseName = sql<string | null>`(select ${enterprises.name} from ${enterprises} where ${enterprises.id} = ${contacts.enterpriseId})`;
      return {
        name: sql<string>`${contacts.name}`,
        detail: enterpriseName,
        search: like ? or(ilike(contacts.name, like), ilike(contacts.phone, like), sql`${enterpriseName} ilike ${like}`) : undefined,
      };
    }
    case "parcel":
      return {
        name: sql<string>`${parcels.code}`,
        detail: sql<string | null>`(select ${parks.name} from ${parks} where ${parks.id} = ${parcels.parkId})`,
        search: like ? or(ilike(parcels.code, like), ilike(parcels.location, like)) : undefined,
      };
    case "event":
      return { name: sql<string>`${events.name}`, detail: sql<string | null>`${events.heldOn}::text`, search: like ? ilike(events.name, like) : undefined };
  }
}

/**
 * The archived records of one type, most recently archived first, with who archived them
 * and one detail to tell them apart (the project's investor, the enterprise's unit, the
 * contact's enterprise, the parcel's park, the event's date). Admins only: everyone else never sees archived rows.
 */
export async function listArchived(db: DbOrTx, viewer: Viewer, params: ArchiveListParams): Promise<{ rows: ArchivedRow[]; total: number }> {
  assertRole(viewer, "admin");
  const table = TABLES[params.type] as typeof projects;
  const { name, detail, search } = spec(params.type, params.q ? `%${escapeLike(params.q)}%` : null);
  const where = and(isNotNull(table.archivedAt), search);
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: table.id, name, detail, archivedAt: table.archivedAt, archivedByName: archivers.displayName })
      .from(table)
      .leftJoin(archivers, eq(archivers.id, table.archivedById))
      .where(where)
      .orderBy(desc(table.archivedAt), desc(table.id))
      .limit(ARCHIVE_PAGE_SIZE)
      .offset((params.page - 1) * ARCHIVE_PAGE_SIZE),
    db.select({ n: count() }).from(table).where(where),
  ]);
  return { rows: rows as ArchivedRow[], total: total?.n ?? 0 };
}

import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { contacts, enterprises, events, parcels, parks, projects, users, zones } from "@/db/schema";
import type { EventKind, ParcelStatus, ProjectStage, ProjectStatus } from "@/db/schema/enums";
import type { Viewer } from "@/lib/auth/roles";
import { scopeOf } from "@/lib/auth/scope";
import { enterpriseTextCondition } from "@/lib/enterprises/queries";
import { visibleEnterprises } from "@/lib/enterprises/scope";
import { eventTextCondition, liveEvents } from "@/lib/events/queries";
import { liveParcels, parcelTextCondition } from "@/lib/land/conditions";
import { projectTextCondition, visibleProjects } from "@/lib/projects/queries";
import { escapeLike } from "@/lib/utils";
import { isSearchable, searchQuerySchema, type SearchQuery } from "./validation";

const owners = alias(users, "owner");

/**
 * The order within a group: the records whose own name contains the text first, the earlier
 * it appears the better (so "海尔" puts 海尔生物 before 青岛海尔), shorter names before longer;
 * then those found through another field (an investor, a USCC, a contact, a place).
 */
function relevance(column: AnyPgColumn, q: string): SQL[] {
  const at = sql`strpos(lower(${column}), lower(${q}))`;
  return [sql`(${at} = 0)`, at, sql`length(${column})`];
}

/** How many rows match in all, beside the first `limit` of them. */
const totalOver = sql<number>`(count(*) over ())::int`;

export type ProjectHit = {
  id: string;
  name: string;
  stage: ProjectStage;
  status: ProjectStatus;
  ownerName: string;
  enterpriseName: string;
};
export type EnterpriseHit = { id: string; name: string; uscc: string | null; headquarters: string; contactName: string | null };
export type ParcelHit = { id: string; code: string; parkName: string; zoneName: string | null; location: string; areaMu: string; status: ParcelStatus };
export type EventHit = { id: string; name: string; kind: EventKind; heldOn: string; place: string };

export type SearchGroup =
  | { kind: "projects"; total: number; items: ProjectHit[] }
  | { kind: "enterprises"; total: number; items: EnterpriseHit[] }
  | { kind: "parcels"; total: number; items: ParcelHit[] }
  | { kind: "events"; total: number; items: EventHit[] };

export type SearchResult = {
  q: string;
  /** False for empty or one-character text: nothing was looked up. */
  searchable: boolean;
  groups: SearchGroup[];
};

function split<T extends { total: number }>(rows: T[]): { total: number; items: Omit<T, "total">[] } {
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _total, ...item }) => item) };
}

/**
 * The global search (the top bar and /search): the first `limit` projects, investors, parcels
 * and events matching the text, and how many match in all. Each kind uses its list page's own
 * text condition and visibility (archived records never appear; projects and investors as the
 * viewer may see them; parcels and events, which everyone signed in reads, all live ones), so a
 * group's count is what its list (/projects?q=…) shows.
 */
export async function globalSearch(db: DbOrTx, viewer: Viewer, query: Partial<SearchQuery>): Promise<SearchResult> {
  const { q, limit } = searchQuerySchema.parse(query);
  if (!isSearchable(q)) return { q, searchable: false, groups: [] };
  const scope = await scopeOf(db, viewer);
  const like = `%${escapeLike(q)}%`;

  const [projectRows, enterpriseRows, parcelRows, eventRows] = await Promise.all([
    db
      .select({
        id: projects.id,
        name: projects.name,
        stage: projects.stage,
        status: projects.status,
        ownerName: owners.displayName,
        enterpriseName: enterprises.name,
        total: totalOver,
      })
      .from(projects)
      .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
      .innerJoin(owners, eq(owners.id, projects.ownerId))
      .where(and(visibleProjects(scope), projectTextCondition(q)))
      .orderBy(...relevance(projects.name, q), desc(projects.updatedAt), desc(projects.id))
      .limit(limit),
    db
      .select({
        id: enterprises.id,
        name: enterprises.name,
        uscc: enterprises.uscc,
        headquarters: enterprises.headquarters,
        // Found by a contact's name: say whose, or the officer wonders why this investor is here.
        // Spelled out: drizzle leaves a one-table query's selected columns unqualified, and a bare
        // "id" here would be the contact's.
        contactName: sql<string | null>`(select c.name from ${contacts} c
          where c.enterprise_id = ${enterprises}.id and c.archived_at is null and c.name ilike ${like} order by c.name limit 1)`,
        total: totalOver,
      })
      .from(enterprises)
      .where(and(visibleEnterprises(scope), enterpriseTextCondition(q)))
      .orderBy(...relevance(enterprises.name, q), desc(enterprises.updatedAt), desc(enterprises.id))
      .limit(limit),
    db
      .select({
        id: parcels.id,
        code: parcels.code,
        parkName: parks.name,
        zoneName: zones.name,
        location: parcels.location,
        areaMu: parcels.areaMu,
        status: parcels.status,
        total: totalOver,
      })
      .from(parcels)
      .innerJoin(parks, eq(parks.id, parcels.parkId))
      .leftJoin(zones, eq(zones.id, parcels.zoneId))
      .where(and(liveParcels, parcelTextCondition(q)))
      .orderBy(...relevance(parcels.code, q), parcels.code, parcels.id)
      .limit(limit),
    db
      .select({ id: events.id, name: events.name, kind: events.kind, heldOn: events.heldOn, place: events.place, total: totalOver })
      .from(events)
      .where(and(liveEvents, eventTextCondition(q)))
      .orderBy(...relevance(events.name, q), desc(events.heldOn), desc(events.id))
      .limit(limit),
  ]);

  return {
    q,
    searchable: true,
    groups: [
      { kind: "projects", ...split(projectRows) },
      { kind: "enterprises", ...split(enterpriseRows) },
      { kind: "parcels", ...split(parcelRows) },
      { kind: "events", ...split(eventRows) },
    ],
  };
}

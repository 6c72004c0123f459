import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { enterprises, eventProjects, events, projects, signings, units, users } from "@/db/schema";
import { scopeOf, type Scope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { visibleProjects } from "@/lib/projects/queries";
import { SIGNED_STAGES } from "@/lib/signed/validation";
import { escapeLike } from "@/lib/utils";
import { EVENT_PAGE_SIZE, type EventListParams } from "./validation";

const hosts = alias(units, "host_unit");
const owners = alias(users, "owner");

/** Events that are not archived (归档): an archived event is hidden from lists, pickers and its page. */
export const liveEvents = isNull(events.archivedAt);

/** Text search over the event's name and place (the list, the API and the global search). */
export function eventTextCondition(q: string): SQL {
  const like = `%${escapeLike(q)}%`;
  return or(ilike(events.name, like), ilike(events.place, like))!;
}

/** For pickers (the signing form's 签约活动): every event, newest first. Events are readable by everyone. */
export async function listEventOptions(db: DbOrTx) {
  return db
    .select({ id: events.id, name: events.name, heldOn: events.heldOn, kind: events.kind })
    .from(events)
    .where(liveEvents)
    .orderBy(desc(events.heldOn), asc(events.name));
}
export type EventOption = Awaited<ReturnType<typeof listEventOptions>>[number];

/** Projects signed at the event that the viewer may see, at 签约 or later (as /signed?event= counts them). */
function signedThere(scope: Scope) {
  return and(eq(signings.eventId, events.id), eq(signings.projectId, projects.id), inArray(projects.stage, SIGNED_STAGES), visibleProjects(scope));
}

/** Events, newest first, each with how many of the viewer's visible projects signed there and their Σ 协议投资额 (元). */
export async function listEvents(db: DbOrTx, viewer: Viewer, params: EventListParams) {
  const scope = await scopeOf(db, viewer);
  const where: SQL[] = [liveEvents];
  if (params.q) where.push(eventTextCondition(params.q));
  if (params.kind) where.push(eq(events.kind, params.kind));
  if (params.from) where.push(gte(events.heldOn, params.from));
  if (params.to) where.push(lte(events.heldOn, params.to));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: events.id,
        name: events.name,
        kind: events.kind,
        heldOn: events.heldOn,
        place: events.place,
        hostUnitName: hosts.name,
        signedCount: sql<number>`(select count(*)::int from ${signings}, ${projects} where ${signedThere(scope)})`,
        contractInvestment: sql<string>`(select coalesce(sum(${signings.contractInvestment}), 0) from ${signings}, ${projects} where ${signedThere(scope)})`,
      })
      .from(events)
      .leftJoin(hosts, eq(hosts.id, events.hostUnitId))
      .where(and(...where))
      .orderBy(desc(events.heldOn), desc(events.id))
      .limit(EVENT_PAGE_SIZE)
      .offset((params.page - 1) * EVENT_PAGE_SIZE),
    db.select({ n: count() }).from(events).where(and(...where)),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type EventRow = Awaited<ReturnType<typeof listEvents>>["rows"][number];

/** One event with its host unit's name, or null. */
export async function getEvent(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: events.id,
      name: events.name,
      kind: events.kind,
      heldOn: events.heldOn,
      place: events.place,
      hostUnitId: events.hostUnitId,
      hostUnitName: hosts.name,
      description: events.description,
      version: events.version,
      updatedAt: events.updatedAt,
    })
    .from(events)
    .leftJoin(hosts, eq(hosts.id, events.hostUnitId))
    .where(and(eq(events.id, id), liveEvents));
  return row ?? null;
}
export type EventDetail = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

/** Projects met at the event (event_projects) that the viewer may see. */
export async function listMetProjects(db: DbOrTx, viewer: Viewer, eventId: string) {
  const scope = await scopeOf(db, viewer);
  return db
    .select({
      id: projects.id,
      name: projects.name,
      enterpriseName: enterprises.name,
      stage: projects.stage,
      status: projects.status,
      totalInvestment: projects.totalInvestment,
      ownerName: owners.displayName,
    })
    .from(eventProjects)
    .innerJoin(projects, eq(projects.id, eventProjects.projectId))
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .innerJoin(owners, eq(owners.id, projects.ownerId))
    .where(and(eq(eventProjects.eventId, eventId), visibleProjects(scope)))
    .orderBy(asc(projects.name), asc(projects.id));
}

/**
 * The leads an event produced (projects whose 来源活动 it is) that the viewer may see, and how many
 * of them have signed (at 签约 or later): its conversion leads → 签约. The same rows as
 * /projects?sourceEvent= and, with the signed stages, the count that list shows.
 */
export async function eventLeadConversion(db: DbOrTx, viewer: Viewer, eventId: string) {
  const scope = await scopeOf(db, viewer);
  const [r] = await db
    .select({ leads: count(), signed: sql<number>`count(*) filter (where ${inArray(projects.stage, SIGNED_STAGES)})::int` })
    .from(projects)
    .where(and(eq(projects.sourceEventId, eventId), visibleProjects(scope)));
  return { leads: r?.leads ?? 0, signed: r?.signed ?? 0 };
}

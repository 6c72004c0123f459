/** /api/v1/events: 推介会 and 集中签约仪式, readable by everyone signed in; managers keep them (lib/events/service). */
import { and, eq, gte, lte, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { events, units } from "@/db/schema";
import { eventKindEnum } from "@/db/schema/enums";
import type { Viewer } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { eventTextCondition, liveEvents } from "@/lib/events/queries";
import { createEvent, updateEvent } from "@/lib/events/service";
import { eventListSchema } from "@/lib/events/validation";
import { afterCursor, cursorValue, keysetOrder, pageOf, type KeysetColumn } from "./cursor";
import { cursorOf, dateOut, iso, listControls, patchBody, timestampOut, uuidOut } from "./shared";

type Ctx = { ip?: string | null };
const hosts = alias(units, "host_unit");

const SORTS = {
  heldOn: { column: events.heldOn, cast: "date" },
  updatedAt: { column: events.updatedAt, cast: "timestamptz" },
} satisfies Record<string, KeysetColumn>;
type Sort = keyof typeof SORTS;

/** GET /api/v1/events: the /events filters (q, kind, from, to), then order, page size and cursor. */
export const eventApiListSchema = eventListSchema
  .pick({ q: true, kind: true, from: true, to: true })
  .extend(listControls(Object.keys(SORTS) as [Sort, ...Sort[]], "heldOn", "desc"));
export type EventApiListParams = z.output<typeof eventApiListSchema>;

export const eventOut = z.object({
  id: uuidOut,
  name: z.string(),
  kind: z.enum(eventKindEnum.enumValues),
  heldOn: dateOut,
  place: z.string(),
  hostUnitId: uuidOut.nullable(),
  hostUnitName: z.string().nullable(),
  description: z.string(),
  updatedAt: timestampOut,
  version: z.number().int(),
});
export type EventOut = z.infer<typeof eventOut>;

const columns = {
  id: events.id,
  name: events.name,
  kind: events.kind,
  heldOn: events.heldOn,
  place: events.place,
  hostUnitId: events.hostUnitId,
  hostUnitName: hosts.name,
  description: events.description,
  updatedAt: events.updatedAt,
  version: events.version,
};
const out = <R extends { updatedAt: Date }>(r: R) => ({ ...r, updatedAt: iso(r.updatedAt) });

export async function listEventsApi(db: DbOrTx, params: EventApiListParams) {
  const key = SORTS[params.sort];
  const cursor = cursorOf(params);
  const where: (SQL | undefined)[] = [liveEvents];
  if (params.q) where.push(eventTextCondition(params.q));
  if (params.kind) where.push(eq(events.kind, params.kind));
  if (params.from) where.push(gte(events.heldOn, params.from));
  if (params.to) where.push(lte(events.heldOn, params.to));
  if (cursor) where.push(afterCursor(key, events.id, cursor));
  const rows = await db
    .select({ ...columns, cursorValue: cursorValue(key) })
    .from(events)
    .leftJoin(hosts, eq(hosts.id, events.hostUnitId))
    .where(and(...where))
    .orderBy(...keysetOrder(key, events.id, params.dir))
    .limit(params.limit + 1);
  const page = pageOf(rows, params.limit, params.sort, params.dir);
  return { data: page.rows.map(out) satisfies EventOut[], nextCursor: page.nextCursor };
}

export async function readEventApi(db: DbOrTx, id: string): Promise<EventOut> {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
  const [row] = await db
    .select(columns)
    .from(events)
    .leftJoin(hosts, eq(hosts.id, events.hostUnitId))
    .where(and(eq(events.id, id), liveEvents));
  if (!row) throw new NotFoundError();
  return out(row);
}

export async function createEventApi(db: Db, viewer: Viewer, body: unknown, ctx: Ctx = {}) {
  const created = await createEvent(db, viewer, body, ctx);
  return readEventApi(db, created.id);
}

export async function updateEventApi(db: Db, viewer: Viewer, id: string, body: unknown, ctx: Ctx = {}) {
  const changes = patchBody(body);
  await readEventApi(db, id); // a 404 for an unknown id
  // Only the fields sent are written (the rest stay as they are now).
  await updateEvent(db, viewer, id, changes, ctx);
  return readEventApi(db, id);
}

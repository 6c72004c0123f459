import { z } from "zod";
import { eventKindEnum, type EventKind } from "@/db/schema/enums";
import { projectListSchema } from "@/lib/projects/validation";
import { dateString, optionalFilterDate, optionalUuid, text } from "@/lib/validation";

// Messages are i18n keys; "events.errors.*" live in lib/i18n/messages/*/events.json.
export const EVENT_KINDS = eventKindEnum.enumValues;

/** 推介会 / 集中签约仪式. Future dates are fine: events are planned ahead. */
export const eventSchema = z.object({
  name: text().min(2, "events.errors.nameLength").max(100, "events.errors.nameLength"),
  kind: z.enum(EVENT_KINDS, { error: "errors.required" }),
  heldOn: text().min(1, "errors.required").pipe(dateString),
  place: text().max(200, "projects.errors.tooLong200").default(""),
  hostUnitId: optionalUuid,
  description: text().max(2000, "projects.errors.tooLong2000").default(""),
});
export type EventInput = z.input<typeof eventSchema>;
export type EventValues = z.output<typeof eventSchema>;

export const updateEventSchema = eventSchema.extend({ version: z.coerce.number().int().positive() });

/** A project met at an event (event_projects). */
export const eventProjectSchema = z.object({ projectId: z.uuid({ error: "events.errors.projectRequired" }) });

/** The list's state in the URL; anything malformed is dropped. */
export const eventListSchema = z.object({
  q: text().max(100).optional().catch(undefined),
  kind: z.enum(EVENT_KINDS).optional().catch(undefined) as z.ZodType<EventKind | undefined>,
  from: optionalFilterDate,
  to: optionalFilterDate,
  page: projectListSchema.shape.page,
});
export type EventListParams = z.output<typeof eventListSchema>;
export const EVENT_PAGE_SIZE = 50;

/** An event as its edit form shows it ("" for none): what a save is merged over. */
export function eventFormValues(e: { name: string; kind: (typeof EVENT_KINDS)[number]; heldOn: string; place: string; hostUnitId: string | null; description: string; version: number }) {
  return { name: e.name, kind: e.kind, heldOn: e.heldOn, place: e.place, hostUnitId: e.hostUnitId ?? "", description: e.description, version: e.version };
}

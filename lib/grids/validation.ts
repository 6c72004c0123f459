import { z } from "zod";
import { gridRoleEnum, requestCategoryEnum, requestStatusEnum, type RequestStatus } from "@/db/schema/enums";
import { todayInChina } from "@/lib/i18n/format";
import { dateString, text } from "@/lib/validation";
import { dayOfWeek } from "./calendar";
import { COLOURS, type Colour } from "./clock";

// Messages are i18n keys; "grids.errors.*" live in lib/i18n/messages/*/grids.json.
export const GRID_ROLES = gridRoleEnum.enumValues;
export const REQUEST_CATEGORIES = requestCategoryEnum.enumValues;
export const REQUEST_STATUSES = requestStatusEnum.enumValues;

const version = z.coerce.number().int().positive();

const gridObject = z.object({
  name: text().min(1, "errors.required").max(60, "errors.tooLong60"),
  code: z
    .string()
    .trim()
    .min(1, "errors.required")
    .max(40, "errors.tooLong40")
    .regex(/^[A-Za-z0-9_-]+$/, "errors.codeChars")
    .transform((s) => s.toUpperCase()),
  area: text().max(200, "grids.errors.tooLong200").default(""),
  unitId: z.uuid({ error: "errors.required" }),
  sortOrder: z.coerce.number({ error: "grids.errors.sortOrder" }).int("grids.errors.sortOrder").min(0, "grids.errors.sortOrder").max(9999, "grids.errors.sortOrder").default(0),
  officers: z
    .array(z.object({ userId: z.uuid({ error: "errors.required" }), role: z.enum(GRID_ROLES, { error: "errors.required" }) }))
    .max(30, "grids.errors.tooManyOfficers")
    .default([]),
});

/** "1+3": at most one 网格长, and nobody twice. */
function checkOfficers(v: { officers: { userId: string; role: string }[] }, ctx: z.RefinementCtx) {
  if (v.officers.filter((o) => o.role === "lead").length > 1) ctx.addIssue({ code: "custom", path: ["officers"], message: "grids.errors.oneLead" });
  if (new Set(v.officers.map((o) => o.userId)).size !== v.officers.length) ctx.addIssue({ code: "custom", path: ["officers"], message: "grids.errors.duplicateOfficer" });
}

export const gridSchema = gridObject.superRefine(checkOfficers);
export type GridInput = z.input<typeof gridSchema>;
export type GridValues = z.output<typeof gridSchema>;

export const updateGridSchema = gridObject.extend({ version }).superRefine(checkOfficers);

/** A time typed as China local time ("YYYY-MM-DDTHH:mm", from <input type="datetime-local">). */
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

export function parseChinaTime(s: string): Date | null {
  const m = LOCAL_TIME.exec(s);
  if (!m || Number(m[2]) > 23 || Number(m[3]) > 59 || !dateString.safeParse(m[1]).success) return null;
  return new Date(`${m[1]}T${m[2]}:${m[3]}:00+08:00`);
}

/**
 * When a step was done: empty means now; a past time may be typed for a record entered after
 * the fact, never a future one. Whether it follows the step before is checked by the service.
 */
export const stepTime = z
  .string()
  .trim()
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const at = parseChinaTime(v);
    if (!at) {
      ctx.addIssue({ code: "custom", message: "grids.errors.time" });
      return z.NEVER;
    }
    if (at.getTime() > Date.now()) {
      ctx.addIssue({ code: "custom", message: "grids.errors.futureTime" });
      return z.NEVER;
    }
    return at;
  });

export const requestSchema = z.object({
  enterpriseId: z.uuid({ error: "grids.errors.enterpriseRequired" }),
  category: z.enum(REQUEST_CATEGORIES, { error: "errors.required" }),
  title: text().min(1, "errors.required").max(100, "grids.errors.tooLong100"),
  description: text().max(2000, "grids.errors.tooLong2000").default(""),
  receivedAt: stepTime,
});
export type RequestInput = z.input<typeof requestSchema>;

export const acceptSchema = z.object({
  step: z.literal("accept"),
  at: stepTime,
  handlerId: z.uuid({ error: "errors.required" }),
  version,
});
export const replySchema = z.object({
  step: z.literal("reply"),
  at: stepTime,
  reply: text().min(1, "errors.required").max(2000, "grids.errors.tooLong2000"),
  version,
});
export const resolveSchema = z.object({
  step: z.literal("resolve"),
  at: stepTime,
  resolution: text().min(1, "errors.required").max(2000, "grids.errors.tooLong2000"),
  version,
});
export const stepSchema = z.discriminatedUnion("step", [acceptSchema, replySchema, resolveSchema], { error: "grids.errors.step" });
export type StepInput = z.input<typeof stepSchema>;

/** The step that comes next for a request in each status, and the status it leads to. */
export const NEXT_STEP: Record<RequestStatus, { step: "accept" | "reply" | "resolve"; to: RequestStatus } | null> = {
  received: { step: "accept", to: "accepted" },
  accepted: { step: "reply", to: "replied" },
  replied: { step: "resolve", to: "resolved" },
  resolved: null,
};

export const holidaySchema = z
  .object({
    day: dateString,
    name: text().min(1, "errors.required").max(40, "errors.tooLong40"),
    isWorkday: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.isWorkday && dayOfWeek(v.day) !== 0 && dayOfWeek(v.day) !== 6) ctx.addIssue({ code: "custom", path: ["day"], message: "grids.errors.workdayNotWeekend" });
  });
export type HolidayInput = z.input<typeof holidaySchema>;

const optionalFilterDate = dateString.optional().catch(undefined);

/**
 * The period of the figures, kept in the URL: requests received from `from` to `to`
 * (inclusive). This year to today by default.
 */
export function periodOf(params: { from?: string; to?: string }, now = new Date()): { from: string; to: string } {
  const today = todayInChina(now);
  const from = params.from ?? `${today.slice(0, 4)}-01-01`;
  const to = params.to ?? today;
  return from <= to ? { from, to } : { from: to, to: from };
}

export const gridListSchema = z.object({
  unit: z.uuid().optional().catch(undefined),
  from: optionalFilterDate,
  to: optionalFilterDate,
});
export type GridListParams = z.output<typeof gridListSchema>;

export const REQUEST_PAGE_SIZE = 20;

/** A status, or "open": every status but resolved. */
export const REQUEST_STATUS_FILTERS = [...REQUEST_STATUSES, "open"] as const;

export const requestListSchema = z.object({
  status: z.enum(REQUEST_STATUS_FILTERS).optional().catch(undefined),
  colour: z.enum(COLOURS).optional().catch(undefined),
  from: optionalFilterDate,
  to: optionalFilterDate,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type RequestListParams = z.output<typeof requestListSchema>;
export type { Colour };

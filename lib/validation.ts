import { z } from "zod";
import { asAppError, ConflictError, ValidationError } from "@/lib/errors";
import { todayInChina } from "@/lib/i18n/format";
import { YI_PATTERN } from "@/lib/money";

// Form primitives shared by every area's schemas (client and server alike). Messages are
// i18n keys: "errors.*" in base.json, "projects.errors.*" in projects.json.

/**
 * A rule that names no message of its own still gets one the officer can read (an i18n key),
 * never zod's English default: a missing value, a wrong type, a value not offered, a bad format.
 */
z.config({
  customError: (issue) => {
    if (issue.code === "invalid_type") return issue.input === undefined || issue.input === null ? "errors.required" : "errors.invalidType";
    if (issue.code === "invalid_value") return "errors.invalidValue";
    if (issue.code === "too_big") return "errors.tooBig";
    if (issue.code === "too_small") return "errors.tooSmall";
    return "errors.invalidFormat";
  },
});

/**
 * Trimmed text without NUL characters: PostgreSQL cannot store U+0000 in text, so one would
 * otherwise fail the write. Every text field of every form and API body is built on this.
 */
export const text = () => z.string().trim().refine((s) => !s.includes("\u0000"), "errors.nulChar");

/** True for a well-formed id (a malformed one cannot name any record: callers answer "not found" without asking the database). */
export const isUuid = (id: unknown): id is string => z.uuid().safeParse(id).success;

/** A record's version as loaded, for optimistic locking. */
export const version = z.coerce.number().int().positive();

// Optional choices arrive as "" from a form, or null/undefined from a script: all mean "none".
export const optionalUuid = z
  .union([z.uuid(), z.literal(""), z.null()])
  .optional()
  .transform((v) => v || null);

/** The plausible range of any date the app keeps: nothing it tracks happened before 1990 or is planned past 2099. */
export const MIN_DATE = "1990-01-01";
export const MAX_DATE = "2099-12-31";

const isCalendarDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** YYYY-MM-DD, a real calendar date within MIN_DATE…MAX_DATE. A malformed one stops there (no further rule runs on it). */
const calendarDate = z.string().trim().refine(isCalendarDate, { error: "projects.errors.date", abort: true });
export const dateString = calendarDate.refine((s) => s >= MIN_DATE && s <= MAX_DATE, { error: "errors.dateRange", abort: true });

/** A date that has happened (not after today in China, not before MIN_DATE); `future` is the message for a later one. */
export const pastDay = (future = "projects.errors.futureDate", today?: string) =>
  calendarDate.refine((s) => s <= (today ?? todayInChina()), { error: future, abort: true }).refine((s) => s >= MIN_DATE, { error: "errors.dateRange", abort: true });

/**
 * `schema`, or none: "" from a form and null or a missing key from a script all become null.
 * Not a union, so the value's own message (a bad date, a bad amount) is the one reported.
 */
export const orNone = <S extends z.ZodType<string>>(schema: S) =>
  z
    .preprocess((v) => (v === "" || v === undefined ? null : v), schema.nullable())
    .optional()
    .transform((v) => v ?? null);
export const optionalDate = orNone(dateString);

/** A required date that has happened: within MIN_DATE and today in China. */
export const pastDate = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, { error: "errors.required", abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "projects.errors.date", abort: true })
  .refine(isCalendarDate, { error: "projects.errors.date", abort: true })
  .refine((s) => s >= MIN_DATE, { error: "errors.dateRange", abort: true })
  .refine((s) => s <= todayInChina(), "projects.errors.futureDate");

/** An amount typed in 亿元: up to 4 decimals (万元), at most MAX_YI. Converted to 元 by the service. */
export const yiAmount = text().min(1, { error: "errors.required", abort: true }).regex(YI_PATTERN, "projects.errors.amount");
export const optionalYi = orNone(text().regex(YI_PATTERN, "projects.errors.amount"));

/** A URL filter that is one or more of `values` (repeated keys or comma-separated); anything else is dropped. */
export const csv = <T extends string>(values: readonly T[]) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).filter((x): x is T => (values as readonly string[]).includes(x)))
    .optional()
    .catch(undefined);
export const optionalFilterDate = dateString.optional().catch(undefined);
export const optionalFilterYi = z.string().trim().regex(YI_PATTERN).optional().catch(undefined);
/** An id, or "none" for the records where it is not set (产业链、园区 未填). */
export const idOrNone = z.union([z.uuid(), z.literal("none")]).optional().catch(undefined);


/** The path ("zones.0.name") of the first string in `value` that holds a NUL character, or null. Iterative: any depth. */
export function nulPath(value: unknown): string | null {
  const stack: [unknown, string[]][] = [[value, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      if (v.includes("\u0000")) return path.join(".") || "_form";
    } else if (v && typeof v === "object") {
      const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        if (key.includes("\u0000")) return [...path, key].join(".");
        stack.push([child, [...path, key]]);
      }
    }
  }
  return null;
}

/**
 * Parses with the form's own schema; a failure becomes a ValidationError naming each field.
 * A NUL character anywhere in the input is refused first, naming its field, whatever the
 * schema does with it (PostgreSQL cannot store one).
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const nul = nulPath(input);
  if (nul) throw new ValidationError({ [nul]: ["errors.nulChar"] });
  const result = schema.safeParse(input);
  if (!result.success) throw asAppError(result.error);
  return result.data;
}

/**
 * A versioned save (a form's or a REST PATCH's): `input` holds the `version` the user loaded
 * and only the fields they changed; every field not sent keeps the record's current value
 * (`current`, in the form's shape). So a save never writes back a field its user did not touch.
 * A stale version is refused with the current values, so the form can merge: it takes the
 * newest value of every field the user left alone and asks about fields both people changed.
 */
export function parseVersionedSave<S extends z.ZodType>(schema: S, current: Record<string, unknown> & { version: number }, input: unknown): z.infer<S> {
  if (!input || typeof input !== "object" || Array.isArray(input)) throw new ValidationError({ _form: ["errors.invalidInput"] });
  const sent = input as Record<string, unknown>;
  const { version: loaded } = parseOrThrow(z.object({ version }), sent);
  if (loaded !== current.version) throw new ConflictError(current);
  return parseOrThrow(schema, { ...current, ...sent });
}

import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { decodeCursor, type Cursor } from "./cursor";

/**
 * What every /api/v1 list adds to its page's filters: the order (`sort`, `dir`), the page size
 * (`limit`, 1–200) and the `cursor` from the previous page's `nextCursor`. Like the pages,
 * a malformed filter or order value is dropped rather than refused; a bad cursor is a 400.
 */
export function listControls<S extends string>(sorts: readonly [S, ...S[]], sort: S, dir: "asc" | "desc") {
  return {
    sort: z.enum(sorts).catch(sort).default(sort).describe("Order by this field"),
    dir: z.enum(["asc", "desc"]).catch(dir).default(dir),
    limit: z.coerce.number().int().min(1).max(200).catch(50).default(50).describe("Rows per page (1–200)"),
    cursor: z.string().max(1000).optional().describe("nextCursor of the previous page"),
  };
}

export function cursorOf(params: { cursor?: string; sort: string; dir: "asc" | "desc" }): Cursor | null {
  return params.cursor ? decodeCursor(params.cursor, params.sort, params.dir) : null;
}

/** The JSON body of a list response. */
export function listBody<T>(data: T[], nextCursor: string | null) {
  return { data, nextCursor };
}

export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** A PATCH body: a JSON object whose fields replace the record's; `version` (the one read) is required. */
export function patchBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new ValidationError({ _form: ["api.errors.body"] }, "api.errors.body");
  const record = body as Record<string, unknown>;
  if (record.version === undefined) throw new ValidationError({ version: ["api.errors.versionRequired"] });
  return record;
}

/** Output schemas shared by the resources (for the OpenAPI document). */
export const uuidOut = z.uuid();
export const timestampOut = z.iso.datetime({ offset: true });
export const dateOut = z.iso.date();
export const yuanOut = z.string().regex(/^-?\d+(\.\d+)?$/).describe("Amount in 元 (yuan), exact decimal");
export const yiOut = z.string().regex(/^-?\d+(\.\d+)?$/).describe("The same amount in 亿元, exact");
export const muOut = z.string().regex(/^\d+(\.\d+)?$/).describe("Area in 亩, exact decimal");

export const errorOut = z.object({
  error: z.object({
    code: z.string().describe("not_found, invalid_input, stale_version, unauthorized, invalid_token, forbidden, invalid_cursor, …"),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional().describe("Per field, what is wrong"),
  }),
});

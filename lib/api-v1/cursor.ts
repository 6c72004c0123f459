/**
 * Cursor (keyset) pagination for /api/v1 lists. A page ends with the sort value and id of its
 * last row; the next page starts strictly after that pair, so rows added or changed meanwhile
 * never shift a page the way an offset would. The cursor is opaque to clients: base64url of
 * `[sort, dir, value, id]`, checked against the request's own sort when it comes back.
 */
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { AppError } from "@/lib/errors";

export class InvalidCursorError extends AppError {
  constructor() {
    super(400, "invalid_cursor", "api.errors.cursor", { cursor: ["api.errors.cursor"] });
  }
}

export type Cursor = { sort: string; dir: "asc" | "desc"; value: string | null; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.dir, c.value, c.id]), "utf8").toString("base64url");
}

const shape = z.tuple([z.string(), z.enum(["asc", "desc"]), z.string().max(200).regex(/^[^\u0000]*$/).nullable(), z.uuid()]);

/** The cursor a client sent back, or an InvalidCursorError if it is not one of ours for this order. */
export function decodeCursor(raw: string, sort: string, dir: "asc" | "desc"): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError();
  }
  const result = shape.safeParse(parsed);
  if (!result.success) throw new InvalidCursorError();
  const [s, d, value, id] = result.data;
  if (s !== sort || d !== dir) throw new InvalidCursorError();
  return { sort: s, dir: d, value, id };
}

/** A sortable column: how to read its value as text for the cursor and how to cast it back. */
export type KeysetColumn = { column: AnyPgColumn | SQL; cast: "timestamptz" | "date" | "text" | "numeric" };

/** The column's value as text, exactly (timestamps to the microsecond), for the cursor. */
export function cursorValue(k: KeysetColumn): SQL<string | null> {
  return sql<string | null>`(${k.column})::text`;
}

/**
 * Rows after the cursor in the order `(column dir nulls last, id dir)`. Nulls sort last either
 * way, so a cursor on a null value continues among the nulls by id.
 */
export function afterCursor(k: KeysetColumn, idColumn: AnyPgColumn, c: Cursor): SQL {
  const cast = sql.raw(k.cast);
  const op = sql.raw(c.dir === "asc" ? ">" : "<");
  if (c.value === null) return sql`(${k.column} is null and ${idColumn} ${op} ${c.id}::uuid)`;
  return sql`((${k.column}, ${idColumn}) ${op} (${c.value}::${cast}, ${c.id}::uuid) or ${k.column} is null)`;
}

export function keysetOrder(k: KeysetColumn, idColumn: AnyPgColumn, dir: "asc" | "desc"): SQL[] {
  const d = sql.raw(dir);
  return [sql`${k.column} ${d} nulls last`, sql`${idColumn} ${d}`];
}

/** One page: `limit` rows, and the cursor for the next if there is more (the query fetched limit + 1). */
export function pageOf<R extends { id: string; cursorValue: string | null }>(rows: R[], limit: number, sort: string, dir: "asc" | "desc") {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    rows: page.map(({ cursorValue: _c, ...r }) => r),
    nextCursor: more && last ? encodeCursor({ sort, dir, value: last.cursorValue, id: last.id }) : null,
  };
}

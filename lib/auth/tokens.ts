/**
 * Personal API tokens: a script sends `Authorization: Bearer zsk_…` and acts as the user who
 * made the token — that user's role and unit as they are now, so the same visibility rules
 * apply as on the pages. Only the SHA-256 of a token is stored; the token itself is shown
 * once, when it is made. Tokens expire, can be revoked, and stop working when the user is
 * deactivated.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, or, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { apiTokens, units, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { viewerColumns } from "./authenticate";
import { MAX_LIVE_TOKENS, TOKEN_PREFIX, tokenSchema } from "./token-validation";
import type { Viewer } from "./roles";

type Ctx = { ip?: string | null };


export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new token: 32 random bytes, base64url, behind the prefix. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/** The part of a token shown in lists, to tell tokens apart: the prefix and 6 characters. */
export function displayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}

/** Makes a token for the viewer. Returns the token itself — the only time anyone sees it. */
export async function createApiToken(db: Db, viewer: Viewer, input: unknown, ctx: Ctx = {}, now = new Date()) {
  const data = parseOrThrow(tokenSchema, input);
  const token = generateToken();
  return db.transaction(async (tx) => {
    // One at a time per user, so two requests cannot both pass the count.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`api-token:${viewer.id}`}))`);
    const live = await tx
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, viewer.id), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)));
    if (live.length >= MAX_LIVE_TOKENS) throw new ValidationError({ name: ["apiTokens.errors.tooMany"] });
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: viewer.id,
        name: data.name,
        prefix: displayPrefix(token),
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + data.expiresInDays * 86_400_000),
        createdAt: now,
      })
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, expiresAt: apiTokens.expiresAt });
    await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "api_token", entityId: row!.id, after: row, ip: ctx.ip });
    return { ...row!, token };
  });
}

/** The viewer's own tokens, newest first (never the hash). */
export async function listApiTokens(db: DbOrTx, viewer: Viewer) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, viewer.id))
    .orderBy(desc(apiTokens.createdAt))
    .limit(100);
}
export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];

/** Revokes one of the viewer's own tokens; it stops working at once. */
export async function revokeApiToken(db: Db, viewer: Viewer, id: string, ctx: Ctx = {}, now = new Date()) {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, viewer.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, revokedAt: apiTokens.revokedAt });
    if (!row) throw new NotFoundError();
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "update",
      entityType: "api_token",
      entityId: id,
      before: { name: row.name, prefix: row.prefix, revokedAt: null },
      after: { name: row.name, prefix: row.prefix, revokedAt: row.revokedAt },
      ip: ctx.ip,
    });
    return row;
  });
}

/**
 * The viewer a token acts as, or null: unknown, revoked, expired, or its user deactivated.
 * The user is read afresh each time, so a role or unit change applies at once.
 */
export async function viewerForToken(db: DbOrTx, token: string, now = new Date()): Promise<Viewer | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await db
    .select({ ...viewerColumns, tokenId: apiTokens.id, active: users.active })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)));
  if (!row || !row.active) return null;
  // Last use to the minute: one write a minute at most, however busy the script.
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, row.tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000)))));
  const { tokenId: _id, active: _active, ...viewer } = row;
  return viewer;
}

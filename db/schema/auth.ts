import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { loginOutcomeEnum } from "./enums";

/** Sign-in attempts, kept in PostgreSQL so every app instance throttles alike. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    username: text().notNull(),
    ip: text().notNull(),
    outcome: loginOutcomeEnum().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("login_attempts_username_idx").on(t.username, t.at),
    index("login_attempts_ip_idx").on(t.ip, t.at),
  ],
);

/**
 * Sessions ended by signing out. A session is a signed cookie the server keeps no copy of;
 * listing its id here makes the server refuse it even if a request still in flight comes
 * back with a refreshed copy. Rows can go once the session would have expired anyway.
 */
export const revokedSessions = pgTable("revoked_sessions", {
  sid: uuid().primaryKey(),
  revokedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});

/**
 * Personal API tokens: a script acts as the user who made the token, with that user's role and
 * unit. Only a hash is kept; the token is shown once. Tokens expire and can be revoked.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** The first characters of the token, to tell tokens apart on screen. */
    prefix: text().notNull(),
    /** SHA-256 of the token, hex. */
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

export type ApiToken = typeof apiTokens.$inferSelect;

import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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

import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
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

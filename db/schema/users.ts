import { relations, sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps, version } from "./columns";
import { roleEnum } from "./enums";
import { units } from "./units";

export const users = pgTable(
  "users",
  {
    id: id(),
    username: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    role: roleEnum().notNull().default("staff"),
    unitId: uuid()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    active: boolean().notNull().default(true),
    lastSignInAt: timestamp({ withTimezone: true }),
    passwordChangedAt: timestamp({ withTimezone: true }),
    ...timestamps,
    version: version(),
  },
  (t) => [
    // Usernames are unique regardless of case: "Admin" and "admin" are the same person.
    uniqueIndex("users_username_lower_idx").on(sql`lower(${t.username})`),
    index("users_unit_idx").on(t.unitId),
  ],
);

export const usersRelations = relations(users, ({ one }) => ({
  unit: one(units, { fields: [users.unitId], references: [units.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/**
 * The columns a user chose to see in a wide list (/signed, /projects): one row per user and
 * table, the shown column keys in order. Kept on the server so the choice follows the user to
 * any browser and the page is rendered with it (no flash of the default set).
 */
export const userTableColumns = pgTable(
  "user_table_columns",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tableKey: text().notNull(),
    columns: text().array().notNull(),
    updatedAt: timestamps.updatedAt,
  },
  (t) => [primaryKey({ columns: [t.userId, t.tableKey] })],
);

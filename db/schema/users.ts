import { relations, sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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

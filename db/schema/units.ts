import { relations } from "drizzle-orm";
import { type AnyPgColumn, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, timestamps, version } from "./columns";
import { users } from "./users";

/** Organisational units (单位/部门) form a tree; visibility follows the subtree. */
export const units = pgTable(
  "units",
  {
    id: id(),
    parentId: uuid().references((): AnyPgColumn => units.id, { onDelete: "restrict" }),
    name: text().notNull(),
    code: text().notNull().unique(),
    sortOrder: integer().notNull().default(0),
    ...timestamps,
    version: version(),
  },
  (t) => [index("units_parent_idx").on(t.parentId)],
);

export const unitsRelations = relations(units, ({ one, many }) => ({
  parent: one(units, { fields: [units.parentId], references: [units.id], relationName: "unit_parent" }),
  children: many(units, { relationName: "unit_parent" }),
  users: many(users),
}));

export type Unit = typeof units.$inferSelect;
export type NewUnit = typeof units.$inferInsert;

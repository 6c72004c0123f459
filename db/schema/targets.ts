import { index, integer, pgTable, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps, version, yuan } from "./columns";
import { units } from "./units";
import { users } from "./users";

/**
 * 目标: what a unit (or one of its officers) is to achieve in a year — signed projects, signed
 * investment, construction starts, operating projects — that the dashboard measures against.
 */
export const targets = pgTable(
  "targets",
  {
    id: id(),
    year: integer().notNull(),
    unitId: uuid()
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    /** Set for an officer's own target; null for the unit's. */
    ownerId: uuid().references(() => users.id, { onDelete: "cascade" }),
    signedCount: integer().notNull().default(0),
    /** 签约额 target, in 元. */
    signedInvestment: yuan().notNull().default("0"),
    constructionStarts: integer().notNull().default(0),
    operatingProjects: integer().notNull().default(0),
    ...timestamps,
    version: version(),
  },
  (t) => [unique("targets_year_unit_owner_key").on(t.year, t.unitId, t.ownerId).nullsNotDistinct(), index("targets_year_idx").on(t.year)],
);

export type Target = typeof targets.$inferSelect;

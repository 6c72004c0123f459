import { relations, sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { id, timestamps, version } from "./columns";
import { ownershipTypeEnum } from "./enums";
import { grids } from "./grids";
import { units } from "./units";
import { users } from "./users";

/** 企业/投资方. Registered by a unit; visible to that unit's scope and to whoever sees one of its projects. */
export const enterprises = pgTable(
  "enterprises",
  {
    id: id(),
    name: text().notNull(),
    /** 统一社会信用代码 (GB 32100): unique when present. */
    uscc: text(),
    ownershipType: ownershipTypeEnum(),
    headquarters: text().notNull().default(""),
    /** GB/T 4754-2017 行业代码: a section letter and up to 4 digits. */
    industryCode: text().notNull().default(""),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    website: text().notNull().default(""),
    notes: text().notNull().default(""),
    unitId: uuid()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    /** 网格: the grid that serves it (网格化服务), if any. */
    gridId: uuid().references((): AnyPgColumn => grids.id, { onDelete: "set null" }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Archived (归档) records are hidden everywhere; an admin can restore them. Nothing is deleted from the UI. */
    archivedAt: timestamp({ withTimezone: true }),
    archivedById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
    version: version(),
  },
  (t) => [
    uniqueIndex("enterprises_uscc_idx").on(t.uscc).where(sql`${t.uscc} is not null`),
    index("enterprises_unit_idx").on(t.unitId),
    index("enterprises_grid_idx").on(t.gridId),
    index("enterprises_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    // Exact names (the import matches investors by them), in the "C" collation: equal exactly when
    // equal at all, and only this index serves it — the trigram index answers a plain "=" too,
    // but rechecks every row sharing trigrams (all of "青岛…有限公司"), and planners took it.
    index("enterprises_name_idx").on(sql`(${t.name} collate "C")`),
    index("enterprises_archived_idx").on(t.archivedAt).where(sql`${t.archivedAt} is not null`),
  ],
);

/** 联系人 of an enterprise. */
export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    enterpriseId: uuid()
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    name: text().notNull(),
    title: text().notNull().default(""),
    phone: text().notNull().default(""),
    email: text().notNull().default(""),
    wechat: text().notNull().default(""),
    notes: text().notNull().default(""),
    /** Archived (归档) contacts are hidden everywhere; an admin can restore them. Nothing is deleted from the UI. */
    archivedAt: timestamp({ withTimezone: true }),
    archivedById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
    version: version(),
  },
  (t) => [
    index("contacts_enterprise_idx").on(t.enterpriseId),
    index("contacts_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    // The admin's list of archived contacts and the purge read only the few archived rows.
    index("contacts_archived_idx").on(t.archivedAt).where(sql`${t.archivedAt} is not null`),
  ],
);

export const enterprisesRelations = relations(enterprises, ({ many, one }) => ({
  contacts: many(contacts),
  unit: one(units, { fields: [enterprises.unitId], references: [units.id] }),
}));

export const contactsRelations = relations(contacts, ({ one }) => ({
  enterprise: one(enterprises, { fields: [contacts.enterpriseId], references: [enterprises.id] }),
}));

export type Enterprise = typeof enterprises.$inferSelect;
export type Contact = typeof contacts.$inferSelect;

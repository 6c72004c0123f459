import { bigint, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps, version } from "./columns";
import { importKindEnum, importStatusEnum } from "./enums";
import { users } from "./users";

/** An import that was written (a dry run writes nothing): who, which file, what it did; revertible by an admin. */
export const imports = pgTable(
  "imports",
  {
    id: id(),
    kind: importKindEnum().notNull(),
    fileName: text().notNull(),
    /** Spreadsheet column → field, as used. */
    mapping: jsonb().$type<Record<string, string>>().notNull(),
    status: importStatusEnum().notNull().default("committed"),
    totalRows: integer().notNull().default(0),
    created: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    revertedAt: timestamp({ withTimezone: true }),
    revertedById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("imports_created_idx").on(t.createdAt)],
);

/** Each record an import created or updated, with what it was before, so the import can be reverted. */
export const importChanges = pgTable(
  "import_changes",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    importId: uuid()
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    entityType: text().notNull(),
    entityId: uuid().notNull(),
    /** "create" or "update". */
    action: text().notNull(),
    before: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index("import_changes_import_idx").on(t.importId)],
);

/** A saved column mapping, to reuse for the same kind of spreadsheet. */
export const importMappings = pgTable(
  "import_mappings",
  {
    id: id(),
    kind: importKindEnum().notNull(),
    name: text().notNull(),
    mapping: jsonb().$type<Record<string, string>>().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
    version: version(),
  },
  (t) => [unique("import_mappings_kind_name_key").on(t.kind, t.name)],
);

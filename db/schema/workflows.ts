import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps, version } from "./columns";
import { checklistItemStatusEnum, dueAnchorEnum, templateKindEnum } from "./enums";
import { parks, zones } from "./land";
import { projects } from "./projects";
import { units } from "./units";
import { users } from "./users";

/**
 * A workflow template: a park mechanism ("7个1", "5个1") or a project service ("用地一件事",
 * "落地办专班"), in ordered phases with items. Admin-editable; each edit raises `revision`, and
 * checklists copy the items they start from, so an edit never rewrites a checklist under way.
 */
export const workflowTemplates = pgTable("workflow_templates", {
  id: id(),
  code: text().notNull().unique(),
  kind: templateKindEnum().notNull(),
  name: text().notNull(),
  description: text().notNull().default(""),
  /** Phases in order (开工前, 建设中, 建成后); empty for a flat list. */
  phases: text().array().notNull().default(sql`'{}'::text[]`),
  revision: integer().notNull().default(1),
  active: boolean().notNull().default(true),
  sortOrder: integer().notNull().default(0),
  ...timestamps,
  version: version(),
});

export const templateItems = pgTable(
  "template_items",
  {
    id: id(),
    templateId: uuid()
      .notNull()
      .references(() => workflowTemplates.id, { onDelete: "cascade" }),
    phase: text().notNull().default(""),
    /** A grouping within the phase (用地一件事's seven categories: 规划许可, 施工许可 …). */
    category: text().notNull().default(""),
    title: text().notNull(),
    description: text().notNull().default(""),
    /** 责任部门: the department that handles it (自然资源局, 住建局 …). */
    responsibleDepartment: text().notNull().default(""),
    /** Due this many days after the anchor; none: no due date. */
    dueOffsetDays: integer(),
    dueAnchor: dueAnchorEnum().notNull().default("start"),
    evidenceRequired: boolean().notNull().default(false),
    sortOrder: integer().notNull().default(0),
    ...timestamps,
    version: version(),
  },
  (t) => [index("template_items_template_idx").on(t.templateId, t.sortOrder)],
);

/**
 * A checklist started from a template for a park (or one of its zones) or a signed project:
 * its items are copies, so it keeps the template revision it started from. `unitId` is the
 * responsible unit: its managers (and those above) may edit the checklist.
 */
export const checklists = pgTable(
  "checklists",
  {
    id: id(),
    templateId: uuid().references(() => workflowTemplates.id, { onDelete: "set null" }),
    templateRevision: integer().notNull(),
    kind: templateKindEnum().notNull(),
    name: text().notNull(),
    phases: text().array().notNull().default(sql`'{}'::text[]`),
    parkId: uuid().references(() => parks.id, { onDelete: "cascade" }),
    zoneId: uuid().references(() => zones.id, { onDelete: "cascade" }),
    projectId: uuid().references(() => projects.id, { onDelete: "cascade" }),
    unitId: uuid()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    /** 牵头负责人 of the checklist as a whole. */
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The day the checklist started; with the signing and land dates, what due offsets count from. */
    startedOn: date({ mode: "string" }).notNull(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
    version: version(),
  },
  (t) => [
    // A park (or zone) or a project, never both, never neither.
    check("checklists_target_check", sql`(${t.projectId} is null) <> (${t.parkId} is null) and (${t.zoneId} is null or ${t.parkId} is not null)`),
    unique("checklists_template_target_key").on(t.templateId, t.projectId, t.parkId, t.zoneId).nullsNotDistinct(),
    index("checklists_park_idx").on(t.parkId, t.zoneId),
    index("checklists_project_idx").on(t.projectId),
  ],
);

export type Evidence = { label: string; url: string };

export const checklistItems = pgTable(
  "checklist_items",
  {
    id: id(),
    checklistId: uuid()
      .notNull()
      .references(() => checklists.id, { onDelete: "cascade" }),
    templateItemId: uuid().references(() => templateItems.id, { onDelete: "set null" }),
    phase: text().notNull().default(""),
    category: text().notNull().default(""),
    title: text().notNull(),
    description: text().notNull().default(""),
    responsibleDepartment: text().notNull().default(""),
    evidenceRequired: boolean().notNull().default(false),
    /** Copied from the template: the due date is worked out again when its anchor (e.g. the land date) becomes known. */
    dueOffsetDays: integer(),
    dueAnchor: dueAnchorEnum().notNull().default("start"),
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    status: checklistItemStatusEnum().notNull().default("not_started"),
    dueDate: date({ mode: "string" }),
    completedOn: date({ mode: "string" }),
    progressNote: text().notNull().default(""),
    /** 佐证材料: links (and, with file storage, files). */
    evidence: jsonb().$type<Evidence[]>().notNull().default(sql`'[]'::jsonb`),
    sortOrder: integer().notNull().default(0),
    ...timestamps,
    version: version(),
  },
  (t) => [
    index("checklist_items_checklist_idx").on(t.checklistId, t.sortOrder),
    index("checklist_items_owner_idx").on(t.ownerId, t.status, t.dueDate),
    index("checklist_items_due_idx").on(t.status, t.dueDate),
  ],
);

export type WorkflowTemplate = typeof workflowTemplates.$inferSelect;
export type TemplateItem = typeof templateItems.$inferSelect;
export type Checklist = typeof checklists.$inferSelect;
export type ChecklistItem = typeof checklistItems.$inferSelect;


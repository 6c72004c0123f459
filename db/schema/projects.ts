import { relations } from "drizzle-orm";
import { bigint, boolean, date, index, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestamps, version } from "./columns";
import { enterprises } from "./enterprises";
import {
  activityKindEnum,
  capitalOriginEnum,
  projectSourceEnum,
  projectStageEnum,
  projectStatusEnum,
  taskStatusEnum,
} from "./enums";
import { industryChains } from "./reference";
import { units } from "./units";
import { users } from "./users";

/** Money in 元, exact: numeric(20,2) holds up to 10^18 元, far beyond any project. */
const yuan = () => numeric({ precision: 20, scale: 2 });

/** 招商项目: the pipeline record. */
export const projects = pgTable(
  "projects",
  {
    id: id(),
    name: text().notNull(),
    enterpriseId: uuid()
      .notNull()
      .references(() => enterprises.id, { onDelete: "restrict" }),
    industryChainId: uuid().references(() => industryChains.id, { onDelete: "set null" }),
    source: projectSourceEnum().notNull().default("other"),
    /** 总投资, in 元. */
    totalInvestment: yuan().notNull().default("0"),
    capitalOrigin: capitalOriginEnum().notNull().default("local"),
    stage: projectStageEnum().notNull().default("lead"),
    status: projectStatusEnum().notNull().default("active"),
    statusReason: text().notNull().default(""),
    ownerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** 包靠领导: the official accountable for the project. */
    responsibleLeader: text().notNull().default(""),
    unitId: uuid()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    isKey: boolean().notNull().default(false),
    expectedSigningDate: date({ mode: "string" }),
    description: text().notNull().default(""),
    /** When the stage or status last changed, and when the last activity happened: for stalled-project lists. */
    stageChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
    version: version(),
  },
  (t) => [
    index("projects_unit_updated_idx").on(t.unitId, t.updatedAt),
    index("projects_owner_idx").on(t.ownerId, t.updatedAt),
    index("projects_stage_idx").on(t.stage, t.status),
    index("projects_enterprise_idx").on(t.enterpriseId),
    index("projects_chain_idx").on(t.industryChainId),
    index("projects_source_idx").on(t.source),
    index("projects_total_investment_idx").on(t.totalInvestment),
    index("projects_created_idx").on(t.createdAt),
    index("projects_updated_idx").on(t.updatedAt),
    index("projects_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
  ],
);

/** 签约: the facts of the signing. Required to reach `signed`; the full signing form comes later. */
export const signings = pgTable("signings", {
  projectId: uuid()
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  signingDate: date({ mode: "string" }).notNull(),
  /** 协议投资额, in 元. */
  contractInvestment: yuan().notNull(),
  ...timestamps,
  version: version(),
});

/** Every stage or status change, append-only: funnels, conversion and time-in-stage come from here. */
export const stageEvents = pgTable(
  "stage_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    fromStage: projectStageEnum(),
    toStage: projectStageEnum().notNull(),
    fromStatus: projectStatusEnum(),
    toStatus: projectStatusEnum().notNull(),
    note: text().notNull().default(""),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stage_events_project_idx").on(t.projectId, t.at), index("stage_events_to_stage_idx").on(t.toStage, t.at)],
);

/** 跟进记录: visits, receptions, calls, meetings, site visits, promotion events. */
export const activities = pgTable(
  "activities",
  {
    id: id(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: activityKindEnum().notNull(),
    occurredOn: date({ mode: "string" }).notNull(),
    participants: text().notNull().default(""),
    summary: text().notNull(),
    nextStep: text().notNull().default(""),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("activities_project_idx").on(t.projectId, t.occurredOn)],
);

/** 待办/督办. */
export const tasks = pgTable(
  "tasks",
  {
    id: id(),
    projectId: uuid().references(() => projects.id, { onDelete: "cascade" }),
    title: text().notNull(),
    assigneeId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    dueDate: date({ mode: "string" }),
    status: taskStatusEnum().notNull().default("open"),
    completedAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
    version: version(),
  },
  (t) => [index("tasks_assignee_idx").on(t.assigneeId, t.status, t.dueDate), index("tasks_project_idx").on(t.projectId)],
);

export const projectsRelations = relations(projects, ({ one, many }) => ({
  enterprise: one(enterprises, { fields: [projects.enterpriseId], references: [enterprises.id] }),
  industryChain: one(industryChains, { fields: [projects.industryChainId], references: [industryChains.id] }),
  owner: one(users, { fields: [projects.ownerId], references: [users.id] }),
  unit: one(units, { fields: [projects.unitId], references: [units.id] }),
  signing: one(signings, { fields: [projects.id], references: [signings.projectId] }),
  stageEvents: many(stageEvents),
  activities: many(activities),
  tasks: many(tasks),
}));

export type Project = typeof projects.$inferSelect;
export type StageEvent = typeof stageEvents.$inferSelect;
export type Activity = typeof activities.$inferSelect;
export type Task = typeof tasks.$inferSelect;

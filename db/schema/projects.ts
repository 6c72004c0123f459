import { relations, sql } from "drizzle-orm";
import { bigint, boolean, date, index, pgTable, uniqueIndex, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, mu, timestamps, version, yuan } from "./columns";
import { enterprises } from "./enterprises";
import {
  activityKindEnum,
  agreementTypeEnum,
  capitalOriginEnum,
  landUseEnum,
  projectSourceEnum,
  projectStageEnum,
  projectStatusEnum,
  reviewStatusEnum,
  taskStatusEnum,
} from "./enums";
import { events, parcels, parks } from "./land";
import { industryChains } from "./reference";
import { units } from "./units";
import { users } from "./users";

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
    /** 来源活动: the 推介会 (or other event) the lead came from. */
    sourceEventId: uuid().references(() => events.id, { onDelete: "set null" }),
    /** 落地园区: the park the project lands in or targets. */
    parkId: uuid().references(() => parks.id, { onDelete: "set null" }),
    /** 用地需求: land the project needs (亩) and for what use; drives parcel matching. */
    landNeedMu: mu(),
    landUse: landUseEnum(),
    description: text().notNull().default(""),
    /** When the stage or status last changed, and when the last activity happened: for stalled-project lists. */
    stageChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Archived (归档) records are hidden everywhere; an admin can restore them. Nothing is deleted from the UI. */
    archivedAt: timestamp({ withTimezone: true }),
    archivedById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
    version: version(),
  },
  (t) => [
    index("projects_unit_updated_idx").on(t.unitId, t.updatedAt),
    index("projects_owner_idx").on(t.ownerId, t.updatedAt),
    // A board column (one stage, newest change first) reads its first cards straight off this index.
    // Partial, like the next: every list reads live projects only (visibleProjects), and an
    // index without archived rows still answers counts from the index alone.
    index("projects_stage_idx").on(t.stage, t.status, t.updatedAt).where(sql`${t.archivedAt} is null`),
    // The board's per-stage count and Σ within a unit subtree read from this index alone.
    index("projects_unit_stage_idx").on(t.unitId, t.stage, t.status, t.totalInvestment).where(sql`${t.archivedAt} is null`),
    // The admin's archive list and the purge read the few archived rows off this one.
    index("projects_archived_idx").on(t.archivedAt).where(sql`${t.archivedAt} is not null`),
    // An investor's projects, and a project by its investor and exact name (the import's stable key).
    // The name in the "C" collation: equal exactly when equal at all, and a path the trigram index
    // on name cannot take (it answers "=" too, slowly, when names share most of their trigrams).
    index("projects_enterprise_idx").on(t.enterpriseId, sql`(${t.name} collate "C")`),
    index("projects_chain_idx").on(t.industryChainId),
    index("projects_source_idx").on(t.source),
    index("projects_total_investment_idx").on(t.totalInvestment),
    index("projects_created_idx").on(t.createdAt),
    index("projects_updated_idx").on(t.updatedAt),
    index("projects_park_idx").on(t.parkId),
    index("projects_source_event_idx").on(t.sourceEventId),
    index("projects_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
  ],
);

/** 签约: the facts of the signing. Required to reach `signed`; edited later through the signing form. */
export const signings = pgTable(
  "signings",
  {
    projectId: uuid()
      .primaryKey()
      .references(() => projects.id, { onDelete: "cascade" }),
    signingDate: date({ mode: "string" }).notNull(),
    agreementType: agreementTypeEnum().notNull().default("investment"),
    /** 协议投资额, in 元. */
    contractInvestment: yuan().notNull(),
    /** 一期投资, in 元. */
    phase1Investment: yuan(),
    /** 签约活动: the 集中签约仪式 or 推介会 it was signed at. */
    eventId: uuid().references(() => events.id, { onDelete: "set null" }),
    /** 项目服务管家: the one-to-one service steward. */
    stewardId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** 责任单位. */
    responsibleUnitId: uuid().references(() => units.id, { onDelete: "set null" }),
    /** 项目进展, 存在问题, 备注: the free-text columns of the 签约项目清单, kept current by the owner. */
    progress: text().notNull().default(""),
    issues: text().notNull().default(""),
    note: text().notNull().default(""),
    ...timestamps,
    version: version(),
  },
  (t) => [
    index("signings_date_idx").on(t.signingDate),
    index("signings_event_idx").on(t.eventId),
    index("signings_steward_idx").on(t.stewardId),
  ],
);

/**
 * 节点: after signing, each later stage (registered … operating) is a milestone with a planned
 * and an actual date. Recording the actual date makes it a stage report (审核): draft → pending →
 * approved (the project moves to that stage) or rejected with a comment.
 */
export const milestones = pgTable(
  "milestones",
  {
    id: id(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    stage: projectStageEnum().notNull(),
    plannedDate: date({ mode: "string" }),
    actualDate: date({ mode: "string" }),
    /** Registration: the new local company. */
    companyUscc: text(),
    companyName: text(),
    /** Land: the parcel (the contract date is the actual date). */
    parcelId: uuid().references(() => parcels.id, { onDelete: "set null" }),
    note: text().notNull().default(""),
    /** Null until a report is saved: a row may hold only the planned date. */
    reviewStatus: reviewStatusEnum(),
    submittedAt: timestamp({ withTimezone: true }),
    submittedById: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedById: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewComment: text().notNull().default(""),
    ...timestamps,
    version: version(),
  },
  (t) => [
    uniqueIndex("milestones_project_stage_idx").on(t.projectId, t.stage),
    index("milestones_review_idx").on(t.reviewStatus, t.stage),
  ],
);

/** 到位资金: money actually invested, as dated entries. */
export const fundsInPlace = pgTable(
  "funds_in_place",
  {
    id: id(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    receivedOn: date({ mode: "string" }).notNull(),
    /** In 元. */
    amount: yuan().notNull(),
    note: text().notNull().default(""),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("funds_in_place_project_idx").on(t.projectId, t.receivedOn)],
);

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
  park: one(parks, { fields: [projects.parkId], references: [parks.id] }),
  milestones: many(milestones),
  stageEvents: many(stageEvents),
  activities: many(activities),
  tasks: many(tasks),
}));

export type Project = typeof projects.$inferSelect;
export type StageEvent = typeof stageEvents.$inferSelect;
export type Activity = typeof activities.$inferSelect;
export type Task = typeof tasks.$inferSelect;
export type Signing = typeof signings.$inferSelect;
export type Milestone = typeof milestones.$inferSelect;
export type FundsEntry = typeof fundsInPlace.$inferSelect;

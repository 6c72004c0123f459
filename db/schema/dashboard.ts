import { boolean, char, date, index, integer, pgTable, unique, uuid } from "drizzle-orm/pg-core";
import { yuan, yuanSum } from "./columns";
import { projectSourceEnum, projectStageEnum, projectStatusEnum } from "./enums";
import { projects } from "./projects";

/**
 * Summary tables behind the dashboard (领导驾驶舱), so its figures at 1,000,000 projects are
 * sums over a few thousand rows instead of scans of millions. PostgreSQL keeps them right on
 * every write (triggers; migration 0013): each project's facts are worked out again from its
 * rows whenever one of them changes, and the sums move by the difference. Archived projects
 * have no facts and count nowhere. `dash_rebuild()` recomputes everything (after a bulk load).
 *
 * Dates are China dates. Each sum is kept per day (g = 'd') and per month (g = 'm', d = the
 * month's first day), in separate partitions: a period reads whole months from the small month
 * partition and the days at its edges from the day one.
 */

/** One row per project that is not archived: what the figures need to know about it. */
export const dashFacts = pgTable(
  "dash_facts",
  {
    projectId: uuid()
      .primaryKey()
      .references(() => projects.id, { onDelete: "cascade" }),
    unitId: uuid().notNull(),
    ownerId: uuid().notNull(),
    chainId: uuid(),
    parkId: uuid(),
    source: projectSourceEnum().notNull(),
    stage: projectStageEnum().notNull(),
    status: projectStatusEnum().notNull(),
    totalInvestment: yuan().notNull(),
    createdOn: date({ mode: "string" }).notNull(),
    /** The day of the last activity, or of the creation when there is none (stalled projects). */
    lastTouchOn: date({ mode: "string" }).notNull(),
    /** r0 … r8: the first day the project stood at lead … operating or a later stage (from the stage events). */
    r0: date({ mode: "string" }),
    r1: date({ mode: "string" }),
    r2: date({ mode: "string" }),
    r3: date({ mode: "string" }),
    r4: date({ mode: "string" }),
    r5: date({ mode: "string" }),
    r6: date({ mode: "string" }),
    r7: date({ mode: "string" }),
    r8: date({ mode: "string" }),
  },
  (t) => [index("dash_facts_created_idx").on(t.createdOn)],
);

/** One row per project on the signed list (签约 or later, with its signing facts), not archived. */
export const dashSigned = pgTable(
  "dash_signed",
  {
    projectId: uuid()
      .primaryKey()
      .references(() => projects.id, { onDelete: "cascade" }),
    unitId: uuid().notNull(),
    ownerId: uuid().notNull(),
    chainId: uuid(),
    parkId: uuid(),
    source: projectSourceEnum().notNull(),
    signedOn: date({ mode: "string" }).notNull(),
    contract: yuan().notNull(),
    totalInvestment: yuan().notNull(),
    top500: boolean().notNull(),
    centralSoe: boolean().notNull(),
    listed: boolean().notNull(),
    /** The first approved report's date at 注册 / 开工 / 投产 or a later stage; the first pending one's. */
    regOn: date({ mode: "string" }),
    regPendingOn: date({ mode: "string" }),
    startOn: date({ mode: "string" }),
    startPendingOn: date({ mode: "string" }),
    opOn: date({ mode: "string" }),
    opPendingOn: date({ mode: "string" }),
    /** The first planned date of a milestone not kept (approved reports only; with pending ones too): 履约 holds before it. */
    keptBreak: date({ mode: "string" }),
    keptPendingBreak: date({ mode: "string" }),
    fundsTotal: yuan().notNull(),
    fundsFirstOn: date({ mode: "string" }),
    fundsLastOn: date({ mode: "string" }),
  },
  (t) => [index("dash_signed_signed_idx").on(t.signedOn)],
);

const dims = {
  unitId: uuid().notNull(),
  ownerId: uuid().notNull(),
  chainId: uuid(),
  parkId: uuid(),
};

/**
 * Sums per day and month, each on its day: new leads (and how many of them have since reached
 * each stage), signings (their amounts, 亿元以上, investors), starts, operation, activities,
 * stalled projects (by their last activity) and open tasks (by their due date).
 */
export const dashCube = pgTable(
  "dash_cube",
  {
    g: char({ length: 1 }).notNull(),
    d: date({ mode: "string" }).notNull(),
    ...dims,
    leads: integer().notNull().default(0),
    /** Of the leads logged that day, how many have reached negotiating … operating (or later) since. */
    reached1: integer().notNull().default(0),
    reached2: integer().notNull().default(0),
    reached3: integer().notNull().default(0),
    reached4: integer().notNull().default(0),
    reached5: integer().notNull().default(0),
    reached6: integer().notNull().default(0),
    reached7: integer().notNull().default(0),
    reached8: integer().notNull().default(0),
    signed: integer().notNull().default(0),
    contract: yuanSum().notNull().default("0"),
    big: integer().notNull().default(0),
    bigContract: yuanSum().notNull().default("0"),
    top500: integer().notNull().default(0),
    centralSoe: integer().notNull().default(0),
    listed: integer().notNull().default(0),
    starts: integer().notNull().default(0),
    operating: integer().notNull().default(0),
    visits: integer().notNull().default(0),
    receptions: integer().notNull().default(0),
    promotions: integer().notNull().default(0),
    /** Active projects short of 投产 whose last activity (or creation) was that day. */
    idle: integer().notNull().default(0),
    /** Open tasks due that day. */
    openTasks: integer().notNull().default(0),
  },
  (t) => [unique("dash_cube_key").on(t.g, t.d, t.unitId, t.ownerId, t.chainId, t.parkId).nullsNotDistinct()],
);

/** Signings per day and month by project source (the one breakdown that needs it). */
export const dashCubeSource = pgTable(
  "dash_cube_source",
  {
    g: char({ length: 1 }).notNull(),
    d: date({ mode: "string" }).notNull(),
    ...dims,
    source: projectSourceEnum().notNull(),
    signed: integer().notNull().default(0),
    contract: yuanSum().notNull().default("0"),
  },
  (t) => [unique("dash_cube_source_key").on(t.g, t.d, t.unitId, t.ownerId, t.chainId, t.parkId, t.source).nullsNotDistinct()],
);

/** Active projects per stage, moved by each stage event on its day (g 'd', 'm', and 'a' for all time). */
export const dashFunnel = pgTable(
  "dash_funnel",
  {
    g: char({ length: 1 }).notNull(),
    d: date({ mode: "string" }).notNull(),
    ...dims,
    stage: projectStageEnum().notNull(),
    n: integer().notNull().default(0),
    total: yuanSum().notNull().default("0"),
  },
  (t) => [unique("dash_funnel_key").on(t.g, t.d, t.unitId, t.ownerId, t.chainId, t.parkId, t.stage).nullsNotDistinct()],
);

/** Active projects per stage now, with their Σ total investment. */
export const dashPipeline = pgTable(
  "dash_pipeline",
  {
    ...dims,
    stage: projectStageEnum().notNull(),
    n: integer().notNull().default(0),
    total: yuanSum().notNull().default("0"),
  },
  (t) => [unique("dash_pipeline_key").on(t.unitId, t.ownerId, t.chainId, t.parkId, t.stage).nullsNotDistinct()],
);

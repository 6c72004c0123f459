import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestamps, version } from "./columns";
import { enterprises } from "./enterprises";
import { gridRoleEnum, requestCategoryEnum, requestStatusEnum } from "./enums";
import { units } from "./units";
import { users } from "./users";

/** 网格: key enterprises and carriers grouped by area, each grid with its officers ("1+3": a lead and members). */
export const grids = pgTable(
  "grids",
  {
    id: id(),
    code: text().notNull().unique(),
    name: text().notNull(),
    /** 网格范围: streets, buildings or parks it covers. */
    area: text().notNull().default(""),
    /** 责任单位: its managers (and those above) manage the grid. */
    unitId: uuid()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    sortOrder: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    ...timestamps,
    version: version(),
  },
  (t) => [index("grids_unit_idx").on(t.unitId)],
);

export const gridOfficers = pgTable(
  "grid_officers",
  {
    gridId: uuid()
      .notNull()
      .references(() => grids.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: gridRoleEnum().notNull().default("member"),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.gridId, t.userId] }), index("grid_officers_user_idx").on(t.userId)],
);

/**
 * 诉求: an enterprise's request, timed by the "1510" rule — accepted the working day it is
 * received, replied within 5 and resolved within 10 working days. Each step keeps its time.
 */
export const serviceRequests = pgTable(
  "service_requests",
  {
    id: id(),
    enterpriseId: uuid()
      .notNull()
      .references(() => enterprises.id, { onDelete: "restrict" }),
    /** The enterprise's grid when the request came in. */
    gridId: uuid().references(() => grids.id, { onDelete: "set null" }),
    category: requestCategoryEnum().notNull(),
    title: text().notNull(),
    description: text().notNull().default(""),
    status: requestStatusEnum().notNull().default("received"),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    repliedAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    handlerId: uuid().references(() => users.id, { onDelete: "set null" }),
    reply: text().notNull().default(""),
    resolution: text().notNull().default(""),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
    version: version(),
  },
  (t) => [
    index("service_requests_grid_idx").on(t.gridId, t.receivedAt),
    index("service_requests_status_idx").on(t.status, t.receivedAt),
    index("service_requests_enterprise_idx").on(t.enterpriseId),
  ],
);

/**
 * 节假日: days off that are not weekends, and 调休 weekend days that are working days. The
 * 1510 clocks count working days: Monday to Friday, minus holidays, plus make-up days.
 */
export const holidays = pgTable("holidays", {
  day: date({ mode: "string" }).primaryKey(),
  name: text().notNull().default(""),
  /** True for a weekend day that is worked (调休上班). */
  isWorkday: boolean().notNull().default(false),
  ...timestamps,
});

export type Grid = typeof grids.$inferSelect;
export type ServiceRequest = typeof serviceRequests.$inferSelect;
export type Holiday = typeof holidays.$inferSelect;


import { bigint, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, mu, timestamps, version, yuan } from "./columns";
import { areaUnitEnum, eventKindEnum, landUseEnum, parcelStatusEnum } from "./enums";
import { projects } from "./projects";
import { industryChains } from "./reference";
import { units } from "./units";
import { users } from "./users";

/** 园区 ("一园一业"): a park with one leading industry chain. Admin-maintained, readable by everyone. */
export const parks = pgTable("parks", {
  id: id(),
  name: text().notNull().unique(),
  /** GB/T 2260 county code of the district it lies in (青岛高新区 has none of its own). */
  districtCode: text().notNull().default(""),
  /** Planned area in 亩 as reported (the parcels' own areas are summed separately). */
  areaMu: mu(),
  leadingChainId: uuid().references(() => industryChains.id, { onDelete: "set null" }),
  operator: text().notNull().default(""),
  description: text().notNull().default(""),
  sortOrder: integer().notNull().default(0),
  ...timestamps,
  version: version(),
});

/** 组团 / 片区: a cluster inside a park. */
export const zones = pgTable(
  "zones",
  {
    id: id(),
    parkId: uuid()
      .notNull()
      .references(() => parks.id, { onDelete: "cascade" }),
    name: text().notNull(),
    areaMu: mu(),
    description: text().notNull().default(""),
    sortOrder: integer().notNull().default(0),
    ...timestamps,
    version: version(),
  },
  (t) => [uniqueIndex("zones_park_name_idx").on(t.parkId, t.name)],
);

/** 地块: a land parcel. Area stored exactly in 亩 (see `mu`), with the unit it was typed in. */
export const parcels = pgTable(
  "parcels",
  {
    id: id(),
    code: text().notNull().unique(),
    parkId: uuid()
      .notNull()
      .references(() => parks.id, { onDelete: "restrict" }),
    zoneId: uuid().references(() => zones.id, { onDelete: "set null" }),
    location: text().notNull().default(""),
    areaMu: mu().notNull(),
    areaEnteredIn: areaUnitEnum().notNull().default("mu"),
    landUse: landUseEnum().notNull().default("industrial_m1"),
    /** 容积率. */
    floorAreaRatio: numeric({ precision: 6, scale: 2 }),
    /** 规划建筑面积, ㎡. */
    plannedFloorAreaSqm: numeric({ precision: 14, scale: 2 }),
    status: parcelStatusEnum().notNull().default("reserved"),
    statusChangedOn: date({ mode: "string" }),
    transferDate: date({ mode: "string" }),
    /** 出让金, in 元. */
    landPrice: yuan(),
    /** 地块匹配: the project this parcel is matched to. */
    projectId: uuid().references(() => projects.id, { onDelete: "set null" }),
    note: text().notNull().default(""),
    /** Archived (归档) records are hidden everywhere; an admin can restore them. Nothing is deleted from the UI. */
    archivedAt: timestamp({ withTimezone: true }),
    archivedById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
    version: version(),
  },
  (t) => [
    index("parcels_park_idx").on(t.parkId, t.zoneId),
    index("parcels_status_idx").on(t.status),
    index("parcels_land_use_idx").on(t.landUse),
    index("parcels_area_idx").on(t.areaMu),
    index("parcels_project_idx").on(t.projectId),
  ],
);

/** Every parcel status change with the date it happened: append-only. */
export const parcelStatusChanges = pgTable(
  "parcel_status_changes",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    parcelId: uuid()
      .notNull()
      .references(() => parcels.id, { onDelete: "cascade" }),
    fromStatus: parcelStatusEnum(),
    toStatus: parcelStatusEnum().notNull(),
    changedOn: date({ mode: "string" }).notNull(),
    note: text().notNull().default(""),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("parcel_status_changes_parcel_idx").on(t.parcelId, t.changedOn)],
);

/** 推介会 / 集中签约仪式. Projects signed there point at it from `signings.eventId`. */
export const events = pgTable(
  "events",
  {
    id: id(),
    name: text().notNull(),
    kind: eventKindEnum().notNull(),
    heldOn: date({ mode: "string" }).notNull(),
    place: text().notNull().default(""),
    hostUnitId: uuid().references(() => units.id, { onDelete: "set null" }),
    description: text().notNull().default(""),
    /** Archived (归档) records are hidden everywhere; an admin can restore them. Nothing is deleted from the UI. */
    archivedAt: timestamp({ withTimezone: true }),
    archivedById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
    version: version(),
  },
  (t) => [index("events_held_on_idx").on(t.heldOn)],
);

/** Projects met (pitched, negotiated) at an event, besides those signed there. */
export const eventProjects = pgTable(
  "event_projects",
  {
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.eventId, t.projectId] }), index("event_projects_project_idx").on(t.projectId)],
);

export type Park = typeof parks.$inferSelect;
export type Zone = typeof zones.$inferSelect;
export type Parcel = typeof parcels.$inferSelect;
export type Event = typeof events.$inferSelect;

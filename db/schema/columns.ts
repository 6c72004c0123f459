import { integer, timestamp, uuid } from "drizzle-orm/pg-core";

/** Shared column sets: every table has timestamps; mutable records carry a version for optimistic locking. */
export const id = () => uuid().primaryKey().defaultRandom();

export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const version = () => integer().notNull().default(1);

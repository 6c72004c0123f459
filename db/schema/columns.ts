import { integer, numeric, timestamp, uuid } from "drizzle-orm/pg-core";

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

/** Money in 元, exact: numeric(20,2) holds up to 10^18 元, far beyond any project. */
export const yuan = () => numeric({ precision: 20, scale: 2 });

/** A sum of 元 over any number of records (the dashboard's summaries): numeric without a bound, so no sum of valid amounts overflows. */
export const yuanSum = () => numeric();

/**
 * Land area in 亩, exact. 1 亩 = 10000/15 ㎡, so an area typed in ㎡ (2 decimals) is 0.0015 × ㎡ 亩:
 * at most 6 decimals. Either entry is stored without rounding.
 */
export const mu = () => numeric({ precision: 18, scale: 6 });

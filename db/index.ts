import "server-only";
import type pg from "pg";
import { createDb, createPool, type Db } from "./client";

export type { Db, DbOrTx, Tx } from "./client";

const globalForDb = globalThis as unknown as { crmPool?: pg.Pool; crmDb?: Db };

function connectionString(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which start the embedded database when DATABASE_URL is unset.",
    );
  }
  return url;
}

/** The app's one database client; the pool opens connections lazily, so `next build` needs no database. */
export function getDb(): Db {
  if (!globalForDb.crmDb) {
    globalForDb.crmPool = createPool(connectionString());
    globalForDb.crmDb = createDb(globalForDb.crmPool);
  }
  return globalForDb.crmDb;
}

export function getPool(): pg.Pool {
  getDb();
  return globalForDb.crmPool!;
}

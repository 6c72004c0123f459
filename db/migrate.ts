import { migrate } from "drizzle-orm/node-postgres/migrator";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { createDb, createPool, describeUrl } from "./client";

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

// Any constant will do: it only has to be the same for every instance of this app.
const MIGRATION_LOCK = 726_1001;

/**
 * Applies the committed migrations. Idempotent, and safe when several instances start
 * at once: an advisory lock lets one migrate while the others wait.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  const pool = createPool(url, 2);
  try {
    await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(createDb(pool), { migrationsFolder });
  } finally {
    await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await lock.end();
    await pool.end();
  }
}

/** Fails with one readable line naming the server and the failure. */
export async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code && !err.message.includes(err.code) ? `${err.code} ${err.message}` : err.message;
    throw new Error(`cannot reach the database at ${describeUrl(url)}: ${reason || err.code || "unknown error"}`);
  } finally {
    await client.end().catch(() => {});
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set (run through `npm run db:migrate`).");
    process.exit(1);
  }
  migrateDatabase(url)
    .then(() => console.log(`[db] migrations applied to ${describeUrl(url)}`))
    .catch((e) => {
      console.error(`[db] migration failed: ${e instanceof Error ? e.message : e}`);
      process.exit(1);
    });
}

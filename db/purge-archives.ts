/**
 * Deletes for good the records archived (归档) more than ARCHIVE_PURGE_DAYS days ago:
 *   npm run archive:purge                    (e.g. daily from cron)
 * `npm start` and `npm run dev` run it too, once, after the migrations. Without
 * ARCHIVE_PURGE_DAYS (or with a value that is not a positive whole number) nothing is deleted.
 */
import { pathToFileURL } from "node:url";
import { archivePurgeDays } from "../lib/archive/validation";
import { purgeArchives } from "../lib/archive/service";
import { createDb, createPool } from "./client";

/** Purges the database at `url` if ARCHIVE_PURGE_DAYS says so; returns the line to print. */
export async function purgeIfConfigured(url: string, env: Record<string, string | undefined> = process.env): Promise<string> {
  const days = archivePurgeDays(env);
  if (days === null) return "ARCHIVE_PURGE_DAYS is not set: archived records are kept.";
  const pool = createPool(url, 2);
  try {
    const r = await purgeArchives(createDb(pool), { days });
    return (
      `Archives older than ${days} days deleted: ${r.projects} projects, ${r.enterprises} enterprises, ${r.contacts} contacts, ${r.parcels} parcels, ${r.events} events` +
      (r.keptEnterprises ? ` (${r.keptEnterprises} enterprises kept: still referenced).` : ".")
    );
  } finally {
    await pool.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("✖ DATABASE_URL is not set (run through `npm run archive:purge`).");
    process.exit(1);
  }
  purgeIfConfigured(url)
    .then((line) => console.log(line))
    .catch((e: unknown) => {
      console.error(`✖ purge failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    });
}

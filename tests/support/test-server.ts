/**
 * Where tests get their PostgreSQL: the server in DATABASE_URL (tests create and drop
 * databases of their own on it, never touching its database), or — when unset — an
 * embedded server of their own in .data/test-pg on its own port, so `npm test` never
 * touches the development data and runs while `npm run dev` does.
 */
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbedded } from "../../db/embedded";

export type TestServer = { adminUrl: string; stop: () => Promise<void> };

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export async function startTestServer(): Promise<TestServer> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const host = new URL(url).hostname;
    // Tests create and drop databases: refuse to do that on a server that is not this machine's.
    if (!LOCAL_HOSTS.has(host) && process.env.CRM_TEST_ALLOW_REMOTE_DB !== "1") {
      throw new Error(`refusing to run tests against ${host}: DATABASE_URL must point at a local server (or set CRM_TEST_ALLOW_REMOTE_DB=1)`);
    }
    return { adminUrl: url, stop: async () => {} };
  }
  const server = await startEmbedded({
    dir: path.resolve(import.meta.dirname, "../../.data/test-pg"),
    port: Number(process.env.EMBEDDED_TEST_PG_PORT ?? 54339),
    quiet: true,
  });
  return { adminUrl: server.adminUrl, stop: server.stop };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Drops test databases left behind by runs that were killed (older than an hour, or of dead processes). */
export async function dropStaleTestDatabases(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like 'crm\\_test\\_%' or datname like 'crm\\_e2e\\_%'");
    for (const { datname } of rows) {
      // Names end in _<pid>_<8 hex> (see uniqueName), whatever comes before.
      const pid = Number(/_(\d+)_[0-9a-f]{8}$/.exec(datname)?.[1]);
      let alive = false;
      if (!pid) continue;
      try {
        process.kill(pid, 0);
        alive = true;
      } catch {}
      if (!alive) await client.query(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await client.end();
  }
}

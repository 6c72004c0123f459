/**
 * `npm test`: typecheck, lint, migration drift, unit, integration (PostgreSQL) and
 * end-to-end (production build in Chromium). DATABASE_URL set → tests make their own
 * databases on that server; unset → an embedded server in .data/test-pg. Either way the
 * development database is never touched.
 *
 *   npm test                         everything
 *   npm test -- --only e2e           one stage (typecheck, lint, migrations, unit, integration, e2e)
 *   npm test -- --only e2e --grep @smoke   pass a filter to Playwright
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateDatabase } from "../db/migrate";
import { seedDemoData } from "../db/seed";
import { adminQuery, dropStaleTestDatabases, startTestServer, uniqueName, withDatabase } from "./support/test-server";

const root = path.resolve(import.meta.dirname, "..");
const STAGES = ["typecheck", "lint", "migrations", "unit", "integration", "e2e"] as const;
type Stage = (typeof STAGES)[number];

const { values } = parseArgs({ options: { only: { type: "string", multiple: true }, grep: { type: "string" }, "skip-build": { type: "boolean" } } });
const only = new Set((values.only ?? []).flatMap((s) => s.split(",")) as Stage[]);
const selected = STAGES.filter((s) => only.size === 0 || only.has(s));

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env });
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}`))));
  });
}

const node = process.execPath;
const bin = (p: string) => path.join(root, "node_modules", p);

async function e2e() {
  const server = await startTestServer();
  await dropStaleTestDatabases(server.adminUrl);
  const database = uniqueName("crm_e2e");
  await adminQuery(server.adminUrl, `create database "${database}"`);
  const url = withDatabase(server.adminUrl, database);
  try {
    await migrateDatabase(url);
    await seedDemoData(url);
    const env = {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (!values["skip-build"]) await run(node, [bin("next/dist/bin/next"), "build"], env);
    await run(node, [bin("@playwright/test/cli.js"), "test", ...(values.grep ? ["--grep", values.grep] : [])], env);
  } finally {
    await adminQuery(server.adminUrl, `drop database if exists "${database}" with (force)`).catch(() => {});
    await server.stop();
  }
}

const tasks: Record<Stage, () => Promise<void>> = {
  typecheck: () => run(node, [bin("typescript/bin/tsc"), "--noEmit"]),
  lint: () => run(node, [bin("eslint/bin/eslint.js"), ".", "--max-warnings", "0"]),
  migrations: () => run(node, [bin("tsx/dist/cli.mjs"), "db/check-migrations.ts"]),
  unit: () => run(node, [bin("vitest/vitest.mjs"), "run", "--project", "unit"]),
  integration: () => run(node, [bin("vitest/vitest.mjs"), "run", "--project", "integration"]),
  e2e,
};

const started = Date.now();
for (const stage of selected) {
  const t0 = Date.now();
  console.log(`\n━━ ${stage} ━━`);
  try {
    await tasks[stage]();
  } catch (e) {
    console.error(`\n✖ ${stage} failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
  console.log(`✓ ${stage} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
console.log(`\n✓ all stages passed: ${selected.join(", ")} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

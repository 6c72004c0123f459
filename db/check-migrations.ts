/**
 * Fails when the Drizzle schema and the committed migrations disagree, i.e. when
 * `drizzle-kit generate` would write a new migration. Generates into a scratch copy.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const committed = path.join(root, "db/migrations");
const scratch = mkdtempSync(path.join(tmpdir(), "crm-migrations-"));
try {
  cpSync(committed, scratch, { recursive: true });
  const before = new Set(readdirSync(scratch));
  execFileSync(process.execPath, [path.join(root, "node_modules/drizzle-kit/bin.cjs"), "generate", "--name", "drift_check"], {
    cwd: root,
    env: { ...process.env, DRIZZLE_OUT: scratch },
    stdio: "pipe",
  });
  const added = readdirSync(scratch).filter((f) => !before.has(f));
  if (added.length) {
    console.error(`✖ The schema in db/schema differs from the committed migrations: drizzle-kit would add ${added.join(", ")}.`);
    console.error("  Run `npm run db:generate -- --name <change>` and commit db/migrations.");
    process.exit(1);
  }
  console.log("✓ db/migrations matches db/schema");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

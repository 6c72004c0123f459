/**
 * Demo data taken from what Qingdao's districts publish about their 招商 work. Idempotent: re-running adds what is missing and
 * changes nothing that exists. Run with `npm run db:seed`; the embedded database is seeded
 * automatically when first created. A server named by DATABASE_URL is only seeded on request.
 *
 *   npm run db:seed                          units, users, industry chains, the demo pipeline
 *   npm run db:seed -- --scale 100000        … plus 100,000 synthetic projects (db/synthetic.ts)
 *   npm run db:seed -- --scale 500 --anchor 2026-01-31   dates counted back from that day
 */
import { eq, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { hashPassword } from "../lib/auth/password";
import { createDb, createPool, type Db } from "./client";
import { DEMO_CHAINS, insertDemoPipeline } from "./demo-data";
import { insertDemoTargets } from "./demo-targets";
import { insertDemoWorkflows } from "./demo-workflows";
import { insertDemoLand } from "./demo-land";
import { seedDemoGrids } from "./demo-grids";
import { industryChains, units, users } from "./schema";
import type { Role } from "./schema/enums";
import { generateSynthetic } from "./synthetic";

export { DEMO_CHAINS, DEMO_ENTERPRISES, DEMO_PROJECTS } from "./demo-data";

export const DEMO_PASSWORD = "demo1234";

type UnitSeed = { code: string; name: string; parent?: string; sortOrder?: number };

// 青岛市 → districts and zones → their investment-promotion bureaus → the groups that chase projects.
export const DEMO_UNITS: UnitSeed[] = [
  { code: "QD-TZCJ", name: "青岛市投资促进局", sortOrder: 0 },
  { code: "QDHT", name: "青岛高新区管委会", parent: "QD-TZCJ", sortOrder: 1 },
  { code: "QDHT-TZCJ", name: "青岛高新区投资促进部", parent: "QDHT", sortOrder: 1 },
  { code: "QDHT-SWYY", name: "生物医药招商组", parent: "QDHT-TZCJ", sortOrder: 1 },
  { code: "QDHT-JMYQ", name: "精密仪器招商组", parent: "QDHT-TZCJ", sortOrder: 2 },
  { code: "QDHT-LDB", name: "项目落地服务专班", parent: "QDHT", sortOrder: 2 },
  { code: "370203-TZCJ", name: "市北区投资促进局", parent: "QD-TZCJ", sortOrder: 2 },
  { code: "370203-JKG", name: "健康谷招商专班", parent: "370203-TZCJ", sortOrder: 1 },
  { code: "370213-TZCJ", name: "李沧区投资促进局", parent: "QD-TZCJ", sortOrder: 3 },
  { code: "370213-SMYZ", name: "生命药洲招商组", parent: "370213-TZCJ", sortOrder: 1 },
];

export const DEMO_USERS: { username: string; displayName: string; role: Role; unit: string; note: string }[] = [
  { username: "admin", displayName: "系统管理员", role: "admin", unit: "QD-TZCJ", note: "管理员：用户、单位、参考数据" },
  { username: "manager", displayName: "王建国", role: "manager", unit: "QDHT-TZCJ", note: "负责人：青岛高新区投资促进部及下属两个招商组" },
  { username: "staff", displayName: "李明", role: "staff", unit: "QDHT-SWYY", note: "招商专员：高新区生物医药招商组" },
  { username: "staff2", displayName: "张华", role: "staff", unit: "370203-JKG", note: "招商专员：市北区健康谷招商专班（另一单位）" },
];

/**
 * Colleagues who own demo projects but are not demo logins: nobody knows their password
 * (an administrator can set one).
 */
export const DEMO_COLLEAGUES: { username: string; displayName: string; role: Role; unit: string }[] = [
  { username: "zhaolei", displayName: "赵磊", role: "staff", unit: "370213-SMYZ" },
  // 项目服务管家 of the 高新区's signed projects, in the 落地办.
  { username: "zhouzy", displayName: "周振宇", role: "staff", unit: "QDHT-LDB" },
];

export async function seed(db: Db, log: (line: string) => void = console.log): Promise<void> {
  const ids = new Map<string, string>();
  for (const u of DEMO_UNITS) {
    await db
      .insert(units)
      .values({ code: u.code, name: u.name, sortOrder: u.sortOrder ?? 0, parentId: u.parent ? ids.get(u.parent)! : null })
      .onConflictDoNothing({ target: units.code });
    const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, u.code));
    ids.set(u.code, row!.id);
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let added = 0;
  for (const u of DEMO_USERS) {
    const [exists] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${u.username}`);
    if (exists) continue;
    await db.insert(users).values({ username: u.username, displayName: u.displayName, role: u.role, unitId: ids.get(u.unit)!, passwordHash });
    added++;
  }

  const colleagueHash = await hashPassword(randomBytes(24).toString("base64url"));
  for (const u of DEMO_COLLEAGUES) {
    const [exists] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${u.username}`);
    if (exists) continue;
    await db.insert(users).values({ username: u.username, displayName: u.displayName, role: u.role, unitId: ids.get(u.unit)!, passwordHash: colleagueHash });
  }

  await db.insert(industryChains).values(DEMO_CHAINS.map((c) => ({ ...c }))).onConflictDoNothing({ target: industryChains.code });

  const pipeline = await seedPipeline(db, ids);
  const land = await seedLand(db);
  // Templates, and checklists on the demo parks and projects (after them, which they point at).
  const workflows = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7261003)`);
    return insertDemoWorkflows(tx);
  });

  // Targets for this year and last (China's year), for the dashboard to measure against.
  const targetsAdded = await insertDemoTargets(db, Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)));

  log(`[seed] ${DEMO_UNITS.length} units, ${added} new demo users (existing ones left unchanged).`);
  log(
    pipeline
      ? `[seed] Demo pipeline: ${pipeline.projects} projects of ${pipeline.enterprises} enterprises, with their history, activities and tasks.`
      : "[seed] Demo pipeline already present, left unchanged.",
  );
  log(
    land
      ? `[seed] Demo land: ${land.parks} parks with their zones, ${land.parcels} parcels (${land.matched} matched to projects).`
      : "[seed] Demo parks and parcels already present, left unchanged.",
  );
  log(`[seed] Workflow templates: ${workflows.templates} added; ${workflows.checklists} demo checklists started.`);
  log(`[seed] Demo targets: ${targetsAdded} added (this year and last).`);
  // The grid service last (it adds its own unit and officers); its summary before the logins.
  await seedDemoGrids(db, log);
  log(`[seed] Demo logins (password ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) log(`         ${u.username.padEnd(8)} ${u.note}`);
}

/** The demo enterprises and projects, in one transaction; nothing when they are already there. */
async function seedPipeline(db: Db, unitIds: Map<string, string>) {
  const people = await db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users);
  const chains = await db.select({ id: industryChains.id, code: industryChains.code }).from(industryChains);
  const refs = {
    unitIds,
    userIds: new Map(people.map((u) => [u.username.toLowerCase(), u.id])),
    userNames: new Map(people.map((u) => [u.username.toLowerCase(), u.displayName])),
    chainIds: new Map(chains.map((c) => [c.code, c.id])),
  };
  return db.transaction(async (tx) => {
    // Two seeds at once (two instances starting on a new database) take turns.
    await tx.execute(sql`select pg_advisory_xact_lock(7261002)`);
    return insertDemoPipeline(tx, refs);
  });
}

/** The demo parks, zones and parcels (db/demo-land.ts), after the pipeline whose projects they match. */
async function seedLand(db: Db) {
  const chains = await db.select({ id: industryChains.id, code: industryChains.code }).from(industryChains);
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, "admin"));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7261003)`);
    return insertDemoLand(tx, { chainIds: new Map(chains.map((c) => [c.code, c.id])), adminId: admin?.id ?? null });
  });
}

export async function seedDemoData(url: string, opts: { scale?: number; anchor?: string } = {}): Promise<void> {
  const pool = createPool(url, 2);
  try {
    const db = createDb(pool);
    await seed(db);
    if (opts.scale) await generateSynthetic(db, { scale: opts.scale, anchor: opts.anchor });
  } finally {
    await pool.end();
  }
}

function parseCli(argv: string[]): { scale?: number; anchor?: string } {
  const { values } = parseArgs({ args: argv, options: { scale: { type: "string" }, anchor: { type: "string" } } });
  const out: { scale?: number; anchor?: string } = {};
  if (values.scale !== undefined) {
    const n = Number(values.scale.replaceAll("_", ""));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--scale must be a positive whole number, not "${values.scale}"`);
    out.scale = n;
  }
  if (values.anchor !== undefined) out.anchor = values.anchor;
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set (run through `npm run db:seed`).");
    process.exit(1);
  }
  Promise.resolve()
    .then(() => seedDemoData(url, parseCli(process.argv.slice(2))))
    .catch((e) => {
      console.error(`[seed] failed: ${e instanceof Error ? e.message : e}`);
      process.exit(1);
    });
}

/**
 * Demo data from shared/domain/facts.md. Idempotent: re-running adds what is missing and
 * changes nothing that exists. Run with `npm run db:seed`; the embedded database is seeded
 * automatically when first created. A server named by DATABASE_URL is only seeded on request.
 */
import { eq, sql } from "drizzle-orm";
import { pathToFileURL } from "node:url";
import { hashPassword } from "../lib/auth/password";
import { createDb, createPool, type Db } from "./client";
import { units, users } from "./schema";
import type { Role } from "./schema/enums";

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

  log(`[seed] ${DEMO_UNITS.length} units, ${added} new demo users (existing ones left unchanged).`);
  log(`[seed] Demo logins (password ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) log(`         ${u.username.padEnd(8)} ${u.note}`);
}

export async function seedDemoData(url: string): Promise<void> {
  const pool = createPool(url, 2);
  try {
    await seed(createDb(pool));
  } finally {
    await pool.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set (run through `npm run db:seed`).");
    process.exit(1);
  }
  seedDemoData(url).catch((e) => {
    console.error(`[seed] failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}

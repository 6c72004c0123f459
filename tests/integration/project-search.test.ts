/**
 * The list's text search is built for speed (a union of indexed lookups, LIKE for text without
 * case); here it is checked against the plain definition — project name, enterprise name,
 * USCC or contact name, case-insensitively — on the demo data plus 500 synthetic projects.
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contacts, enterprises, projects, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { generateSynthetic } from "@/db/synthetic";
import type { Viewer } from "@/lib/auth/roles";
import { listProjects } from "@/lib/projects/queries";
import { escapeLike } from "@/lib/utils";
import { projectListSchema } from "@/lib/projects/validation";
import { createTestDb } from "../support/db";
import { viewerFor } from "./fixtures";

const { db } = await createTestDb();
let admin: Viewer;
let manager: Viewer;
let uscc: string;

beforeAll(async () => {
  await seed(db, () => {});
  await generateSynthetic(db, { scale: 500, anchor: "2026-01-15", log: () => {} });
  const byName = async (username: string) => viewerFor(db, (await db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id);
  admin = await byName("admin");
  manager = await byName("manager");
  const [e] = await db.select({ uscc: enterprises.uscc }).from(enterprises).where(sql`${enterprises.uscc} is not null`).limit(1);
  uscc = e!.uscc!;
  // Latin letters in each place a search looks, to exercise case-insensitivity.
  const [p] = await db.select({ id: projects.id, enterpriseId: projects.enterpriseId }).from(projects).where(eq(projects.name, "RCEP 医疗器械国际贸易中心"));
  await db.update(enterprises).set({ name: "Haier Biomedical（青岛）有限公司" }).where(eq(enterprises.id, p!.enterpriseId));
  await db.insert(contacts).values({ enterpriseId: p!.enterpriseId, name: "Zhang_Wei 100%" });
});

/** The definition, written plainly. */
async function reference(q: string): Promise<string[]> {
  const like = `%${escapeLike(q)}%`;
  const { rows } = await db.execute<{ id: string }>(sql`
    select p.id from projects p
     where p.name ilike ${like}
        or p.enterprise_id in (select e.id from enterprises e where e.name ilike ${like} or e.uscc = ${q.toUpperCase()}
                               union select c.enterprise_id from contacts c where c.name ilike ${like})`);
  return rows.map((r) => r.id).sort();
}

async function found(viewer: Viewer, q: string) {
  const { rows, total } = await listProjects(db, viewer, projectListSchema.parse({ q, size: 200 }));
  return { ids: rows.map((r) => r.id).sort(), total };
}

describe("project text search", () => {
  it("finds exactly what the plain definition finds", async () => {
    const queries = ["生物", "百洋", "健康谷", "科技城", "青岛", "医疗器械", uscc, uscc.toLowerCase(), "rcep", "RcEp", "haier bio", "HAIER", "zhang_wei", "100%", "%", "_", "周振宇", "1380000", "不存在的名字"];
    for (const q of queries) {
      const expected = await reference(q);
      const got = await found(admin, q);
      expect(got.total, q).toBe(expected.length);
      if (expected.length <= 200) expect(got.ids, q).toEqual(expected);
    }
  });

  it("matches Latin text whatever its case, and treats % and _ as themselves", async () => {
    expect((await found(admin, "rcep")).total).toBeGreaterThanOrEqual(1);
    expect((await found(admin, "haier biomedical")).ids).toEqual((await found(admin, "HAIER BIOMEDICAL")).ids);
    expect((await found(admin, "zhang_wei 100%")).total).toBe(1);
    expect((await found(admin, "zhangxwei")).total).toBe(0);
  });

  it("stays within the viewer's scope", async () => {
    const all = await reference("医");
    const mine = await found(manager, "医");
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(all.length);
    const { rows } = await db.execute<{ id: string }>(sql`
      select p.id from projects p join units u on u.id = p.unit_id
       where u.code in ('QDHT-TZCJ', 'QDHT-SWYY', 'QDHT-JMYQ') and p.id = any(${`{${all.join(",")}}`}::uuid[])`);
    expect(mine.total).toBe(rows.length);
  });
});

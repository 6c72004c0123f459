/**
 * Test data for end-to-end specs, written straight into the e2e database (tests/run.ts gives
 * Playwright its DATABASE_URL) through the same service functions the app uses, so a project
 * made here has its stage event and audit row like one made in the UI. Test-only.
 */
import { count, eq } from "drizzle-orm";
import { createDb, createPool, type Db } from "../../db/client";
import { enterprises, projects, stageEvents, units, users } from "../../db/schema";
import type { Viewer } from "../../lib/auth/roles";
import { createContact } from "../../lib/enterprises/service";
import { changeStage, createProject } from "../../lib/projects/service";

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the e2e tests through tests/run.ts");
  const host = new URL(url).hostname;
  // Writes test rows: never anywhere but a local server.
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`refusing to write test data to ${host}`);
  return url;
}

/** Runs `fn` with a short-lived connection to the e2e database. */
export async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const pool = createPool(databaseUrl(), 2);
  try {
    return await fn(createDb(pool));
  } finally {
    await pool.end();
  }
}

/** The viewer a session of this demo user would carry. */
export async function viewerOf(db: Db, username: string): Promise<Viewer> {
  const [row] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, unitId: users.unitId, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row;
}

let counter = 0;
/** A name no other test run has used: worker, time and a counter. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix} ${process.env.TEST_WORKER_INDEX ?? "0"}${Date.now().toString(36).slice(-5)}${counter}`;
}

/**
 * An enterprise of the user's unit and one lead project per name, owned by that user.
 * Amounts in 亿元, as typed in the form.
 */
export async function createProjectsFor(username: string, items: { name: string; totalInvestmentYi: string; isKey?: boolean }[]) {
  return withDb(async (db) => {
    const viewer = await viewerOf(db, username);
    const [enterprise] = await db
      .insert(enterprises)
      .values({ name: uniqueName("测试投资方"), unitId: viewer.unitId, createdById: viewer.id })
      .returning({ id: enterprises.id, name: enterprises.name });
    const created = [];
    for (const item of items) {
      const project = await createProject(db, viewer, {
        name: item.name,
        enterpriseId: enterprise!.id,
        industryChainId: "",
        source: "walk_in",
        totalInvestmentYi: item.totalInvestmentYi,
        capitalOrigin: "local",
        ownerId: viewer.id,
        unitId: viewer.unitId,
        isKey: item.isKey ?? false,
        expectedSigningDate: "",
      });
      created.push({ id: project.id, name: project.name });
    }
    return { enterprise: enterprise!, projects: created };
  });
}

/** Contacts added to an enterprise by `username`, as the enterprise page adds them (audited). */
export async function addContactsAs(username: string, enterpriseId: string, names: string[]) {
  return withDb(async (db) => {
    const viewer = await viewerOf(db, username);
    const created = [];
    for (const name of names) created.push(await createContact(db, viewer, enterpriseId, { name, title: "总经理", phone: "13800000000" }));
    return created.map((c) => ({ id: c.id, name: c.name }));
  });
}

/** Where a project stands in the database, and how many stage events it has. */
export async function projectState(id: string) {
  return withDb(async (db) => {
    const [row] = await db.select({ stage: projects.stage, status: projects.status, version: projects.version }).from(projects).where(eq(projects.id, id));
    const [events] = await db.select({ n: count() }).from(stageEvents).where(eq(stageEvents.projectId, id));
    return { ...row!, events: events!.n };
  });
}

/** Moves a project as `username` would in the stage dialog (same rules, stage event and audit). */
export async function changeStageAs(username: string, id: string, input: Record<string, unknown>) {
  return withDb(async (db) => {
    const viewer = await viewerOf(db, username);
    const [row] = await db.select({ version: projects.version }).from(projects).where(eq(projects.id, id));
    return changeStage(db, viewer, id, { toStatus: "active", version: row!.version, ...input });
  });
}

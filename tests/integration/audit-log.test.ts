/** The audit log viewer's queries: filters, keyset paging over a long log, admins only. */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { auditEntityTypes, auditListSchema, auditNames, fieldChanges, listAudit, AUDIT_PAGE_SIZE } from "@/lib/audit/log";
import { writeAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/roles";
import { ForbiddenError } from "@/lib/errors";
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();
let admin: Viewer, manager: Viewer;
const PROJECT = "0a3c3d9e-7f4b-4c1e-9d2a-5b6c7d8e9f00";

beforeAll(async () => {
  const unit = await insertUnit(db, { name: "青岛市投资促进局" });
  admin = await insertViewer(db, "admin", unit.id);
  manager = await insertViewer(db, "manager", unit.id);
  // 120 sign-ins by the manager over three days, one project edit by the admin, one export.
  await db.execute(sql`
    insert into audit_log (actor_id, action, entity_type, entity_id, ip, at)
    select ${manager.id}, 'sign_in', 'user', ${manager.id}, '10.0.0.' || g, timestamptz '2026-03-01 09:00+08' + (g || ' minutes')::interval * 30
      from generate_series(1, 120) g`);
  await db.insert(auditLog).values({
    actorId: admin.id,
    action: "update",
    entityType: "project",
    entityId: PROJECT,
    before: { totalInvestment: "100000000.00", stage: "negotiating" },
    after: { totalInvestment: "200000000.00", stage: "intent" },
    at: new Date("2026-03-02T12:00:00+08:00"),
  });
  await writeAudit(db, { actorId: manager.id, action: "export", entityType: "signed_projects", after: { format: "xlsx", rowCount: 12 } });
});

const list = (viewer: Viewer, q: Record<string, string> = {}) => listAudit(db, viewer, auditListSchema.parse(q));

describe("audit log viewer", () => {
  it("is for admins only", async () => {
    expect(await rejection(list(manager))).toBeInstanceOf(ForbiddenError);
  });

  it("pages through a long log newest first, each entry once", async () => {
    const seen = new Set<number>();
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await list(admin, { actor: manager.id, action: "sign_in", ...(before ? { before } : {}) });
      for (const r of page.rows) {
        expect(seen.has(r.id)).toBe(false);
        seen.add(r.id);
      }
      const times = page.rows.map((r) => r.at.getTime());
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      before = page.next ?? undefined;
      pages++;
    } while (before);
    expect(seen.size).toBe(120);
    expect(pages).toBe(Math.ceil(120 / AUDIT_PAGE_SIZE));
  });

  it("filters by record, action, user and China-time dates; exports and sign-ins are there", async () => {
    const edits = await list(admin, { type: "project", id: PROJECT });
    expect(edits.rows).toHaveLength(1);
    const changes = fieldChanges(edits.rows[0]!.before, edits.rows[0]!.after);
    expect(changes).toHaveLength(2);
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: "totalInvestment", before: "100000000.00", after: "200000000.00" },
        { field: "stage", before: "negotiating", after: "intent" },
      ]),
    );
    expect((await list(admin, { action: "export" })).rows.map((r) => r.entityType)).toEqual(["signed_projects"]);
    // 2026-03-01 in China: sign-ins from 09:30 to 23:30 → 29 of them.
    expect((await list(admin, { action: "sign_in", from: "2026-03-01", to: "2026-03-01" })).rows.length).toBe(29);
    expect((await list(admin, { actor: admin.id })).rows.map((r) => r.action)).toEqual(["update"]);
    // Malformed filters are dropped, not errors.
    expect((await list(admin, { before: "x'; drop table audit_log; --", action: "nope" })).rows.length).toBe(AUDIT_PAGE_SIZE);
    expect(await auditEntityTypes(db)).toEqual(["project", "signed_projects", "user"]);
    const names = await auditNames(db, (await list(admin, { action: "sign_in" })).rows);
    expect(names.get(manager.id)).toBe(manager.displayName);
    // Ids a field holds are named too.
    const [withRef] = await db
      .insert(auditLog)
      .values({ actorId: admin.id, action: "update", entityType: "project", entityId: PROJECT, before: { ownerId: admin.id }, after: { ownerId: manager.id } })
      .returning();
    const both = await auditNames(db, [withRef!]);
    expect([both.get(admin.id), both.get(manager.id)]).toEqual([admin.displayName, manager.displayName]);
  });
});

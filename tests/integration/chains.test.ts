import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, industryChains } from "@/db/schema";
import type { Viewer } from "@/lib/auth/roles";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { listChains } from "@/lib/reference/queries";
import { createChain, updateChain } from "@/lib/reference/service";
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();
let admin: Viewer, manager: Viewer;

beforeAll(async () => {
  const unit = await insertUnit(db);
  admin = await insertViewer(db, "admin", unit.id);
  manager = await insertViewer(db, "manager", unit.id);
});

describe("industry chains", () => {
  it("admins create chains; managers may not, and nothing is written", async () => {
    const created = await createChain(db, admin, { name: "医疗器械", code: "SB-YLQX", system: "3+1", sortOrder: 1 });
    expect(created).toMatchObject({ name: "医疗器械", active: true });
    expect(await rejection(createChain(db, manager, { name: "越权", code: "X" }))).toBeInstanceOf(ForbiddenError);
    expect(await db.select().from(industryChains).where(eq(industryChains.code, "X"))).toEqual([]);
  });

  it("codes are unique", async () => {
    const e = await rejection(createChain(db, admin, { name: "重复", code: "SB-YLQX" }));
    expect((e as ValidationError).fields).toEqual({ code: ["chains.errors.codeTaken"] });
  });

  it("retiring a chain hides it from new choices, audits the change, and refuses stale saves", async () => {
    const chain = await createChain(db, admin, { name: "数字医疗", code: "SB-SZYL", system: "3+1" });
    const retired = await updateChain(db, admin, chain.id, { name: "数字医疗", code: "SB-SZYL", system: "3+1", active: false, version: chain.version });
    expect((await listChains(db)).map((c) => c.name)).not.toContain("数字医疗");
    expect((await listChains(db, { activeOnly: false })).map((c) => c.name)).toContain("数字医疗");
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, chain.id)).orderBy(auditLog.id).offset(1);
    expect(audit).toMatchObject({ action: "update", before: { active: true }, after: { active: false } });
    expect(await rejection(updateChain(db, admin, chain.id, { name: "改名", code: "SB-SZYL", version: chain.version }))).toBeInstanceOf(ConflictError);
    expect(retired.version).toBe(chain.version + 1);
  });
});

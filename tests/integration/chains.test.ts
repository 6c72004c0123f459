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

  it("two admins at once: disjoint edits both survive; the same field is refused with the current values", async () => {
    const chain = await createChain(db, admin, { name: "海洋生物医药", code: "HY-SWYY", system: "3+1", sortOrder: 3 });
    await updateChain(db, admin, chain.id, { active: false, version: 1 });
    const stale = (await rejection(updateChain(db, admin, chain.id, { system: "新兴", version: 1 }))) as ConflictError;
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toEqual({ name: "海洋生物医药", code: "HY-SWYY", system: "3+1", sortOrder: 3, active: false, version: 2 });
    await updateChain(db, admin, chain.id, { system: "新兴", version: 2 });
    const [row] = await db.select().from(industryChains).where(eq(industryChains.id, chain.id));
    expect(row).toMatchObject({ name: "海洋生物医药", system: "新兴", sortOrder: 3, active: false, version: 3 });
    await updateChain(db, admin, chain.id, { name: "海洋医药", version: 3 });
    const clash = (await rejection(updateChain(db, admin, chain.id, { name: "蓝色医药", version: 3 }))) as ConflictError;
    expect(clash.current).toMatchObject({ name: "海洋医药", version: 4 });
  });
});

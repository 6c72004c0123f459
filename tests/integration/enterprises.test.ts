import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, contacts, enterprises, projects, type Unit } from "@/db/schema";
import type { Viewer } from "@/lib/auth/roles";
import {
  findLikelyDuplicates,
  getEnterprise,
  listContactHistory,
  listContacts,
  listEnterpriseProjects,
  listEnterprises,
  searchEnterprisesForPicker,
} from "@/lib/enterprises/queries";
import { archiveContact } from "@/lib/archive/service";
import { createContact, createEnterprise, updateContact, updateEnterprise } from "@/lib/enterprises/service";
import { usccCheckChar } from "@/lib/enterprises/uscc";
import { enterpriseListSchema } from "@/lib/enterprises/validation";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer, rejection, suffix } from "./fixtures";

const { db } = await createTestDb();

/** A valid USCC that no other test uses: a random body and its check character. */
function freshUscc(): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let body = "913702";
  for (let i = 0; i < 11; i++) body += i < 2 ? String(Math.floor(Math.random() * 10)) : alphabet[Math.floor(Math.random() * 31)];
  return body + usccCheckChar(body);
}

async function tableCounts() {
  const [[e], [c], [a]] = await Promise.all([
    db.select({ n: count() }).from(enterprises),
    db.select({ n: count() }).from(contacts),
    db.select({ n: count() }).from(auditLog),
  ]);
  return { enterprises: e!.n, contacts: c!.n, audit: a!.n };
}

const list = (v: Viewer, params: Record<string, string> = {}) => listEnterprises(db, v, enterpriseListSchema.parse({ size: "100", ...params }));
const idsOf = async (v: Viewer, params: Record<string, string> = {}) => (await list(v, params)).rows.map((r) => r.id);

let hq: Unit, zone: Unit, bio: Unit, instruments: Unit, shibei: Unit, healthValley: Unit;
let admin: Viewer, manager: Viewer, staff: Viewer, staffB: Viewer, staff2: Viewer;

beforeAll(async () => {
  hq = await insertUnit(db, { name: "青岛市投资促进局" });
  zone = await insertUnit(db, { name: "青岛高新区投资促进部", parentId: hq.id });
  bio = await insertUnit(db, { name: "生物医药招商组", parentId: zone.id });
  instruments = await insertUnit(db, { name: "精密仪器招商组", parentId: zone.id });
  shibei = await insertUnit(db, { name: "市北区投资促进局", parentId: hq.id });
  healthValley = await insertUnit(db, { name: "健康谷招商专班", parentId: shibei.id });
  admin = await insertViewer(db, "admin", hq.id);
  manager = await insertViewer(db, "manager", zone.id);
  staff = await insertViewer(db, "staff", bio.id);
  staffB = await insertViewer(db, "staff", instruments.id);
  staff2 = await insertViewer(db, "staff", healthValley.id);
});

describe("visibility", () => {
  let bioEnterprise: { id: string; version: number };
  let instrumentsEnterprise: { id: string };

  beforeAll(async () => {
    bioEnterprise = await createEnterprise(db, staff, { name: `彩晖生物科技有限公司 ${suffix()}`, ownershipType: "private" });
    instrumentsEnterprise = await createEnterprise(db, staffB, { name: `朗森精密仪器有限公司 ${suffix()}` });
  });

  it("registers the enterprise for the creator's unit", async () => {
    const [row] = await db.select().from(enterprises).where(eq(enterprises.id, bioEnterprise.id));
    expect(row).toMatchObject({ unitId: bio.id, createdById: staff.id, version: 1 });
  });

  it.each([
    ["admin", () => admin, true, true],
    ["the manager above both groups", () => manager, true, true],
    ["staff of the registering group", () => staff, true, false],
    ["staff of the sibling group", () => staffB, false, true],
    ["staff2 of another district", () => staff2, false, false],
  ] as const)("%s: in the list and by id exactly as the unit tree says", async (_who, viewer, seesBio, seesInstruments) => {
    const v = viewer();
    const ids = await idsOf(v);
    expect(ids.includes(bioEnterprise.id)).toBe(seesBio);
    expect(ids.includes(instrumentsEnterprise.id)).toBe(seesInstruments);
    expect(Boolean(await getEnterprise(db, v, bioEnterprise.id))).toBe(seesBio);
    expect(Boolean(await getEnterprise(db, v, instrumentsEnterprise.id))).toBe(seesInstruments);
    const picker = (await searchEnterprisesForPicker(db, v, "")).map((r) => r.id);
    expect(picker.includes(bioEnterprise.id)).toBe(seesBio);
  });

  it("another unit can neither change it nor add contacts to it, and nothing is written", async () => {
    const before = await tableCounts();
    const e1 = await rejection(updateEnterprise(db, staff2, bioEnterprise.id, { name: "改名", version: 1 }));
    const e2 = await rejection(createContact(db, staff2, bioEnterprise.id, { name: "刘洋" }));
    expect(e1).toBeInstanceOf(NotFoundError);
    expect(e2).toBeInstanceOf(NotFoundError);
    expect(await listContacts(db, staff2, bioEnterprise.id)).toEqual([]);
    expect(await tableCounts()).toEqual(before);
  });

  it("a malformed id is simply not found", async () => {
    expect(await rejection(updateEnterprise(db, admin, "not-a-uuid", { name: "某企业", version: 1 }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(createContact(db, admin, "not-a-uuid", { name: "刘洋" }))).toBeInstanceOf(NotFoundError);
  });

  it("becomes visible to staff2 once a project of staff2's unit uses it — with only staff2's projects", async () => {
    const e = await createEnterprise(db, staff, { name: `百洋医药集团有限公司 ${suffix()}` });
    await db.insert(projects).values({ name: "百洋医疗器械产业园", enterpriseId: e.id, ownerId: staff.id, unitId: bio.id, totalInvestment: "500000000" });
    expect(await getEnterprise(db, staff2, e.id)).toBeNull();

    await db.insert(projects).values({ name: "健康谷数字医疗中心", enterpriseId: e.id, ownerId: staff2.id, unitId: healthValley.id, totalInvestment: "1234567800" });
    expect(await getEnterprise(db, staff2, e.id)).toMatchObject({ id: e.id });
    expect(await idsOf(staff2)).toContain(e.id);
    expect((await searchEnterprisesForPicker(db, staff2, "百洋医药")).map((r) => r.id)).toContain(e.id);

    // Each sees only the projects they may see; the list counts only those.
    expect((await listEnterpriseProjects(db, staff2, e.id)).map((p) => p.name)).toEqual(["健康谷数字医疗中心"]);
    expect((await listEnterpriseProjects(db, staff, e.id)).map((p) => p.name)).toEqual(["百洋医疗器械产业园"]);
    expect((await listEnterpriseProjects(db, admin, e.id)).map((p) => p.name).sort()).toEqual(["健康谷数字医疗中心", "百洋医疗器械产业园"].sort());
    const [staff2Row] = (await list(staff2, { q: e.name })).rows;
    expect(staff2Row).toMatchObject({ id: e.id, projectCount: 1 });
    expect((await list(admin, { q: e.name })).rows[0]).toMatchObject({ projectCount: 2 });
    const [p] = await listEnterpriseProjects(db, staff2, e.id);
    expect(p).toMatchObject({ stage: "lead", status: "active", totalInvestment: "1234567800.00", ownerName: expect.any(String) });

    // …and so staff2 may edit it and add a contact, like anyone who can see it.
    const updated = await updateEnterprise(db, staff2, e.id, { name: e.name, headquarters: "山东省青岛市", version: 1 });
    expect(updated.version).toBe(2);
    await createContact(db, staff2, e.id, { name: "付总", phone: "0532-88886666" });
    expect((await listContacts(db, staff, e.id)).map((c) => c.name)).toEqual(["付总"]);
  });
});

describe("list", () => {
  const tag = `链主${suffix()}`;
  let a: { id: string; name: string }, b: { id: string; name: string; uscc: string | null };

  beforeAll(async () => {
    a = await createEnterprise(db, manager, { name: `海克斯康测量技术（青岛）有限公司 ${suffix()}`, ownershipType: "foreign", tags: [tag, "链主企业"] });
    b = await createEnterprise(db, manager, { name: `伟隆智能阀门股份有限公司 ${suffix()}`, ownershipType: "private", uscc: freshUscc() });
    await createContact(db, manager, b.id, { name: "宋联络员", title: "董事会秘书" });
  });

  it("searches name, USCC (any case, part of it) and contact names", async () => {
    expect(await idsOf(manager, { q: a.name.slice(0, 5) })).toContain(a.id);
    expect(await idsOf(manager, { q: b.uscc!.toLowerCase() })).toEqual([b.id]);
    expect(await idsOf(manager, { q: b.uscc!.slice(0, 12) })).toEqual([b.id]);
    expect(await idsOf(manager, { q: "宋联络员" })).toEqual([b.id]);
    // LIKE wildcards are taken literally.
    expect(await idsOf(manager, { q: "%" })).toEqual([]);
  });

  it("filters by ownership type and tag", async () => {
    const foreign = await list(manager, { ownership: "foreign" });
    expect(foreign.rows.every((r) => r.ownershipType === "foreign")).toBe(true);
    expect(foreign.rows.map((r) => r.id)).toContain(a.id);
    expect(await idsOf(manager, { tag })).toEqual([a.id]);
    expect(await idsOf(manager, { tag, ownership: "private" })).toEqual([]);
  });

  it("pages with a total count and a stable order", async () => {
    const all = await list(admin, { sort: "name", dir: "asc" });
    expect(all.total).toBe(all.rows.length);
    const first = await listEnterprises(db, admin, enterpriseListSchema.parse({ sort: "name", dir: "asc", size: "20" }));
    expect(first.total).toBe(all.total);
    expect(first.rows.map((r) => r.id)).toEqual(all.rows.slice(0, 20).map((r) => r.id));
    const byProjects = await list(admin, { sort: "projects", dir: "desc" });
    const counts = byProjects.rows.map((r) => r.projectCount);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
  });
});

describe("USCC uniqueness", () => {
  it("refuses a code already registered, whoever registered it, next to the field", async () => {
    const uscc = freshUscc();
    await createEnterprise(db, staff, { name: `青岛国药科技城有限公司 ${suffix()}`, uscc });
    const before = await tableCounts();
    for (const [viewer, code] of [
      [staff, uscc],
      [staff2, uscc.toLowerCase()],
    ] as const) {
      const e = await rejection(createEnterprise(db, viewer, { name: "国药科技城（重复）", uscc: code }));
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fields).toEqual({ uscc: ["enterprises.errors.usccTaken"] });
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses changing an enterprise's code to another one's; keeping its own is fine", async () => {
    const taken = freshUscc();
    await createEnterprise(db, staff, { name: `威高集团有限公司 ${suffix()}`, uscc: taken });
    const own = freshUscc();
    const mine = await createEnterprise(db, staff, { name: `威高骨科 ${suffix()}`, uscc: own });
    const e = await rejection(updateEnterprise(db, staff, mine.id, { name: mine.name, uscc: taken, version: 1 }));
    expect((e as ValidationError).fields).toEqual({ uscc: ["enterprises.errors.usccTaken"] });
    expect((await updateEnterprise(db, staff, mine.id, { name: `${mine.name}（更名）`, uscc: own, version: 1 })).version).toBe(2);
  });

  it("lets any number of enterprises have no code", async () => {
    await createEnterprise(db, staff, { name: "未登记代码甲" });
    await expect(createEnterprise(db, staff, { name: "未登记代码乙", uscc: "" })).resolves.toMatchObject({ uscc: null });
  });

  it("of two concurrent creates with the same code, exactly one succeeds; the other gets the field error", async () => {
    for (let round = 0; round < 3; round++) {
      const uscc = freshUscc();
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, (_, i) => createEnterprise(db, i % 2 ? staff : staff2, { name: `并发企业 ${round}-${i}`, uscc })),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
        expect(r.reason).toBeInstanceOf(ValidationError);
        expect((r.reason as ValidationError).fields).toEqual({ uscc: ["enterprises.errors.usccTaken"] });
      }
      const [{ n }] = (await db.select({ n: count() }).from(enterprises).where(eq(enterprises.uscc, uscc))) as [{ n: number }];
      expect(n).toBe(1);
    }
  });
});

describe("likely duplicates", () => {
  let haier: { id: string; name: string; uscc: string | null };
  let hidden: { id: string; uscc: string | null };

  beforeAll(async () => {
    haier = await createEnterprise(db, staff, { name: "海尔生物医疗科技有限公司", uscc: freshUscc(), headquarters: "山东省青岛市" });
    hidden = await createEnterprise(db, staffB, { name: "艾普智能仪器有限公司", uscc: freshUscc() });
  });

  it("finds a visible enterprise by the same USCC, however it is typed", async () => {
    const found = await findLikelyDuplicates(db, staff, { name: "", uscc: ` ${haier.uscc!.toLowerCase()} ` });
    expect(found.matches).toEqual([{ id: haier.id, name: haier.name, uscc: haier.uscc, headquarters: "山东省青岛市", reason: "uscc" }]);
    expect(found.usccTakenElsewhere).toBe(false);
  });

  it.each(["海尔生物医疗", "海尔生物医疗股份有限公司", "青岛海尔生物医疗科技有限公司", "海尔生物"])("finds it by the similar Chinese name %s", async (name) => {
    const found = await findLikelyDuplicates(db, staff, { name, uscc: "" });
    expect(found.matches.map((m) => m.id)).toContain(haier.id);
    expect(found.matches.find((m) => m.id === haier.id)?.reason).toBe("name");
  });

  it("does not flag an unrelated name", async () => {
    const found = await findLikelyDuplicates(db, staff, { name: "中化云谷数字经济产业园", uscc: "" });
    expect(found.matches.map((m) => m.id)).not.toContain(haier.id);
  });

  it("lists a USCC match once, first, even when the name is similar too", async () => {
    const found = await findLikelyDuplicates(db, staff, { name: "海尔生物医疗", uscc: haier.uscc! });
    expect(found.matches[0]).toMatchObject({ id: haier.id, reason: "uscc" });
    expect(found.matches.filter((m) => m.id === haier.id)).toHaveLength(1);
  });

  it("never names another unit's enterprise: only says its code is taken", async () => {
    const byName = await findLikelyDuplicates(db, staff2, { name: "海尔生物医疗", uscc: "" });
    expect(byName.matches.map((m) => m.id)).not.toContain(haier.id);
    const byCode = await findLikelyDuplicates(db, staff, { name: "艾普智能仪器", uscc: hidden.uscc! });
    expect(byCode.usccTakenElsewhere).toBe(true);
    expect(JSON.stringify(byCode)).not.toContain("艾普");
    expect(byCode.matches.map((m) => m.id)).not.toContain(hidden.id);
  });

  it("leaves out the enterprise being edited", async () => {
    const found = await findLikelyDuplicates(db, staff, { name: haier.name, uscc: haier.uscc!, excludeId: haier.id });
    expect(found.matches.map((m) => m.id)).not.toContain(haier.id);
    expect(found.usccTakenElsewhere).toBe(false);
  });

  it("the picker finds visible enterprises by part of the name or the start of the code, at most 20", async () => {
    expect((await searchEnterprisesForPicker(db, staff, "生物医疗")).map((r) => r.id)).toContain(haier.id);
    expect((await searchEnterprisesForPicker(db, staff, haier.uscc!.slice(0, 10).toLowerCase())).map((r) => r.id)).toEqual([haier.id]);
    expect((await searchEnterprisesForPicker(db, staff2, "生物医疗")).map((r) => r.id)).not.toContain(haier.id);
    expect(await searchEnterprisesForPicker(db, staff, "艾普智能")).toEqual([]);
    for (let i = 0; i < 22; i++) await createEnterprise(db, staff, { name: `批量企业${i}` });
    expect(await searchEnterprisesForPicker(db, staff, "批量企业")).toHaveLength(20);
  });
});

describe("optimistic locking and audit", () => {
  it("writes an audit row with the new enterprise", async () => {
    const e = await createEnterprise(db, staff, { name: `斯坦德医疗检测有限公司 ${suffix()}`, tags: ["专精特新"] }, { ip: "10.0.0.8" });
    const rows = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "enterprise"), eq(auditLog.entityId, e.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "create", actorId: staff.id, ip: "10.0.0.8" });
    expect(rows[0]!.after).toMatchObject({ name: e.name, tags: ["专精特新"], unitId: bio.id });
  });

  it("an update audits only the changed fields, in the same transaction", async () => {
    const e = await createEnterprise(db, staff, { name: `中科院青能所合成生物平台 ${suffix()}` });
    await updateEnterprise(db, manager, e.id, { name: e.name, industryCode: "m7320", ownershipType: "local_soe", version: 1 });
    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, e.id), eq(auditLog.action, "update")));
    expect(row!.before).toEqual({ industryCode: "", ownershipType: null });
    expect(row!.after).toEqual({ industryCode: "M7320", ownershipType: "local_soe" });
    expect(row!.actorId).toBe(manager.id);
  });

  it("refuses a save over a newer version, writes nothing, and hands back the current row", async () => {
    const e = await createEnterprise(db, staff, { name: `联东U谷青岛中心 ${suffix()}` });
    await updateEnterprise(db, manager, e.id, { name: e.name, headquarters: "北京市", version: 1 });
    const before = await tableCounts();
    const [rowBefore] = await db.select().from(enterprises).where(eq(enterprises.id, e.id));
    const err = await rejection(updateEnterprise(db, staff, e.id, { name: "联东U谷（我的修改）", version: 1 }));
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).message).toBe("errors.staleVersion");
    expect((err as ConflictError).current).toMatchObject({ headquarters: "北京市", version: 2 });
    expect(await tableCounts()).toEqual(before);
    expect((await db.select().from(enterprises).where(eq(enterprises.id, e.id)))[0]).toEqual(rowBefore);
  });

  it("disjoint edits both survive: a save sends and writes only the fields its user changed", async () => {
    const e = await createEnterprise(db, staff, { name: `青岛啤酒文创 ${suffix()}`, website: "https://a.example.com" });
    await updateEnterprise(db, manager, e.id, { headquarters: "山东省青岛市", version: 1 });
    expect(await rejection(updateEnterprise(db, staff, e.id, { notes: "拟设区域总部", version: 1 }))).toBeInstanceOf(ConflictError);
    await updateEnterprise(db, staff, e.id, { notes: "拟设区域总部", version: 2 });
    const [row] = await db.select().from(enterprises).where(eq(enterprises.id, e.id));
    expect(row).toMatchObject({ headquarters: "山东省青岛市", notes: "拟设区域总部", website: "https://a.example.com", version: 3 });
  });

  it("contacts: disjoint edits both survive; a field both changed is refused with the current values", async () => {
    const e = await createEnterprise(db, staff, { name: `海尔生物医疗 ${suffix()}` });
    const c = await createContact(db, staff, e.id, { name: "王经理", title: "投资经理", phone: "13912345678" });
    await updateContact(db, manager, c.id, { email: "wang@example.com", version: 1 });
    const stale = (await rejection(updateContact(db, staff, c.id, { title: "投资总监", version: 1 }))) as ConflictError;
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toEqual({ name: "王经理", title: "投资经理", phone: "13912345678", email: "wang@example.com", wechat: "", notes: "", version: 2 });
    await updateContact(db, staff, c.id, { title: "投资总监", version: 2 });
    const [row] = await db.select().from(contacts).where(eq(contacts.id, c.id));
    expect(row).toMatchObject({ name: "王经理", title: "投资总监", phone: "13912345678", email: "wang@example.com", version: 3 });
    await updateContact(db, manager, c.id, { phone: "0532-88886666", version: 3 });
    const clash = (await rejection(updateContact(db, staff, c.id, { phone: "13800000000", version: 3 }))) as ConflictError;
    expect(clash.current).toMatchObject({ phone: "0532-88886666", version: 4 });
  });

  it("contacts: add, edit (stale refused), delete (archive) — each audited and found by the enterprise's history", async () => {
    const e = await createEnterprise(db, staff, { name: `阿斯利康（青岛）医药 ${suffix()}` });
    const c = await createContact(db, staff, e.id, { name: "陈经理", title: "投资总监", phone: "13812345678", email: "chen@example.com" });
    expect(c).toMatchObject({ enterpriseId: e.id, version: 1 });

    const edited = await updateContact(db, manager, c.id, { name: "陈经理", title: "副总裁", phone: "13812345678", email: "chen@example.com", version: 1 });
    expect(edited.version).toBe(2);
    const before = await tableCounts();
    const stale = await rejection(updateContact(db, staff, c.id, { name: "陈", version: 1 }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect(await rejection(archiveContact(db, staff, c.id, { version: 1 }))).toBeInstanceOf(ConflictError);
    expect(await tableCounts()).toEqual(before);

    expect(await rejection(archiveContact(db, staff2, c.id, { version: 2 }))).toBeInstanceOf(NotFoundError);
    await archiveContact(db, staff, c.id, { version: 2 });
    expect(await listContacts(db, staff, e.id)).toEqual([]);
    // Archived, not deleted: the row stays, and it can no longer be edited.
    expect((await tableCounts()).contacts).toBe(before.contacts);
    expect(await rejection(updateContact(db, staff, c.id, { name: "陈经理", version: 3 }))).toBeInstanceOf(NotFoundError);

    const history = await listContactHistory(db, e.id);
    expect(history.map((h) => h.action)).toEqual(["archive", "update", "create"]);
    const [archived, updated] = history;
    expect(archived!.before).toMatchObject({ name: "陈经理", enterpriseId: e.id, archivedAt: null });
    expect(archived!.after).toMatchObject({ name: "陈经理", enterpriseId: e.id });
    expect(updated!.before).toMatchObject({ title: "投资总监", enterpriseId: e.id });
    expect(updated!.after).toMatchObject({ title: "副总裁", name: "陈经理" });
    expect(updated!.after).not.toHaveProperty("phone");
  });
});

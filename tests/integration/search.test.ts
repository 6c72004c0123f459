/**
 * The global search (lib/search) on the demo data: each kind found by name, by USCC and by a
 * contact's name; the visibility of the pages (another unit's officer finds nothing of
 * 高新区's); archived records never found; the limit; each group's count equal to its list's.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { contacts, enterprises, events, parcels, projects, units, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { archiveContact, archiveEvent, archiveParcel, archiveProject } from "@/lib/archive/service";
import type { Viewer } from "@/lib/auth/roles";
import { unitSubtree } from "@/lib/auth/scope";
import { listEnterprises } from "@/lib/enterprises/queries";
import { enterpriseListSchema } from "@/lib/enterprises/validation";
import { listEvents } from "@/lib/events/queries";
import { eventListSchema } from "@/lib/events/validation";
import { listParcels } from "@/lib/land/queries";
import { parcelListSchema } from "@/lib/land/validation";
import { listProjects } from "@/lib/projects/queries";
import { projectListSchema } from "@/lib/projects/validation";
import { globalSearch, type SearchResult } from "@/lib/search/queries";
import { escapeLike } from "@/lib/utils";
import { createTestDb } from "../support/db";
import { viewerFor } from "./fixtures";

const { db } = await createTestDb();
let admin: Viewer;
let manager: Viewer;
let staff: Viewer;
let staff2: Viewer;

const byName = async (username: string) => viewerFor(db, (await db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id);

beforeAll(async () => {
  await seed(db, () => {});
  admin = await byName("admin");
  manager = await byName("manager");
  staff = await byName("staff");
  staff2 = await byName("staff2");
});

function group<K extends SearchResult["groups"][number]["kind"]>(r: SearchResult, kind: K) {
  const g = r.groups.find((x) => x.kind === kind);
  if (!g) throw new Error(`no ${kind} group`);
  return g as Extract<SearchResult["groups"][number], { kind: K }>;
}
const names = (r: SearchResult, kind: "projects" | "enterprises" | "events") => group(r, kind).items.map((i) => i.name);

describe("global search", () => {
  it("finds projects and their investor by part of a name, with the context to tell them apart", async () => {
    const r = await globalSearch(db, manager, { q: "赛诺细胞" });
    expect(r.searchable).toBe(true);
    expect(r.groups.map((g) => g.kind)).toEqual(["projects", "enterprises", "parcels", "events"]);
    const p = group(r, "projects").items.find((i) => i.name === "赛诺细胞治疗中试及产业化平台");
    expect(p).toMatchObject({ enterpriseName: "苏州赛诺细胞科技有限公司", stage: expect.any(String), ownerName: expect.any(String) });
    expect(names(r, "enterprises")).toEqual(["苏州赛诺细胞科技有限公司"]);
    expect(group(r, "enterprises").items[0]).toMatchObject({ uscc: "91320594MA1WC5N3XB", contactName: null });
  });

  it("finds a project and its investor by the USCC, whatever its case", async () => {
    for (const q of ["91320594MA1WC5N3XB", "91320594ma1wc5n3xb"]) {
      const r = await globalSearch(db, staff, { q });
      expect(names(r, "projects"), q).toEqual(["赛诺细胞治疗中试及产业化平台"]);
      expect(names(r, "enterprises"), q).toEqual(["苏州赛诺细胞科技有限公司"]);
    }
  });

  it("finds the investor and its projects by a contact's name, and says which contact", async () => {
    const r = await globalSearch(db, manager, { q: "陆文轩" });
    expect(group(r, "enterprises").items).toEqual([expect.objectContaining({ name: "苏州赛诺细胞科技有限公司", contactName: "陆文轩" })]);
    expect(names(r, "projects")).toEqual(["赛诺细胞治疗中试及产业化平台"]);
  });

  it("finds parcels by code or location and events by name or place", async () => {
    const r = await globalSearch(db, staff2, { q: "sb-hxq" });
    const codes = group(r, "parcels").items.map((i) => i.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c.startsWith("SB-HXQ"))).toBe(true);
    expect(group(r, "parcels").items[0]).toMatchObject({ parkName: expect.any(String), areaMu: expect.stringMatching(/^\d/) });
    expect(names(await globalSearch(db, staff, { q: "集中签约" }), "events")).toEqual(["高新区生物医药及医疗器械、精密仪器仪表产业园集中签约仪式"]);
    expect(names(await globalSearch(db, staff, { q: "市北区" }), "events")).toContain("健康谷生命健康产业推介会");
  });

  it("puts records whose own name holds the text before those found through another field", async () => {
    // "海尔" is in two projects' names and in the names of their investors.
    const r = await globalSearch(db, admin, { q: "海尔" });
    const items = group(r, "projects").items;
    const inName = items.map((i) => i.name.includes("海尔"));
    expect(inName.indexOf(false) === -1 || inName.indexOf(false) > inName.lastIndexOf(true)).toBe(true);
  });

  it("gives another unit's officer nothing of 高新区's, but shows it to its manager", async () => {
    const [gx] = await db.select({ id: units.id }).from(units).where(eq(units.id, manager.unitId));
    const gaoxin = await unitSubtree(db, gx!.id);
    for (const q of ["赛诺", "91320594MA1WC5N3XB", "陆文轩", "生物", "医疗器械", "精密仪器"]) {
      const mine = await globalSearch(db, staff2, { q, limit: 20 });
      const ids = group(mine, "projects").items.map((i) => i.id);
      if (ids.length) {
        const rows = await db.select({ unitId: projects.unitId }).from(projects).where(inArray(projects.id, ids));
        expect(rows.filter((row) => gaoxin.includes(row.unitId)), q).toEqual([]);
      }
      const entIds = group(mine, "enterprises").items.map((i) => i.id);
      if (entIds.length) {
        const rows = await db.select({ unitId: enterprises.unitId }).from(enterprises).where(inArray(enterprises.id, entIds));
        expect(rows.filter((row) => gaoxin.includes(row.unitId)), q).toEqual([]);
      }
    }
    const theirs = await globalSearch(db, staff2, { q: "赛诺" });
    expect(group(theirs, "projects").total).toBe(0);
    expect(group(theirs, "enterprises").total).toBe(0);
    expect(group(await globalSearch(db, manager, { q: "赛诺" }), "projects").total).toBe(1);
    // staff2's own unit's projects are found.
    expect(names(await globalSearch(db, staff2, { q: "健康谷国际" }), "projects")).toEqual(["健康谷国际医学中心"]);
  });

  it("never finds an archived project, contact, parcel or event — not even for an admin", async () => {
    const [contact] = await db.select().from(contacts).where(eq(contacts.name, "施云峰"));
    const before = await globalSearch(db, admin, { q: "施云峰" });
    expect(group(before, "enterprises").items).toEqual([expect.objectContaining({ contactName: "施云峰" })]);
    expect(group(before, "projects").total).toBe(1);
    await archiveContact(db, admin, contact!.id, { version: contact!.version });
    const after = await globalSearch(db, admin, { q: "施云峰" });
    expect([group(after, "enterprises").total, group(after, "projects").total]).toEqual([0, 0]);

    const [p] = await db.select().from(projects).where(eq(projects.name, "康迈康复机器人研发制造项目"));
    expect(group(await globalSearch(db, admin, { q: "康迈康复机器人" }), "projects").total).toBe(1);
    await archiveProject(db, admin, p!.id, { version: p!.version });
    for (const v of [admin, manager, staff]) expect(group(await globalSearch(db, v, { q: "康迈康复机器人" }), "projects").total).toBe(0);

    const [parcel] = await db.select().from(parcels).where(eq(parcels.code, "SB-MQ-03"));
    await archiveParcel(db, admin, parcel!.id, { version: parcel!.version });
    expect(group(await globalSearch(db, admin, { q: "SB-MQ-03" }), "parcels").total).toBe(0);

    const [event] = await db.select().from(events).where(eq(events.name, "健康谷生命健康产业推介会"));
    await archiveEvent(db, admin, event!.id, { version: event!.version });
    expect(group(await globalSearch(db, admin, { q: "健康谷生命健康产业推介会" }), "events").total).toBe(0);
  });

  it("returns at most `limit` of each kind but counts every match — the same count as the list page with that text", async () => {
    for (const [viewer, q] of [
      [admin, "青岛"],
      [manager, "医疗"],
      [staff, "生物"],
      [staff2, "健康"],
      [admin, "SB-"],
      [manager, "仪器"],
    ] as const) {
      const r = await globalSearch(db, viewer, { q, limit: 2 });
      for (const g of r.groups) expect(g.items.length, `${q} ${g.kind}`).toBeLessThanOrEqual(2);
      const [p, e, pa, ev] = await Promise.all([
        listProjects(db, viewer, projectListSchema.parse({ q })),
        listEnterprises(db, viewer, enterpriseListSchema.parse({ q })),
        listParcels(db, viewer, parcelListSchema.parse({ q })),
        listEvents(db, viewer, eventListSchema.parse({ q })),
      ]);
      expect(r.groups.map((g) => g.total), q).toEqual([p.total, e.total, pa.total, ev.total]);
      expect(r.groups.map((g) => g.items.length), q).toEqual([p.total, e.total, pa.total, ev.total].map((n) => Math.min(n, 2)));
    }
    const many = await globalSearch(db, admin, { q: "青岛", limit: 20 });
    expect(group(many, "projects").items.length).toBe(Math.min(20, group(many, "projects").total));
    expect(group(many, "projects").total).toBeGreaterThan(5);
    // Out of range: the default of 5.
    expect(group(await globalSearch(db, admin, { q: "青岛", limit: 500 }), "projects").items.length).toBe(5);
  });

  it("treats % and _ as themselves", async () => {
    expect(group(await globalSearch(db, admin, { q: "%%" }), "projects").total).toBe(0);
    expect(group(await globalSearch(db, admin, { q: "__" }), "enterprises").total).toBe(0);
  });

  it("does not touch the database for empty or one-character text", async () => {
    // A database that fails on any use: the short text must be answered without one.
    const untouchable = new Proxy({} as Db, {
      get() {
        throw new Error("the database was used");
      },
    });
    for (const q of ["", "  ", "赛", " a ", "𠀀"]) {
      expect(await globalSearch(untouchable, admin, { q })).toEqual({ q: q.trim(), searchable: false, groups: [] });
    }
    await expect(globalSearch(untouchable, admin, { q: "赛诺" })).rejects.toThrow("the database was used");
  });

  it("matches investors exactly as the plain definition does: name, part of the USCC or a contact's name, any case", async () => {
    const [{ uscc } = { uscc: "" }] = await db.select({ uscc: enterprises.uscc }).from(enterprises).where(eq(enterprises.name, "苏州赛诺细胞科技有限公司"));
    for (const q of ["赛诺", "青岛", "有限公司", "陆文轩", uscc!, uscc!.slice(3, 12).toLowerCase(), "MA", "ma3", "91370", "a-b", "%", "_", "不存在"]) {
      const like = `%${escapeLike(q)}%`;
      const { rows } = await db.execute<{ n: number }>(sql`
        select count(*)::int as n from enterprises e
         where e.archived_at is null
           and (e.name ilike ${like} or e.uscc ilike ${`%${escapeLike(q.toUpperCase())}%`}
                or e.id in (select c.enterprise_id from contacts c where c.name ilike ${like} and c.archived_at is null))`);
      const expected = rows[0]!.n;
      const { total } = await listEnterprises(db, admin, enterpriseListSchema.parse({ q }));
      expect(total, q).toBe(expected);
      if (q.length >= 2) expect(group(await globalSearch(db, admin, { q }), "enterprises").total, q).toBe(expected);
    }
  });
});

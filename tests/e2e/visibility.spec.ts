/**
 * The visibility sweep: a related record is named only to a viewer who may open it. As staff2
 * (健康谷招商专班, another unit), a script walks every GET of the API that the OpenAPI document
 * lists — each list page by page, each record of it read by id, the search with the hidden
 * records' own names and codes, and the export — and fails on any id, anywhere in a response,
 * of a project, investor, contact, checklist or grid staff2 cannot open. New endpoints join
 * the walk by being in the OpenAPI document.
 */
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { and, eq, isNull, not, sql } from "drizzle-orm";
import { baseURL } from "../../playwright.config";
import { checklists, contacts, enterprises, grids, parks, projects } from "../../db/schema";
import { scopeOf } from "../../lib/auth/scope";
import { createApiToken } from "../../lib/auth/tokens";
import { visibleEnterprises } from "../../lib/enterprises/scope";
import { visibleGrids } from "../../lib/grids/scope";
import { createParcel, linkParcel } from "../../lib/land/service";
import { visibleProjects } from "../../lib/projects/queries";
import { visibleChecklists } from "../../lib/workflows/queries";
import { addContactsAs, createProjectsFor, uniqueName, viewerOf, withDb } from "./factories";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Every uuid anywhere in a JSON value (keys and values, inside strings too), with where it was. */
function idsIn(value: unknown, path: string, out: { id: string; at: string }[] = []) {
  if (typeof value === "string") for (const m of value.matchAll(UUID)) out.push({ id: m[0].toLowerCase(), at: path });
  else if (Array.isArray(value)) value.forEach((v, i) => idsIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) idsIn(v, `${path}.${k}`, idsIn(k, `${path}{key}`, out));
  return out;
}

test("as staff2, no API list, read, search or export names a record staff2 cannot open", async () => {
  test.setTimeout(240_000);
  const tag = uniqueName("可见性").replace(/\s/g, "");
  // A project of 生物医药招商组 (hidden from staff2) tied to things staff2 does see: a 健康谷 parcel
  // matched to it, and a contact of its investor, so the walk meets the links for sure.
  const hidden = await createProjectsFor("staff", [{ name: `隐藏项目${tag}`, totalInvestmentYi: "3" }]);
  const [contact] = await addContactsAs("staff", hidden.enterprise.id, [`联系人${tag}`]);
  const { token, hiddenIds, parcelCode } = await withDb(async (db) => {
    const manager = await viewerOf(db, "manager");
    const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.name, "健康谷"));
    const parcel = await createParcel(db, manager, { code: `VIS-${tag}`, parkId: park!.id, zoneId: "", location: "可见性测试地块", area: "12", areaUnit: "mu", landUse: "industrial_m1", status: "cleared", statusDate: "2024-01-10" });
    await linkParcel(db, manager, hidden.projects[0]!.id, { parcelId: parcel.id });

    const staff2 = await viewerOf(db, "staff2");
    const scope = await scopeOf(db, staff2);
    const ids = new Set<string>();
    const add = (rows: { id: string }[]) => rows.forEach((r) => ids.add(r.id.toLowerCase()));
    add(await db.select({ id: projects.id }).from(projects).where(not(visibleProjects(scope))));
    add(await db.select({ id: enterprises.id }).from(enterprises).where(not(visibleEnterprises(scope))));
    add(await db.select({ id: contacts.id }).from(contacts).innerJoin(enterprises, eq(enterprises.id, contacts.enterpriseId)).where(not(and(visibleEnterprises(scope), isNull(contacts.archivedAt))!)));
    add(await db.select({ id: checklists.id }).from(checklists).where(not(visibleChecklists(scope, staff2) ?? sql`true`)));
    add(await db.select({ id: grids.id }).from(grids).where(not(visibleGrids(scope, staff2.id) ?? sql`true`)));
    const made = await createApiToken(db, staff2, { name: uniqueName("可见性巡检"), expiresInDays: 7 });
    return { token: made.token, hiddenIds: ids, parcelCode: parcel.code };
  });
  // The sweep means something only if staff2 is kept from a good part of the data.
  expect(hiddenIds.has(hidden.projects[0]!.id)).toBe(true);
  expect(hiddenIds.has(hidden.enterprise.id)).toBe(true);
  expect(hiddenIds.has(contact!.id)).toBe(true);
  expect(hiddenIds.size).toBeGreaterThan(20);

  const api: APIRequestContext = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const leaks: string[] = [];
  let responses = 0;
  const check = async (url: string): Promise<unknown> => {
    const res = await api.get(url);
    responses++;
    const type = res.headers()["content-type"] ?? "";
    const body: unknown = type.includes("json") ? await res.json() : await res.text();
    for (const { id, at } of idsIn(body, "$")) if (hiddenIds.has(id)) leaks.push(`${url} ${at}: ${id}`);
    return res.ok() ? body : null;
  };

  const doc = (await (await api.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
  const gets = Object.entries(doc.paths)
    .filter(([, ops]) => "get" in ops)
    .map(([path]) => path);
  const collections = gets.filter((p) => !p.includes("{") && p !== "/api/v1/search");
  expect(collections).toEqual(expect.arrayContaining(["/api/v1/projects", "/api/v1/enterprises", "/api/v1/parcels", "/api/v1/parks", "/api/v1/events", "/api/v1/signed-projects"]));
  const walked: Record<string, number> = {};
  for (const path of collections) {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body = (await check(`${path}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)) as { data: { id?: string }[] | { id?: string }; nextCursor?: string | null } | null;
      const rows = body ? (Array.isArray(body.data) ? body.data : [body.data]) : [];
      ids.push(...rows.map((r) => r.id).filter((id): id is string => typeof id === "string"));
      cursor = body?.nextCursor ?? null;
      pages++;
    } while (cursor && pages < 50);
    walked[path] = ids.length;
    // Each record of the list, read by id.
    if (gets.includes(`${path}/{id}`)) for (const id of ids) await check(`${path}/${id}`);
  }
  expect(walked["/api/v1/parcels"]).toBeGreaterThan(10);
  expect(walked["/api/v1/projects"]).toBeGreaterThan(0);

  // The hidden ones, asked for by id: a 404 that names nothing.
  for (const path of gets.filter((p) => p.endsWith("/{id}"))) {
    for (const id of [hidden.projects[0]!.id, hidden.enterprise.id]) await check(path.replace("{id}", id));
  }
  // The hidden project's parcel is listed and matched, but its project is not named.
  const parcelList = (await check(`/api/v1/parcels?q=${encodeURIComponent(parcelCode)}`)) as { data: { code: string; matched: boolean; projectId: string | null; projectName: string | null }[] };

  // The search, with the hidden records' own words and with the demo's common ones.
  for (const q of [`隐藏项目${tag}`, hidden.enterprise.name, `联系人${tag}`, parcelCode, "健康谷", "医药", "青岛", "SB-HXQ", "签约"]) await check(`/api/v1/search?q=${encodeURIComponent(q)}&limit=50`);
  // The export (staff may be refused it; if not, the file names nothing hidden either).
  await check("/api/v1/exports/signed-projects.csv");

  expect(responses).toBeGreaterThan(30);
  expect(leaks).toEqual([]);
  expect(parcelList.data).toEqual([expect.objectContaining({ code: parcelCode, matched: true, projectId: null, projectName: null })]);
  await api.dispose();
});

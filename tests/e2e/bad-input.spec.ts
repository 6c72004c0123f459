/**
 * The bad-input corpus: every create and update route of the REST API gets, field by field on
 * an otherwise valid body, empty text, 10,000 characters, NUL, emoji, <script>, SQL fragments,
 * negative and huge amounts, impossible dates and wrong types; then malformed and oversized
 * bodies. Every server action gets the same values as its arguments. Never a 5xx, and a
 * refused request writes no row in any table.
 */
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { readFileSync } from "node:fs";
import type { Pool } from "pg";
import { createPool } from "../../db/client";
import { baseURL } from "../../playwright.config";
import { createApiToken } from "../../lib/auth/tokens";
import { todayInChina } from "../../lib/i18n/format";
import { uniqueName, viewerOf, withDb } from "./factories";
import { authFile } from "./support";

const CORPUS: [string, unknown][] = [
  ["empty", ""],
  ["spaces", "   "],
  ["10,000 characters", "长".repeat(10_000)],
  ["NUL", "甲\u0000乙"],
  ["only NUL", "\u0000"],
  ["emoji", "🏭🚀 园区"],
  ["script", "<script>alert(1)</script>"],
  ["SQL", "'; drop table projects; --"],
  ["SQL 2", "1' or '1'='1"],
  ["negative", "-1"],
  ["negative number", -1],
  ["huge amount", "9999999999.9999"],
  ["huge number", 1e21],
  ["too many decimals", "1.123456789"],
  ["date 1900", "1900-01-01"],
  ["date 0001", "0001-01-01"],
  ["impossible date", "2026-02-30"],
  ["date 9999", "9999-12-31"],
  ["true", true],
  ["array", ["a", "b"]],
  ["object", { a: 1 }],
  ["null", null],
  ["number", 12345],
  ["uuid of nothing", "1b4e28ba-2fa1-4d2b-8f3e-1c2d3e4f5a6b"],
];

let pool: Pool | undefined;
let countAll: string | undefined;
test.afterAll(async () => {
  await pool?.end();
  pool = undefined;
});

/** Every table's row count, as one statement. */
async function rowCounts(): Promise<Record<string, number>> {
  pool ??= createPool(process.env.DATABASE_URL!, 2);
  if (!countAll) {
    const tables = await pool.query<{ t: string }>("select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1");
    countAll = `select ${tables.rows.map((r) => `(select count(*) from "${r.t}")::int as "${r.t}"`).join(", ")}`;
  }
  return (await pool.query(countAll)).rows[0] as Record<string, number>;
}

type Route = {
  name: string;
  method: "POST" | "PATCH";
  /** The URL and an accepted body, made fresh for each request (a new record, or the current version). */
  prepare: () => Promise<{ url: string; body: Record<string, unknown> }>;
  fields: string[];
};

let api: APIRequestContext;
const get = async (url: string) => {
  const res = await api.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()).data;
};
const post = async (url: string, body: unknown) => {
  const res = await api.post(url, { data: body });
  expect(res.status(), `${url} ${JSON.stringify(body).slice(0, 300)} → ${await res.text()}`).toBe(201);
  return (await res.json()).data;
};
const pick = (record: Record<string, unknown>, fields: string[]) => Object.fromEntries(fields.filter((f) => f in record).map((f) => [f, record[f]]));

test.use({ storageState: authFile("admin") });

test("every create and update route: no 5xx and no row written for any bad value in any field, or a malformed body", async () => {
  test.setTimeout(900_000);
  const token = await withDb(async (db) => (await createApiToken(db, await viewerOf(db, "admin"), { name: uniqueName("坏输入"), expiresInDays: 7 })).token);
  api = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const adminApi = api;

  const doc = await (await api.get("/api/v1/openapi.json")).json();
  const fieldsOf = (path: string, method: string): string[] => {
    let schema = doc.paths[path][method].requestBody.content["application/json"].schema;
    if (schema.$ref) schema = doc.components.schemas[schema.$ref.split("/").pop()];
    return Object.keys(schema.properties);
  };

  // Records of its own to change, made from a demo lead's values (so other specs see no change).
  const sample = (await (await api.get("/api/v1/projects?limit=1&stage=lead")).json()).data[0];
  expect(sample, "a demo lead").toBeTruthy();
  const projectFields = fieldsOf("/api/v1/projects", "post");
  const projectBase = () => ({ ...pick(sample, projectFields), name: uniqueName("坏输入项目"), expectedSigningDate: null });
  const project = await post("/api/v1/projects", projectBase());
  const enterprise = await post("/api/v1/enterprises", { name: uniqueName("坏输入企业") });
  const parks = await get("/api/v1/parks");
  const park = await post("/api/v1/parks", { name: uniqueName("坏输入园区"), zones: [{ name: "一区" }] });
  const parcelBase = () => ({ code: uniqueName("HR").replace(/\s/g, "-"), parkId: parks[0].id, area: "12.5", areaUnit: "mu", landUse: "industrial_m1", status: "reserved", statusDate: "2026-01-05" });
  const parcel = await post("/api/v1/parcels", parcelBase());
  const eventBase = () => ({ name: uniqueName("坏输入推介会"), kind: "promotion_event", heldOn: "2026-03-01", place: "青岛国际会议中心", hostUnitId: sample.unitId });
  const event = await post("/api/v1/events", eventBase());
  const signBase = async () => {
    const p = await post("/api/v1/projects", projectBase());
    return { projectId: p.id, version: p.version, signingDate: todayInChina(), agreementType: "investment", contractInvestmentYi: "1.5" };
  };
  const signed = await post("/api/v1/signed-projects", await signBase());
  const current = async (url: string) => (await get(url)).version as number;

  const routes: Route[] = [
    { name: "POST /projects", method: "POST", fields: projectFields, prepare: async () => ({ url: "/api/v1/projects", body: projectBase() }) },
    {
      name: "PATCH /projects/{id}",
      method: "PATCH",
      fields: fieldsOf("/api/v1/projects/{id}", "patch"),
      prepare: async () => ({ url: `/api/v1/projects/${project.id}`, body: { ...pick(project, projectFields), version: await current(`/api/v1/projects/${project.id}`) } }),
    },
    { name: "POST /enterprises", method: "POST", fields: fieldsOf("/api/v1/enterprises", "post"), prepare: async () => ({ url: "/api/v1/enterprises", body: { name: uniqueName("坏输入企业") } }) },
    {
      name: "PATCH /enterprises/{id}",
      method: "PATCH",
      fields: fieldsOf("/api/v1/enterprises/{id}", "patch"),
      prepare: async () => ({ url: `/api/v1/enterprises/${enterprise.id}`, body: { name: enterprise.name, version: await current(`/api/v1/enterprises/${enterprise.id}`) } }),
    },
    { name: "POST /parks", method: "POST", fields: fieldsOf("/api/v1/parks", "post"), prepare: async () => ({ url: "/api/v1/parks", body: { name: uniqueName("坏输入园区") } }) },
    {
      name: "PATCH /parks/{id}",
      method: "PATCH",
      fields: fieldsOf("/api/v1/parks/{id}", "patch"),
      prepare: async () => ({ url: `/api/v1/parks/${park.id}`, body: { name: park.name, version: await current(`/api/v1/parks/${park.id}`) } }),
    },
    { name: "POST /parcels", method: "POST", fields: fieldsOf("/api/v1/parcels", "post"), prepare: async () => ({ url: "/api/v1/parcels", body: parcelBase() }) },
    {
      name: "PATCH /parcels/{id}",
      method: "PATCH",
      fields: fieldsOf("/api/v1/parcels/{id}", "patch"),
      prepare: async () => ({
        url: `/api/v1/parcels/${parcel.id}`,
        body: { code: parcel.code, parkId: parcel.parkId, area: "12.5", areaUnit: "mu", landUse: parcel.landUse, version: await current(`/api/v1/parcels/${parcel.id}`) },
      }),
    },
    { name: "POST /events", method: "POST", fields: fieldsOf("/api/v1/events", "post"), prepare: async () => ({ url: "/api/v1/events", body: eventBase() }) },
    {
      name: "PATCH /events/{id}",
      method: "PATCH",
      fields: fieldsOf("/api/v1/events/{id}", "patch"),
      prepare: async () => ({ url: `/api/v1/events/${event.id}`, body: { ...eventBase(), name: event.name, version: await current(`/api/v1/events/${event.id}`) } }),
    },
    { name: "POST /signed-projects", method: "POST", fields: fieldsOf("/api/v1/signed-projects", "post"), prepare: async () => ({ url: "/api/v1/signed-projects", body: await signBase() }) },
    {
      name: "PATCH /signed-projects/{id}",
      method: "PATCH",
      fields: fieldsOf("/api/v1/signed-projects/{id}", "patch"),
      prepare: async () => {
        const now = await get(`/api/v1/signed-projects/${signed.id}`);
        return { url: `/api/v1/signed-projects/${signed.id}`, body: { signingDate: now.signingDate, agreementType: now.agreementType, contractInvestmentYi: now.contractInvestmentYi, version: now.signingVersion } };
      },
    },
  ];

  const failures: string[] = [];
  let requests = 0;
  const check = async (label: string, send: () => Promise<{ status: number; text: string }>) => {
    const before = await rowCounts();
    const { status, text } = await send();
    requests += 1;
    if (status >= 500) failures.push(`${label}: ${status} ${text.slice(0, 200)}`);
    if (status >= 400) {
      const after = await rowCounts();
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      if (changed.length) failures.push(`${label}: refused (${status}) but wrote rows in ${changed.join(", ")}`);
    }
  };

  for (const route of routes) {
    // The base body itself is accepted: otherwise the corpus would only ever test the refusal of something else.
    const { url, body } = await route.prepare();
    const ok = await api.fetch(url, { method: route.method, data: body });
    expect(ok.status(), `${route.name} with its base body: ${await ok.text()}`).toBeLessThan(300);
    for (const field of route.fields) {
      for (const [label, value] of CORPUS) {
        const { url, body } = await route.prepare();
        await check(`${route.name} ${field}=${label}`, async () => {
          const res = await api.fetch(url, { method: route.method, data: { ...body, [field]: value } });
          return { status: res.status(), text: await res.text() };
        });
      }
    }
    for (const [label, raw] of [
      ["not JSON", "{name:"],
      ["an array", "[]"],
      ["null", "null"],
      ["a string", '"项目"'],
      ["nested deep", "[".repeat(5000) + "]".repeat(5000)],
      ["2 MB", JSON.stringify({ name: "大".repeat(700_000) })],
    ] as const) {
      await check(`${route.name} body ${label}`, async () => {
        const res = await api.fetch(url, { method: route.method, headers: { "Content-Type": "application/json" }, data: raw });
        return { status: res.status(), text: await res.text() };
      });
    }
  }

  // The admin's user routes (not in the OpenAPI document).
  const users = (await (await adminApi.get("/api/v1/admin/users?pageSize=1")).json()).data;
  const userBase = () => ({ username: `bad${Date.now().toString(36)}${requests}`, displayName: "坏输入用户", role: "staff", unitId: users[0].unitId, password: "demo1234demo" });
  const user = (await (await adminApi.post("/api/v1/admin/users", { data: userBase() })).json()).data;
  for (const field of ["username", "displayName", "role", "unitId", "password"]) {
    for (const [label, value] of CORPUS) {
      await check(`POST /admin/users ${field}=${label}`, async () => {
        const res = await adminApi.post("/api/v1/admin/users", { data: { ...userBase(), [field]: value } });
        return { status: res.status(), text: await res.text() };
      });
      await check(`PATCH /admin/users/{id} ${field}=${label}`, async () => {
        const version = (await (await adminApi.get(`/api/v1/admin/users/${user.id}`)).json()).data.version;
        const res = await adminApi.patch(`/api/v1/admin/users/${user.id}`, { data: { displayName: "坏输入用户", role: "staff", unitId: users[0].unitId, version, [field]: value } });
        return { status: res.status(), text: await res.text() };
      });
    }
  }
  for (const [label, value] of CORPUS) {
    await check(`POST /projects/{id}/parcels parcelId=${label}`, async () => {
      const res = await api.post(`/api/v1/projects/${project.id}/parcels`, { data: { parcelId: value } });
      return { status: res.status(), text: await res.text() };
    });
  }

  expect(failures).toEqual([]);
  expect(requests).toBeGreaterThan(2500);
  await api.dispose();
  await adminApi.dispose();
});

/** Every server action of the build, from its manifest. */
function serverActions(): { id: string; file: string; name: string; page: string }[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => {
    const worker = Object.keys(a.workers).find((w) => !w.includes("[")) ?? Object.keys(a.workers)[0]!;
    const page = "/" + worker.replace(/^app\//, "").replace(/\/page$/, "").replace(/\([^)]*\)\/?/g, "").replace(/\[[^\]]+\]/g, "1b4e28ba-2fa1-4d2b-8f3e-1c2d3e4f5a6b");
    return { id, file: a.filename, name: a.exportedName, page: page.replace(/\/$/, "") || "/" };
  });
}

test("every server action, given the corpus as its arguments, answers without a 5xx or a server error, and writes nothing when it refuses", async ({ request }) => {
  test.setTimeout(600_000);
  // Signing out or switching the language would end or change this test's own session.
  const actions = serverActions().filter((a) => !a.file.startsWith("components/layout/") && a.name !== "setLocale");
  expect(actions.length).toBeGreaterThan(55);
  const id = "1b4e28ba-2fa1-4d2b-8f3e-1c2d3e4f5a6b";
  const fields = ["name", "title", "summary", "reason", "note", "amountYi", "receivedOn", "occurredOn", "dueDate", "code", "displayName", "username", "password", "version", "kind"];
  const values = CORPUS.filter(([label]) => ["empty", "10,000 characters", "NUL", "script", "SQL", "huge amount", "date 0001", "impossible date", "true", "array", "object", "null", "number"].includes(label));
  const failures: string[] = [];
  for (const action of actions) {
    for (const [label, value] of values) {
      const everyField = Object.fromEntries(fields.map((f) => [f, value]));
      for (const args of [[everyField], [id, everyField], [value, value]]) {
        const before = await rowCounts();
        const res = await request.post(action.page, { headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Origin: baseURL }, data: JSON.stringify(args) });
        const text = await res.text();
        const label2 = `${action.file} ${action.name}(${JSON.stringify(args).slice(0, 80)}) [${label}]`;
        if (res.status() >= 500 || text.includes('"code":"server_error"') || /:E\{"digest":"(?!NEXT_)/.test(text)) failures.push(`${label2}: ${res.status()} ${text.slice(0, 200)}`);
        // A refused sign-in is recorded on purpose (login_attempts: the throttle counts them).
        if (!text.includes('"ok":true') && action.name !== "signInAction") {
          const after = await rowCounts();
          const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
          if (changed.length) failures.push(`${label2}: refused but wrote rows in ${changed.join(", ")}`);
        }
      }
    }
  }
  expect(failures).toEqual([]);
});

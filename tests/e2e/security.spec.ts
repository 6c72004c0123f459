/**
 * Request forgery and malformed requests: a page on another port of this host cannot make a
 * signed-in admin's browser change anything; every state-changing route refuses a cookie write
 * from another origin (swept over every route file, so a new route that skips the check fails
 * here); tokens work on every route; bodies that are not JSON, too large, or a server action
 * Next.js cannot decode are a 4xx, never a 500.
 */
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { baseURL } from "../../playwright.config";
import { createApiToken } from "../../lib/auth/tokens";
import { uniqueName, viewerOf, withDb } from "./factories";
import { authFile } from "./support";

const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;
const SOME_ID = "1b4e28ba-2fa1-4d2b-8f3e-1c2d3e4f5a6b";

/** Every route handler under app/api/v1 with the methods it exports, its [params] filled with an id. */
function apiRoutes(): { path: string; methods: string[] }[] {
  const root = path.resolve("app/api/v1");
  const out: { path: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
        const url = "/api/v1/" + path.relative(root, dir).split(path.sep).map((s) => (s.startsWith("[") ? SOME_ID : s)).join("/");
        out.push({ path: url.replace(/\/$/, ""), methods });
      }
    }
  };
  walk(root);
  return out;
}

/** Another origin on this host: the attacker's page, on a port of its own. */
let attacker: Server;
let attackerOrigin: string;
test.beforeAll(async () => {
  attacker = createServer((req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(`<!doctype html><title>抽奖活动</title><h1>恭喜中奖</h1>
<form id="f" method="post" action="${baseURL}/api/v1/admin/users" target="sink" enctype="text/plain">
  <input name='{"username":"csrfform","displayName":"x","role":"admin","unitId":"${req.url?.slice(1) ?? ""}","password":"demo1234demo","x":"' value='"}'>
</form>
<iframe name="sink" title="sink"></iframe>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  const address = attacker.address();
  attackerOrigin = `http://localhost:${typeof address === "object" && address ? address.port : 0}`;
});
test.afterAll(() => attacker?.close());

test.use({ storageState: authFile("admin") });

test("a page on another port cannot create an administrator through the signed-in admin's browser", async ({ page, request }) => {
  const username = `csrf${Date.now().toString(36)}`;
  const unitId = await withDb(async (db) => (await viewerOf(db, "admin")).unitId);
  await page.goto(`${attackerOrigin}/${unitId}`);
  const body = JSON.stringify({ username, displayName: "伪造管理员", role: "admin", unitId, password: "demo1234demo" });
  const attempts = [
    // text/plain needs no preflight: the browser sends it, with the session cookie (same site).
    page.evaluate(
      ([url, b]) => fetch(url, { method: "POST", credentials: "include", mode: "no-cors", headers: { "Content-Type": "text/plain" }, body: b }).then(() => "sent", (e) => String(e)),
      [`${baseURL}/api/v1/admin/users`, body] as const,
    ),
    page.evaluate(([url, b]) => String(navigator.sendBeacon(url, new Blob([b], { type: "text/plain" }))), [`${baseURL}/api/v1/admin/users`, body] as const),
  ];
  const responses: number[] = [];
  page.on("response", (r) => {
    if (r.url().startsWith(`${baseURL}/api/v1/admin/users`)) responses.push(r.status());
  });
  await Promise.all(attempts);
  // A form post too (the classic forgery), into a hidden frame.
  const formResponse = page.waitForResponse((r) => r.url() === `${baseURL}/api/v1/admin/users`);
  await page.locator("#f").evaluate((f: HTMLFormElement) => f.submit());
  responses.push((await formResponse).status());
  await expect.poll(() => responses.length).toBeGreaterThanOrEqual(2);
  expect(responses.every((s) => s === 403 || s === 415), `statuses ${responses.join(", ")}`).toBe(true);

  // Nothing was created: the admin's own list (same-origin) does not know the user.
  for (const name of [username, "csrfform"]) {
    const list = await (await request.get(`/api/v1/admin/users?q=${name}`)).json();
    expect(list.data.filter((u: { username: string }) => u.username === name)).toEqual([]);
  }
});

test("every state-changing API route refuses a cookie write from another origin; the same route with a token is not a 401", async ({ request }) => {
  test.setTimeout(120_000);
  const routes = apiRoutes();
  const mutating = routes.flatMap((r) => r.methods.filter((m) => (MUTATING as readonly string[]).includes(m)).map((m) => [m, r.path] as const));
  // The sweep covers what the issue named, so an empty or shrunken list is a broken sweep.
  expect(mutating.map(([m, p]) => `${m} ${p}`)).toEqual(
    expect.arrayContaining([
      "POST /api/v1/admin/users",
      `PATCH /api/v1/admin/users/${SOME_ID}`,
      `POST /api/v1/projects/${SOME_ID}/parcels`,
      `DELETE /api/v1/projects/${SOME_ID}/parcels`,
      "POST /api/v1/imports",
    ]),
  );
  for (const [method, url] of mutating) {
    const forged: Record<string, string>[] = [
      { Origin: attackerOrigin, "Sec-Fetch-Site": "same-site" },
      { Origin: attackerOrigin },
      { "Sec-Fetch-Site": "cross-site" },
      { Origin: "null" },
    ];
    for (const headers of forged) {
      const res = await request.fetch(url, { method, headers: { ...headers, "Content-Type": "application/json" }, data: "{}" });
      expect(res.status(), `${method} ${url} ${JSON.stringify(headers)}`).toBe(403);
      expect((await res.json()).error.code).toBe("cross_site");
    }
  }

  // A token on every route and method: never a 401 (the exports and admin routes gave one), never a 5xx.
  const token = await withDb(async (db) => (await createApiToken(db, await viewerOf(db, "admin"), { name: uniqueName("接口巡检"), expiresInDays: 7 })).token);
  const script = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  for (const route of routes) {
    for (const method of route.methods) {
      const res = await script.fetch(route.path, { method, ...(method === "GET" ? {} : { data: {} }) });
      expect(res.status(), `${method} ${route.path}`).not.toBe(401);
      expect(res.status(), `${method} ${route.path}`).toBeLessThan(500);
    }
  }
  expect((await script.get("/api/v1/exports/signed-projects.csv")).status()).toBe(200);
  expect((await script.get("/api/v1/admin/users")).status()).toBe(200);
  await script.dispose();
});

test("a JSON route refuses a body that is not JSON (415) or larger than 1 MB (413), and nothing is written", async ({ request }) => {
  const asText = await request.post("/api/v1/enterprises", { headers: { "Content-Type": "text/plain" }, data: JSON.stringify({ name: uniqueName("文本提交企业") }) });
  expect(asText.status()).toBe(415);
  expect((await asText.json()).error.code).toBe("unsupported_media_type");
  const asForm = await request.post("/api/v1/enterprises", { form: { name: uniqueName("表单提交企业") } });
  expect(asForm.status()).toBe(415);

  const name = uniqueName("超大请求企业");
  for (const size of [2 * 1024 * 1024, 11 * 1024 * 1024]) {
    const res = await request.post("/api/v1/enterprises", { headers: { "Content-Type": "application/json" }, data: JSON.stringify({ name, notes: "备".repeat(size / 3) }) });
    expect(res.status(), `${size} bytes`).toBe(413);
    expect((await res.json()).error).toEqual({ code: "body_too_large", message: "提交的内容过大", fields: { _form: ["提交的内容过大"] } });
  }
  const list = await (await request.get(`/api/v1/enterprises?q=${encodeURIComponent(name)}`)).json();
  expect(list.data).toEqual([]);
});

/** A server action's id, from the build's manifest, by its file and name. */
function actionId(file: string, name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { filename: string; exportedName: string }> };
  const found = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in ${file}`);
  return found[0];
}

async function postAction(request: APIRequestContext, id: string, body: string | Buffer, contentType = "text/plain;charset=UTF-8") {
  return request.post("/enterprises/new", { headers: { "Next-Action": id, "Content-Type": contentType, Origin: baseURL }, data: body });
}

test("a server action answers a body it cannot decode with 400 and one over 1 MB with 413, never a 500", async ({ request }) => {
  const id = actionId("app/(app)/enterprises/actions.ts", "createEnterpriseAction");
  for (const body of ["{{{", '"abc"', '["$Q1"]', '["$B1"]', '["$Y"]', '["$@9"]', "", "null"]) {
    const res = await postAction(request, id, body);
    expect(res.status(), body).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_action_body");
  }
  const multipart = await postAction(request, id, "--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[\"$@5\"]\r\n--x--\r\n", "multipart/form-data; boundary=x");
  expect(multipart.status()).toBe(400);
  const big = await postAction(request, id, JSON.stringify([{ name: "大".repeat(400_000) }]));
  expect(big.status()).toBe(413);
  expect((await big.json()).error.code).toBe("body_too_large");

  // A well-formed call still works and answers the field errors as the form shows them.
  const fine = await postAction(request, id, JSON.stringify([{ name: "" }]));
  expect(fine.status()).toBe(200);
  expect(await fine.text()).toContain('"code":"invalid_input"');
  // From another origin, the same call is refused whatever Next.js itself does with it.
  const forged = await request.post("/enterprises/new", {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Origin: attackerOrigin },
    data: JSON.stringify([{ name: uniqueName("伪造企业") }]),
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe("cross_site");
});

/**
 * The REST API as a script uses it: a token made in /account (shown once), curl-like requests
 * with `Authorization: Bearer`, the same visibility as the pages (another unit's project is a
 * 404), optimistic locking, errors as {error:{code,message,fields}}, revocation, the OpenAPI
 * document.
 */
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { createApiToken } from "../../lib/auth/tokens";
import { YI_PATTERN } from "../../lib/money";
import { createProjectsFor, uniqueName, viewerOf, withDb } from "./factories";
import { authFile, expectAccessible } from "./support";

/** A request context with no cookies at all: what a script sees. */
async function script(token?: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: token ? { Authorization: `Bearer ${token}` } : {} });
}

test("a manager makes a token in /account; a script lists their unit's projects with it, gets 404 outside the unit, and is refused once it is revoked", async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = uniqueName("接口").replace(/\s/g, "");
  const ours = await createProjectsFor("staff", [
    { name: `接口项目甲${tag}`, totalInvestmentYi: "1.5" },
    { name: `接口项目乙${tag}`, totalInvestmentYi: "2.5" },
    { name: `接口项目丙${tag}`, totalInvestmentYi: "3.5" },
  ]);
  const theirs = await createProjectsFor("staff2", [{ name: `健康谷接口项目${tag}`, totalInvestmentYi: "9" }]);

  const context = await browser.newContext({ storageState: authFile("manager") });
  const page = await context.newPage();
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "接口令牌" })).toBeVisible();
  await page.getByLabel("令牌名称").fill(`区数据平台同步${tag}`);
  await page.getByLabel("有效期").selectOption("30");
  await page.getByRole("button", { name: "生成令牌" }).click();
  const shown = page.getByLabel("新令牌");
  await expect(shown).toHaveValue(/^zsk_/);
  const token = await shown.inputValue();
  await expect(page.getByText(`已生成令牌“区数据平台同步${tag}”。请立即复制保存，离开本页后将无法再次查看。`)).toBeVisible();
  await expectAccessible(page);
  // Shown once: after a reload only its prefix is listed.
  await page.reload();
  await expect(page.getByLabel("新令牌")).toHaveCount(0);
  const item = page.getByRole("list", { name: "我的接口令牌" }).getByRole("listitem").filter({ hasText: `区数据平台同步${tag}` });
  await expect(item).toContainText(token.slice(0, 10));
  await expect(item).not.toContainText(token.slice(12));

  const api = await script(token);
  // Cursor paging through the unit's projects matching the tag, one page of 2 then the rest.
  const first = await api.get(`/api/v1/projects?q=${encodeURIComponent(tag)}&sort=totalInvestment&dir=asc&limit=2`);
  expect(first.status()).toBe(200);
  const page1 = (await first.json()) as { data: { id: string; name: string; totalInvestmentYi: string; version: number }[]; nextCursor: string | null };
  expect(page1.data.map((p) => p.totalInvestmentYi)).toEqual(["1.5", "2.5"]);
  const second = (await (await api.get(`/api/v1/projects?q=${encodeURIComponent(tag)}&sort=totalInvestment&dir=asc&limit=2&cursor=${page1.nextCursor}`)).json()) as typeof page1;
  expect(second.data.map((p) => p.name)).toEqual([`接口项目丙${tag}`]);
  expect(second.nextCursor).toBeNull();
  // The manager does not see 健康谷 (another unit): not in lists, 404 by id.
  const outside = await api.get(`/api/v1/projects/${theirs.projects[0]!.id}`);
  expect(outside.status()).toBe(404);
  expect((await outside.json()).error.code).toBe("not_found");
  const read = await api.get(`/api/v1/projects/${ours.projects[0]!.id}`);
  expect(read.status()).toBe(200);
  const project = (await read.json()).data as { version: number; totalInvestment: string };
  expect(project.totalInvestment).toBe("150000000.00");

  // Updating: with the version read; a stale one is refused; a bad field is named.
  const saved = await api.patch(`/api/v1/projects/${ours.projects[0]!.id}`, { data: { version: project.version, totalInvestmentYi: "1.75" } });
  expect(saved.status()).toBe(200);
  expect((await saved.json()).data.totalInvestmentYi).toBe("1.75");
  const stale = await api.patch(`/api/v1/projects/${ours.projects[0]!.id}`, { data: { version: project.version, totalInvestmentYi: "9" } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.code).toBe("stale_version");
  const bad = await api.patch(`/api/v1/projects/${ours.projects[0]!.id}`, { data: { version: project.version + 1, totalInvestmentYi: "很多" } });
  expect(bad.status()).toBe(422);
  expect(await bad.json()).toEqual({ error: { code: "invalid_input", message: expect.any(String), fields: { totalInvestmentYi: [expect.stringContaining("金额")] } } });
  expect((await api.get("/api/v1/signed-projects?limit=1")).status()).toBe(200);
  expect((await api.get("/api/v1/parks")).status()).toBe(200);

  // Without a token, or a made-up one: 401 as JSON (not a redirect to the sign-in page).
  const anonymous = await script();
  const none = await anonymous.get("/api/v1/projects");
  expect(none.status()).toBe(401);
  const fake = await script("zsk_not-a-real-token");
  expect((await fake.get("/api/v1/projects")).status()).toBe(401);
  expect((await (await fake.get("/api/v1/projects")).json()).error.code).toBe("invalid_token");

  // Revoked in /account: the next request is refused.
  await item.getByRole("button", { name: `撤销令牌“区数据平台同步${tag}”` }).click();
  await expect(page.getByText(`令牌“区数据平台同步${tag}”已撤销，使用它的请求将被拒绝`)).toBeVisible();
  expect((await api.get("/api/v1/projects")).status()).toBe(401);
  await Promise.all([api.dispose(), anonymous.dispose(), fake.dispose(), context.close()]);
});

test("an import's file larger than 10 MB reaches the route whole (streamed, not held by the proxy)", async () => {
  test.setTimeout(120_000);
  const token = await withDb(async (db) => (await createApiToken(db, await viewerOf(db, "manager"), { name: uniqueName("大文件"), expiresInDays: 7 })).token);
  const rows = 45_000;
  const filler = "项目进展说明".repeat(20);
  const lines = ["项目名称,投资方,总投资(亿元),项目进展"];
  for (let i = 0; i < rows; i++) lines.push(`大文件项目${i},大文件投资方${i % 500}有限公司,1,${filler}`);
  const body = Buffer.from(lines.join("\r\n") + "\r\n", "utf8");
  expect(body.length).toBeGreaterThan(10 * 1024 * 1024);
  const api = await script(token);
  const res = await api.post("/api/v1/imports?kind=projects&mode=dry&fileName=big.csv", { data: body, headers: { "Content-Type": "text/csv" }, timeout: 110_000 });
  expect(res.status()).toBe(200);
  const report = (await res.json()).data as { totalRows: number; validRows: number; created: number };
  expect(report).toMatchObject({ totalRows: rows, validRows: rows, created: rows });
  // Without a token the route refuses it itself.
  const anonymous = await script();
  expect((await anonymous.post("/api/v1/imports?kind=projects&mode=dry&fileName=x.csv", { data: "a,b\r\n" })).status()).toBe(401);
  await Promise.all([api.dispose(), anonymous.dispose()]);
});

test("the OpenAPI document is public and generated from the schemas", async () => {
  const anonymous = await script();
  const res = await anonymous.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/projects", "/api/v1/projects/{id}", "/api/v1/signed-projects", "/api/v1/parcels", "/api/v1/parks", "/api/v1/events", "/api/v1/enterprises"]));
  expect(doc.components.schemas.ProjectInput.properties.totalInvestmentYi.pattern).toBe(YI_PATTERN.source);
  await anonymous.dispose();
});

test("a browser session also works, but a cross-site write with its cookie is refused", async ({ browser }) => {
  const context = await browser.newContext({ storageState: authFile("staff") });
  const list = await context.request.get("/api/v1/enterprises?limit=1");
  expect(list.status()).toBe(200);
  const forged = await context.request.post("/api/v1/enterprises", { data: { name: "跨站伪造的企业" }, headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" } });
  expect(forged.status()).toBe(403);
  await context.close();
});

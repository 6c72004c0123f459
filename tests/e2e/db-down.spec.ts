import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { alertOf, authFile } from "./support";

// A second instance of the built app whose database cannot be reached (nothing listens on port 1).
const PORT = Number(process.env.E2E_DOWN_PORT ?? 3101);
const base = `http://localhost:${PORT}`;
let server: ChildProcess;

test.beforeAll(async () => {
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    env: { ...process.env, DATABASE_URL: "postgres://postgres:postgres@127.0.0.1:1/crm" },
    stdio: "ignore",
  });
  for (let i = 0; i < 60; i++) {
    const up = await fetch(`${base}/api/health`).then(() => true, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the second app instance did not start");
});

test.afterAll(() => {
  server?.kill();
});

test("with the database down, /api/health answers 503", async () => {
  const res = await fetch(`${base}/api/health`);
  expect(res.status).toBe(503);
  expect(await res.json()).toEqual({ ok: false, db: "down" });
});

test.describe("a signed-in user", () => {
  // Same secret and host as the main instance, so the admin's session cookie is valid here.
  test.use({ storageState: authFile("admin") });

  test("sees a friendly error page, never a stack trace", async ({ page }) => {
    await page.goto(`${base}/`);
    await expect(page.getByRole("heading", { name: "出错了" })).toBeVisible();
    await expect(page.getByText("可能是数据库暂时无法连接")).toBeVisible();
    const text = await page.locator("body").innerText();
    expect(text).not.toMatch(/ECONNREFUSED|at .+\.js|Error:/);
  });
});

test("signing in while the database is down says the service is unavailable, not a stack trace", async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill("demo1234");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(alertOf(page)).toHaveText("登录服务暂时不可用（可能是数据库无法连接），请稍后再试");
  await expect(page.getByLabel("用户名")).toHaveValue("admin");
  expect(await page.locator("body").innerText()).not.toMatch(/ECONNREFUSED|at .+\.js/);
  await ctx.close();
});

test.describe("the REST API", () => {
  test.use({ storageState: authFile("admin") });

  test("answers writes with 503 and Retry-After while the database is down, for a session and for a token", async ({ request }) => {
    const id = "1b4e28ba-2fa1-4d2b-8f3e-1c2d3e4f5a6b";
    const calls: [string, string, Record<string, string>][] = [
      ["POST", "/api/v1/projects", {}],
      ["PATCH", `/api/v1/projects/${id}`, {}],
      ["POST", "/api/v1/admin/users", {}],
      ["POST", "/api/v1/enterprises", { Authorization: "Bearer zsk_0123456789abcdef0123456789abcdef" }],
    ];
    for (const [method, path, headers] of calls) {
      const res = await request.fetch(`${base}${path}`, { method, data: { name: "数据库断开时的写入" }, headers: { Origin: base, ...headers } });
      expect(res.status(), `${method} ${path}`).toBe(503);
      expect(res.headers()["retry-after"]).toBe("5");
      expect((await res.json()).error).toEqual({ code: "unavailable", message: "数据库暂时无法连接，请稍后重试" });
    }
  });
});

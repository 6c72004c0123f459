import { expect, test } from "@playwright/test";
import { authFile, signedOut } from "./support";

test("GET /api/health reports the database up without signing in @smoke", async ({ playwright, baseURL }) => {
  const anon = await playwright.request.newContext({ baseURL, ...signedOut });
  const res = await anon.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true, db: "up" });
  await anon.dispose();
});

test.describe("signed in", () => {
  test.use({ storageState: authFile("staff") });

  test("an unknown page is a friendly 404 in the app's frame", async ({ page }) => {
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await expect(page.getByRole("link", { name: "返回工作台" })).toBeVisible();
  });
});

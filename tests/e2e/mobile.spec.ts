import { expect, test } from "@playwright/test";
import { authFile, expectAccessible } from "./support";

// Not isMobile: a mobile viewport zooms out to fit wide content, which would hide overflow.
test.use({ storageState: authFile("admin"), viewport: { width: 390, height: 844 }, hasTouch: true });

test("on a phone the navigation opens from the menu button and closes with Escape", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "系统管理员，您好" })).toBeVisible();
  const menu = page.getByRole("button", { name: "打开菜单" });
  await expect(menu).toBeVisible();
  await expectAccessible(page);
  await menu.click();
  const nav = page.locator("#mobile-nav");
  await expect(nav.getByRole("link", { name: "单位管理" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav).toHaveCount(0);
  await menu.click();
  await nav.getByRole("link", { name: "用户管理" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { name: "用户管理" })).toBeVisible();
  // The table scrolls sideways instead of overflowing the page.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test("the sign-in page works at phone width", async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await ctx.newPage();
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  await expectAccessible(page);
  await ctx.close();
});

import { expect, test } from "@playwright/test";
import { authFile, expectAccessible } from "./support";

test("switching language changes the sign-in page and stays after signing in", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Zhaoshang CRM" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel("Username").fill("manager");
  await page.getByLabel("Password").fill("demo1234");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Hello, 王建国" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "My work" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "王建国，您好" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

test.describe("signed in", () => {
  test.use({ storageState: authFile("admin") });

  test("admin pages read in English too", async ({ page }) => {
    await page.goto("/admin/users");
    await page.getByRole("button", { name: "English" }).first().click();
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Last sign-in" })).toBeVisible();
    await page.getByRole("button", { name: "中文" }).first().click();
    await expect(page.getByRole("heading", { name: "用户管理" })).toBeVisible();
  });
});

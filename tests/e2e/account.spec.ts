import { expect, test } from "@playwright/test";
import { authFile, createUserViaApi, expectAccessible, signInViaForm, signedOut, uniqueUsername } from "./support";

test.use({ storageState: authFile("admin") });

test("a user changes their own password after fixing a mismatch", async ({ request, browser }) => {
  const username = uniqueUsername("zhou");
  await createUserViaApi(request, { username, displayName: "周敏" });
  const ctx = await browser.newContext(signedOut);
  const page = await ctx.newPage();
  await page.goto("/account");
  await signInViaForm(page, username);
  await expect(page.getByRole("heading", { name: "账号设置" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("当前密码").fill("not-my-password");
  await page.locator("#newPassword").fill("Changed2026");
  await page.getByLabel("确认新密码").fill("Changed2027");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("两次输入的新密码不一致")).toBeVisible();

  await page.getByLabel("确认新密码").fill("Changed2026");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("当前密码不正确")).toBeVisible();

  await page.getByLabel("当前密码").fill("demo1234");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("密码已修改")).toBeVisible();

  await page.getByRole("button", { name: "退出登录" }).click();
  await signInViaForm(page, username, "Changed2026");
  await expect(page.getByRole("heading", { name: "周敏，您好" })).toBeVisible();
  await ctx.close();
});

import { expect, test } from "@playwright/test";
import { alertOf, authFile, createUserViaApi, expectAccessible, signInViaApi, signInViaForm, signedOut, uniqueUsername } from "./support";

test.describe("sign-in", () => {
  test("a signed-out visit to / goes to /login, and admin signs in through the form @smoke", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { name: "登录招商 CRM" })).toBeVisible();
    await expectAccessible(page);
    await signInViaForm(page, "admin");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { name: "系统管理员，您好" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "用户管理" })).toBeVisible();
    await expectAccessible(page);
  });

  for (const [username, name, role, unit] of [
    ["manager", "王建国", "负责人", "青岛高新区投资促进部"],
    ["staff", "李明", "招商专员", "生物医药招商组"],
    ["staff2", "张华", "招商专员", "健康谷招商专班"],
  ] as const) {
    test(`${username} signs in and sees their name, unit and role`, async ({ page }) => {
      await page.goto("/login");
      await signInViaForm(page, username);
      await expect(page.getByRole("heading", { name: `${name}，您好` })).toBeVisible();
      const userBox = page.getByRole("group", { name: "当前用户" });
      await expect(userBox).toContainText(name);
      await expect(userBox).toContainText(role);
      await expect(page.locator("header")).toContainText(unit);
      // Only sections that exist for the role: no administration for non-admins.
      await expect(page.getByRole("link", { name: "用户管理" })).toHaveCount(0);
    });
  }

  test("a wrong password says so without telling which field was wrong", async ({ page }) => {
    await page.goto("/login");
    await signInViaForm(page, "staff", "wrong-password");
    await expect(alertOf(page)).toHaveText("用户名或密码错误");
    await signInViaForm(page, "no-such-user", "whatever1");
    await expect(alertOf(page)).toHaveText("用户名或密码错误");
    // What the user typed in the username field stays.
    await expect(page.getByLabel("用户名")).toHaveValue("no-such-user");
    await expect(page).toHaveURL(/\/login/);
  });

  test("empty fields are flagged next to each field", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByLabel("用户名")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("此项为必填项")).toHaveCount(2);
  });

  test("a signed-out deep link returns to that page after signing in", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount$/);
    await signInViaForm(page, "staff");
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: "账号设置" })).toBeVisible();
  });

  test("the session cookie is httpOnly, sameSite=lax and expires after 8 idle hours", async ({ page, context }) => {
    await page.goto("/login");
    await signInViaForm(page, "staff");
    await expect(page.getByRole("heading", { name: "李明，您好" })).toBeVisible();
    const cookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    const hours = (cookie!.expires * 1000 - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
  });

  test.describe("with an admin at hand", () => {
    test.use({ storageState: authFile("admin") });

    test("the sixth wrong attempt is throttled, even with the right password", async ({ request, browser }) => {
      const username = uniqueUsername("throttle");
      await createUserViaApi(request, { username, displayName: "限流测试" });
      const anon = await browser.newContext(signedOut);
      const login = await anon.newPage();
      await login.goto("/login");
      for (let i = 0; i < 5; i++) {
        await signInViaForm(login, username, `wrong-${i}-pass`);
        await expect(alertOf(login)).toHaveText("用户名或密码错误");
      }
      await signInViaForm(login, username, "demo1234");
      await expect(alertOf(login)).toContainText("登录失败次数过多");
      await expect(alertOf(login)).toContainText("分钟");
      await expect(login).toHaveURL(/\/login/);
      await anon.close();
    });

    test("a deactivated user is refused, and their open session ends at the next request", async ({ page, request, browser }) => {
      const username = uniqueUsername("leaver");
      const user = await createUserViaApi(request, { username, displayName: "即将停用" });

      const theirs = await browser.newContext(signedOut);
      const session = await signInViaApi(theirs.request, username);
      expect(session?.user?.username).toBe(username);
      const theirPage = await theirs.newPage();
      await theirPage.goto("/account");
      await expect(theirPage.getByRole("heading", { name: "账号设置" })).toBeVisible();

      // The admin deactivates the account in the UI.
      await page.goto(`/admin/users/${user.id}`);
      page.once("dialog", (d) => d.accept());
      await page.getByRole("button", { name: "停用账号" }).click();
      await expect(page.getByRole("status").filter({ hasText: "账号已停用" })).toBeVisible();

      await theirPage.reload();
      await expect(theirPage).toHaveURL(/\/login/);
      await signInViaForm(theirPage, username);
      await expect(alertOf(theirPage)).toHaveText("该账号已停用，请联系系统管理员");
      expect(await (await theirs.request.get("/api/auth/session")).json()).toBeNull();
      await theirs.close();
    });
  });

  test("signing out ends the session on the server, even if the old cookie comes back", async ({ page, context }) => {
    await page.goto("/login");
    await signInViaForm(page, "manager");
    await expect(page.getByRole("heading", { name: "王建国，您好" })).toBeVisible();
    const before = await context.cookies();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    // A copy of the signed-out cookie (a request in flight, a stolen cookie) is refused too.
    await context.addCookies(before);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  });
});

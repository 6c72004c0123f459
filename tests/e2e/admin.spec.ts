import { expect, test } from "@playwright/test";
import { alertOf, authFile, createUserViaApi, expectAccessible, signInViaForm, signedOut, uniqueUsername } from "./support";

test.describe("administration", () => {
  test.use({ storageState: authFile("admin") });

  test("admin creates a user, fixing a validation error first, and the user signs in", async ({ page, browser }) => {
    const username = uniqueUsername("zhao");
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "用户管理" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "新建用户" }).click();
    await expect(page.getByRole("heading", { name: "新建用户" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("姓名").fill("赵晓燕");
    await page.getByLabel("角色").selectOption({ label: "招商专员" });
    await page.getByLabel("所属单位").selectOption({ label: "\u3000\u3000\u3000精密仪器招商组" });
    await page.getByLabel("初始密码").fill("short");
    await page.getByRole("button", { name: "创建用户" }).click();
    await expect(page.getByText("密码至少 8 位")).toBeVisible();
    await expect(page.getByLabel("初始密码")).toHaveAttribute("aria-invalid", "true");
    // What was typed is kept.
    await expect(page.getByLabel("姓名")).toHaveValue("赵晓燕");

    await page.getByLabel("初始密码").fill("Qingdao2026");
    await page.getByRole("button", { name: "创建用户" }).click();
    await expect(page.getByText("用户已创建")).toBeVisible();
    await expect(page.getByRole("heading", { name: `赵晓燕（${username}）` })).toBeVisible();
    await expectAccessible(page);

    // The same username again is refused next to the field.
    await page.goto("/admin/users/new");
    await page.getByLabel("用户名").fill(username.toUpperCase());
    await page.getByLabel("姓名").fill("重复");
    await page.getByLabel("所属单位").selectOption({ label: "\u3000\u3000\u3000精密仪器招商组" });
    await page.getByLabel("初始密码").fill("Qingdao2026");
    await page.getByRole("button", { name: "创建用户" }).click();
    await expect(page.getByText("该用户名已被使用")).toBeVisible();

    const theirs = await browser.newContext(signedOut);
    const theirPage = await theirs.newPage();
    await theirPage.goto("/login");
    await signInViaForm(theirPage, username, "Qingdao2026");
    await expect(theirPage.getByRole("heading", { name: "赵晓燕，您好" })).toBeVisible();
    await expect(theirPage.locator("header")).toContainText("精密仪器招商组");
    await theirs.close();
  });

  test("admin searches, edits a user's role and sees the change in the history", async ({ page, request }) => {
    const username = uniqueUsername("qian");
    await createUserViaApi(request, { username, displayName: "钱志强" });
    await page.goto("/admin/users");
    await page.getByRole("searchbox", { name: "搜索" }).fill("钱志强");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/q=%E9%92%B1/);
    const rows = page.getByRole("region", { name: "用户管理" }).locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await rows.getByRole("link", { name: /编辑/ }).click();
    await expect(page.getByRole("heading", { name: `钱志强（${username}）` })).toBeVisible();

    await page.getByLabel("角色").selectOption({ label: "负责人" });
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
    const history = page.getByRole("region", { name: "变更记录" });
    await expect(history).toContainText("角色：招商专员 → 负责人");

    await page.getByLabel("新密码").fill("NewPass2026");
    await page.getByRole("button", { name: "重置密码" }).click();
    await expect(page.getByRole("status").filter({ hasText: "密码已重置" })).toBeVisible();
  });

  test("a stale save is refused, the typed input kept and both values offered", async ({ page, request }) => {
    const username = uniqueUsername("sun");
    const user = await createUserViaApi(request, { username, displayName: "孙丽" });
    await page.goto(`/admin/users/${user.id}`);
    // Someone else saves first.
    const res = await request.patch(`/api/v1/admin/users/${user.id}`, {
      data: { displayName: "孙丽（他人修改）", role: "staff", unitId: (await (await request.get(`/api/v1/admin/users/${user.id}`)).json()).data.unitId, version: user.version },
    });
    expect(res.status()).toBe(200);
    await page.getByLabel("姓名").fill("孙丽丽");
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(alertOf(page)).toContainText("该记录已被他人修改");
    // Both changed 姓名: both values are offered, this user's kept until they pick the other.
    const choice = page.getByRole("group", { name: "姓名" });
    await expect(choice.getByRole("radio", { name: "我填写的：孙丽丽" })).toBeChecked();
    await expect(choice.getByRole("radio", { name: "对方保存的：孙丽（他人修改）" })).toBeVisible();
    await expect(page.getByLabel("姓名")).toHaveValue("孙丽丽");
    // Saving again, knowingly, goes through.
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
    await expect(page.getByLabel("姓名")).toHaveValue("孙丽丽");
  });

  test("admin adds an industry chain, which the project form then offers", async ({ page }) => {
    const code = `C${Date.now().toString(36)}`.toUpperCase();
    await page.goto("/admin/chains");
    await expect(page.getByRole("heading", { name: "产业链" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "新建产业链" }).click();
    await page.getByLabel("产业链名称").fill(`海洋生物医药${code}`);
    await page.getByLabel("编码").fill(code);
    await page.getByLabel("所属体系").fill("1+2+1");
    await page.getByRole("button", { name: "创建" }).click();
    await expect(page.getByText("产业链已创建")).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(code) })).toBeVisible();
    await page.goto("/projects/new");
    await expect(page.getByLabel("所属产业链").locator("option", { hasText: `海洋生物医药${code}` })).toHaveCount(1);
  });

  test("admin renames a stage and the board uses the district's name; a stage in use cannot be hidden", async ({ page }) => {
    await page.goto("/admin/stages");
    await expect(page.getByRole("heading", { name: "阶段名称与启用" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("意向 本区名称（中文）").fill("签约意向");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("已保存，所有页面将使用新的阶段名称。")).toBeVisible();
    await page.goto("/projects/board");
    await expect(page.getByRole("heading", { name: "签约意向", exact: false }).first()).toBeVisible();
    // 线索 has demo projects: hiding it is refused next to the row.
    await page.goto("/admin/stages");
    await page.getByRole("row", { name: /^线索/ }).getByRole("checkbox").check();
    await page.getByRole("button", { name: "保存" }).click();
    await expect(alertOf(page)).toContainText("仍有项目处于该阶段，不能隐藏");
    // Back to the built-in names for the other tests.
    await page.getByRole("row", { name: /^线索/ }).getByRole("checkbox").uncheck();
    await page.getByLabel("意向 本区名称（中文）").fill("");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("已保存，所有页面将使用新的阶段名称。")).toBeVisible();
  });

  test("admin adds a unit under another and sees it in the tree", async ({ page }) => {
    const code = `T${Date.now().toString(36)}`.toUpperCase();
    await page.goto("/admin/units");
    await expect(page.getByRole("heading", { name: "单位管理" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "新建单位" }).click();
    await page.getByLabel("单位名称").fill("新一代信息技术招商组");
    await page.getByLabel("单位编码").fill("bad code!");
    await page.getByLabel("上级单位").selectOption({ label: "\u3000\u3000青岛高新区投资促进部" });
    await page.getByRole("button", { name: "创建单位" }).click();
    await expect(page.getByText("编码只能包含字母、数字、下划线或短横线")).toBeVisible();
    await page.getByLabel("单位编码").fill(code);
    await page.getByRole("button", { name: "创建单位" }).click();
    await expect(page.getByText("单位已创建")).toBeVisible();
    const row = page.getByRole("row", { name: new RegExp(code) });
    await expect(row).toContainText("新一代信息技术招商组");
  });
});

for (const who of ["staff", "manager"]) {
  test.describe(`${who}, not an admin`, () => {
    test.use({ storageState: authFile(who) });

    test(`${who} gets a 404 for /admin pages`, async ({ page }) => {
      for (const path of ["/admin", "/admin/users", "/admin/units", "/admin/users/new"]) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(404);
        await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
      }
      await expectAccessible(page);
    });
  });
}

test.describe("admin API called directly", () => {
  test.use({ storageState: authFile("manager") });

  test("a manager gets 403 JSON and nothing changes", async ({ request }) => {
    const res = await request.post("/api/v1/admin/users", {
      data: { username: "sneaky", displayName: "越权", role: "admin", unitId: "00000000-0000-4000-8000-000000000000", password: "demo12345" },
    });
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual({ error: { code: "forbidden", message: "您没有执行此操作的权限" } });
    expect((await request.get("/api/v1/admin/users")).status()).toBe(403);
  });

  test("a signed-out call gets 401 JSON", async ({ playwright, baseURL }) => {
    const anon = await playwright.request.newContext({ baseURL, ...signedOut });
    const res = await anon.get("/api/v1/admin/users");
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
    await anon.dispose();
  });
});

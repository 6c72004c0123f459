import { expect, test, type Page } from "@playwright/test";
import { authFile, expectAccessible, signedOut } from "./support";

const box = (page: Page) => page.getByRole("combobox", { name: "全局搜索" });

test.describe("global search", () => {
  test.use({ storageState: authFile("manager") });
  test.describe.configure({ timeout: 120_000 });

  test("/ focuses the top bar's search; typing part of a project's name suggests it, ↓ and Enter open its page", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.keyboard.press("/");
    await expect(box(page)).toBeFocused();
    await expect(box(page)).toHaveValue("");

    await box(page).pressSequentially("赛诺细", { delay: 60 });
    const list = page.getByRole("listbox", { name: "搜索建议" });
    await expect(list.getByRole("option", { name: /赛诺细胞治疗中试及产业化平台/ })).toBeVisible();
    await expect(list.getByRole("group", { name: /^项目（\d+）$/ })).toBeVisible();
    await expect(list.getByRole("group", { name: "企业（1）" }).getByRole("option", { name: /苏州赛诺细胞科技有限公司.*信用代码 91320594MA1WC5N3XB/ })).toBeVisible();
    await expect(box(page)).toHaveAttribute("aria-expanded", "true");
    await expectAccessible(page);

    // ↓ makes the first option active (announced through aria-activedescendant), ↑ wraps to the last.
    await page.keyboard.press("ArrowDown");
    const first = list.getByRole("option").first();
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(box(page)).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
    await page.keyboard.press("ArrowUp");
    await expect(list.getByRole("option", { name: /查看“赛诺细”的全部结果/ })).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowDown");
    await expect(first).toContainText("赛诺细胞治疗中试及产业化平台");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "赛诺细胞治疗中试及产业化平台", level: 1 })).toBeVisible();
    await expect(box(page)).toHaveValue("");

    // Escape closes the suggestions; the text stays until a second Escape.
    await box(page).fill("赛诺");
    await expect(list.getByRole("option").first()).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(list).toBeHidden();
    await expect(box(page)).toHaveAttribute("aria-expanded", "false");
    await expect(box(page)).toHaveValue("赛诺");
    await page.keyboard.press("Escape");
    await expect(box(page)).toHaveValue("");

    // One character: a hint, not a search.
    await box(page).fill("赛");
    await expect(page.getByRole("search", { name: "全局搜索" }).getByText("请至少输入 2 个字")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "请至少输入 2 个字" })).toHaveCount(1);
  });

  test("/ typed in a field stays in the field", async ({ page }) => {
    await page.goto("/projects");
    const filter = page.getByRole("searchbox", { name: "搜索" });
    await filter.click();
    await page.keyboard.type("a/b");
    await expect(filter).toHaveValue("a/b");
    await expect(box(page)).not.toBeFocused();
  });

  test("Enter without a choice opens /search with every group and counts; 查看全部 opens the list with the same count", async ({ page }) => {
    await page.goto("/projects");
    await box(page).fill("生物");
    await expect(page.getByRole("listbox", { name: "搜索建议" }).getByRole("option").first()).toBeVisible();
    await box(page).press("Enter");
    await expect(page).toHaveURL(/\/search\?q=%E7%94%9F%E7%89%A9$/);
    await expect(page.getByRole("heading", { name: "搜索结果", level: 1 })).toBeVisible();
    for (const label of ["项目", "企业", "地块", "招商活动"]) await expect(page.getByRole("heading", { name: new RegExp(`^${label}（\\d+）$`), level: 2 })).toBeVisible();
    await expectAccessible(page);

    const heading = await page.getByRole("heading", { name: /^项目（\d+）$/, level: 2 }).textContent();
    const projects = Number(/（(\d+)）/.exec(heading!)![1]);
    expect(projects).toBeGreaterThan(0);
    await page.getByRole("link", { name: `查看全部 ${projects} 个项目` }).click();
    await expect(page).toHaveURL(/\/projects\?q=%E7%94%9F%E7%89%A9$/);
    await expect(page.getByText(`共 ${projects} 个项目`)).toBeVisible();

    await page.goBack();
    const entHeading = await page.getByRole("heading", { name: /^企业（\d+）$/, level: 2 }).textContent();
    const investors = Number(/（(\d+)）/.exec(entHeading!)![1]);
    await page.getByRole("link", { name: `查看全部 ${investors} 家企业` }).click();
    await expect(page).toHaveURL(/\/enterprises\?q=/);
    await expect(page.getByText(`共 ${investors} 家企业`)).toBeVisible();
  });

  test("the API answers the session's user, with the page's visibility, and a hint for one character", async ({ page, browser }) => {
    const res = await page.request.get(`/api/v1/search?q=${encodeURIComponent("赛诺")}&limit=3`);
    expect(res.status()).toBe(200);
    const { data } = (await res.json()) as { data: { searchable: boolean; groups: { kind: string; total: number; items: { name?: string }[] }[] } };
    expect(data.searchable).toBe(true);
    expect(data.groups.map((g) => g.kind)).toEqual(["projects", "enterprises", "parcels", "events"]);
    expect(data.groups[0]!.items.map((i) => i.name)).toContain("赛诺细胞治疗中试及产业化平台");

    const short = (await (await page.request.get(`/api/v1/search?q=${encodeURIComponent("赛")}`)).json()) as { data: { searchable: boolean; hint: string; groups: unknown[] } };
    expect(short.data).toEqual({ q: "赛", searchable: false, hint: "请至少输入 2 个字", groups: [] });

    const other = await browser.newContext({ storageState: authFile("staff2") });
    const theirs = (await (await other.request.get(`/api/v1/search?q=${encodeURIComponent("赛诺")}`)).json()) as typeof short;
    expect((theirs.data.groups as { total: number }[]).slice(0, 2).map((g) => g.total)).toEqual([0, 0]);
    await other.close();

    const anonymous = await browser.newContext(signedOut);
    const refused = await anonymous.request.get(`/api/v1/search?q=${encodeURIComponent("赛诺")}`);
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    await anonymous.close();
  });
});

test.describe("global search on a phone", () => {
  test.use({ storageState: authFile("staff"), viewport: { width: 390, height: 844 }, hasTouch: true });

  test("an icon opens the search over the top bar; a tapped suggestion opens the record", async ({ page }) => {
    await page.goto("/");
    await expect(box(page)).toBeHidden();
    await page.getByRole("button", { name: "打开搜索" }).click();
    await expect(box(page)).toBeFocused();
    await box(page).fill("陆文轩");
    const option = page.getByRole("listbox", { name: "搜索建议" }).getByRole("option", { name: /苏州赛诺细胞科技有限公司.*联系人 陆文轩/ });
    await expect(option).toBeVisible();
    await expectAccessible(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await option.tap();
    await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "苏州赛诺细胞科技有限公司", level: 1 })).toBeVisible();
    await expect(box(page)).toBeHidden();

    await page.getByRole("button", { name: "打开搜索" }).click();
    await page.getByRole("button", { name: "关闭搜索" }).click();
    await expect(box(page)).toBeHidden();
  });
});

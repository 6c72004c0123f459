import { expect, test, type Locator, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { users, userTableColumns } from "../../db/schema";
import { withDb } from "./factories";
import { authFile, expectAccessible } from "./support";

// The manager's choice of columns is theirs to keep: start and end each test from the defaults.
async function resetColumns() {
  await withDb(async (db) => {
    const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.username, "manager"));
    await db.delete(userTableColumns).where(eq(userTableColumns.userId, manager!.id));
  });
}

async function savedColumns(table: string) {
  return withDb(async (db) => {
    const rows = await db
      .select({ columns: userTableColumns.columns })
      .from(userTableColumns)
      .innerJoin(users, eq(users.id, userTableColumns.userId))
      .where(and(eq(users.username, "manager"), eq(userTableColumns.tableKey, table)));
    return rows[0]?.columns ?? [];
  });
}

/** How far a table overflows its scrolling box (0 when it fits). */
const overflowOf = (region: Locator) => region.evaluate((el) => el.scrollWidth - el.clientWidth);
const headers = (region: Locator) => region.locator("thead th").allInnerTexts();

test.describe("wide lists at 1440 px", () => {
  test.use({ storageState: authFile("manager") });
  test.beforeEach(resetColumns);
  test.afterAll(resetColumns);

  test("/signed shows the amounts, land, funds and stage without scrolling; more columns are a chooser away and kept for the user", async ({ page, browser }) => {
    await page.goto("/signed");
    const table = page.getByRole("region", { name: /签约项目清单/ });
    await expect(table.locator("tbody tr").first()).toBeVisible();
    expect(await overflowOf(table)).toBeLessThanOrEqual(0);
    const shown = (await headers(table)).join("|");
    for (const h of ["项目名称", "协议投资额", "一期投资", "用地", "到位资金", "当前阶段"]) expect(shown).toContain(h);
    expect(shown).not.toContain("投资方");
    // The totals row follows the columns shown.
    await expect(table.locator("tfoot")).toContainText(/合计（\d+ 个项目）/);

    // 显示列: tick 投资方, 签约活动 and 项目服务管家.
    await page.getByRole("button", { name: "显示列" }).click();
    const chooser = page.getByRole("dialog", { name: "显示列" });
    await expect(chooser.getByRole("checkbox", { name: "项目名称" })).toBeDisabled();
    await expectAccessible(page);
    for (const name of ["投资方", "签约活动", "项目服务管家"]) await chooser.getByRole("checkbox", { name }).check();
    await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
    await expect.poll(() => savedColumns("signed")).toEqual(expect.arrayContaining(["enterprise", "event", "steward", "name"]));
    await page.keyboard.press("Escape");
    await expect(table.getByRole("columnheader", { name: "项目服务管家" })).toBeVisible();

    // Wider than the screen now: it scrolls sideways, and the project's name stays put.
    expect(await overflowOf(table)).toBeGreaterThan(0);
    const firstName = table.locator("tbody tr").first().locator("td").first();
    const before = (await firstName.boundingBox())!.x;
    await table.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    expect(Math.abs((await firstName.boundingBox())!.x - before)).toBeLessThan(1);
    await expect(firstName.getByRole("link")).toBeVisible();

    // Kept on the server for the user: another browser signed in as them sees the same.
    const other = await browser.newContext({ storageState: authFile("manager"), viewport: { width: 1440, height: 900 } });
    const again = await other.newPage();
    await again.goto("/signed");
    await expect(again.getByRole("region", { name: /签约项目清单/ }).getByRole("columnheader", { name: "投资方" })).toBeVisible();
    await other.close();

    // 恢复默认.
    await page.getByRole("button", { name: "显示列" }).click();
    await page.getByRole("dialog", { name: "显示列" }).getByRole("button", { name: "恢复默认" }).click();
    await expect(table.getByRole("columnheader", { name: "投资方" })).toHaveCount(0);
    expect(await overflowOf(table)).toBeLessThanOrEqual(0);
  });

  test("/projects shows 最近更新 without scrolling, and its owner filter is searched by pinyin initials", async ({ page }) => {
    await page.goto("/projects");
    const table = page.getByRole("region", { name: "招商项目" });
    await expect(table.locator("tbody tr").first()).toBeVisible();
    expect(await overflowOf(table)).toBeLessThanOrEqual(0);
    await expect(table.getByRole("columnheader", { name: /最近更新/ })).toBeVisible();

    // 招商专员: a searchable picker, grouped by unit, the manager's own unit first.
    const owner = page.getByRole("combobox", { name: "招商专员" });
    await owner.click();
    const groups = page.getByRole("listbox").getByRole("group");
    await expect(groups.first()).toContainText("（本单位）");
    await owner.fill("lm");
    await expect(page.getByRole("group", { name: /生物医药招商组/ }).getByRole("option", { name: "李明" })).toBeVisible();
    await expectAccessible(page);
    // The best match first: Enter takes 李明 (lm) before 廖美玲 (lml).
    await owner.press("Enter");
    await expect(owner).toHaveValue("李明（生物医药招商组）");
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(page).toHaveURL(/owner=[0-9a-f-]{36}/);
    await expect(table.locator("tbody tr").first()).toContainText("李明");
    await expect(page.getByRole("combobox", { name: "招商专员" })).toHaveValue("李明（生物医药招商组）");
  });
});

test.describe("on a phone (390 px)", () => {
  test.use({ storageState: authFile("manager"), viewport: { width: 390, height: 844 }, hasTouch: true });

  async function listStartsOnFirstScreen(page: Page, name: string | RegExp) {
    const top = (await page.getByRole("region", { name }).boundingBox())!.y;
    expect(top).toBeLessThan(844);
  }

  test("the /projects filters fold behind 筛选条件, which says how many are in use", async ({ page }) => {
    await page.goto("/projects?q=%E5%8C%BB&stage=signed,registered");
    const toggle = page.getByRole("button", { name: /^筛选条件/ });
    await expect(toggle).toHaveText(/筛选条件（已选 2 项）/);
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(page.locator("#f-q")).toBeHidden();
    await listStartsOnFirstScreen(page, "招商项目");
    await expectAccessible(page);
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator("#f-q")).toHaveValue("医");
    await expectAccessible(page);
  });

  test("the dashboard draws its charts for the phone: text at full size, legend below", async ({ page }) => {
    await page.goto("/dashboard");
    const trend = page.locator("#chart-trend svg").filter({ visible: true });
    await expect(trend).toHaveCount(1);
    const { scale, legendBelow } = await trend.evaluate((svg: SVGSVGElement) => {
      const box = svg.viewBox.baseVal;
      const rect = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll("text")];
      const legend = texts.find((t) => /签约数/.test(t.textContent ?? "") && t.getAttribute("text-anchor") === "start" && !/（/.test(t.textContent ?? ""));
      return { scale: rect.width / box.width, legendBelow: legend ? legend.getBoundingClientRect().top > rect.top + rect.height / 2 : false };
    });
    // 12 px text drawn at ≥ 0.9 of its size: no smaller than 11 px on screen.
    expect(scale).toBeGreaterThanOrEqual(0.9);
    expect(legendBelow).toBe(true);
    await expectAccessible(page);
  });
});

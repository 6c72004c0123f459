import { expect, test } from "@playwright/test";
import { authFile, expectAccessible } from "./support";

test.describe("待办 and 来源活动 · a manager", () => {
  test.use({ storageState: authFile("manager") });

  test("逾期待办 counts by the person assigned and opens /tasks with the same count; the list filters and works on a phone", async ({ page }) => {
    await page.goto("/dashboard");
    const total = page.getByRole("link", { name: /^逾期待办 合计 [\d,]+ 项$/ });
    const n = Number(/合计 ([\d,]+) 项/.exec((await total.getAttribute("aria-label"))!)![1]!.replace(/,/g, ""));
    expect(n).toBeGreaterThan(0);
    await expect(page.getByRole("region", { name: "逾期待办" }).getByRole("columnheader", { name: "负责人" })).toBeVisible();
    await total.click();
    await expect(page).toHaveURL(/\/tasks\?.*overdue=1/);
    await expect(page.getByRole("heading", { level: 1, name: "待办" })).toBeVisible();
    await expect(page.getByTestId("tasks-total")).toHaveText(`共 ${n} 项待办`);
    await expect(page.getByLabel("只看逾期")).toBeChecked();
    await expect(page.getByText("已逾期").first()).toBeVisible();
    await expectAccessible(page);

    // One person's: the dashboard's row for them and the list agree.
    await page.goto("/dashboard");
    const first = page.getByRole("region", { name: "逾期待办" }).locator("tbody tr").first().getByRole("link");
    const [, who, count] = /^逾期待办 (.+) ([\d,]+)$/.exec((await first.getAttribute("aria-label"))!)!;
    await first.click();
    await expect(page).toHaveURL(/assignee=/);
    await expect(page.getByTestId("tasks-total")).toHaveText(`共 ${count} 项待办`);
    expect(await page.getByLabel("负责人").locator("option:checked").textContent()).toBe(who);

    // In the navigation; on a phone the filters and the list fit the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/tasks");
    await expect(page.getByTestId("tasks-total")).toHaveText(/^共 [\d,]+ 项待办$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });

  test("an earlier 截至 date says the period stops at it", async ({ page }) => {
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    await page.goto(`/dashboard?year=${year - 1}&asOf=${year - 1}-06-30`);
    const line = page.getByRole("status").filter({ hasText: "截至" });
    await expect(line).toContainText(`统计期 ${year - 1}-01-01 至 ${year - 1}-06-30`);
    await expect(line).toContainText(`所选统计期至 ${year - 1}-12-31，${year - 1}-06-30 之后的不计`);
    // The sections over the period say the same range.
    await expect(page.getByRole("region", { name: "本期签约分布" })).toContainText(`统计期 ${year - 1}-01-01 至 ${year - 1}-06-30`);
    await expect(page.locator('section[aria-labelledby="attention-title"]')).toContainText("不随截至日期回放");
  });

  test("the event page lists the leads it produced and their conversion; a lead shows its 来源活动", async ({ page }) => {
    await page.goto("/events?q=" + encodeURIComponent("生物医药产业专场推介会"));
    await page.getByRole("link", { name: "高新区生物医药产业专场推介会（上海）" }).click();
    const leads = page.getByRole("region", { name: "由本次活动带来的线索" });
    await expect(page.getByTestId("event-conversion")).toHaveText("带来线索 2 个，已签约 2 个，转化率 100.0%。");
    await expect(leads.getByRole("table").locator("tbody tr")).toHaveCount(2);
    await expectAccessible(page);
    await page.getByTestId("event-conversion").getByRole("link", { name: "2 个" }).first().click();
    await expect(page).toHaveURL(/\/projects\?.*sourceEvent=/);
    await expect(page.getByRole("status").filter({ hasText: /^共 / })).toHaveText("共 2 个项目");
    await page.getByRole("link", { name: "斯坦德医疗医药产业检测研发公共服务平台" }).click();
    await expect(page.getByRole("link", { name: "高新区生物医药产业专场推介会（上海）" })).toBeVisible();
    await page.getByRole("link", { name: "编辑项目" }).click();
    await expect(page.getByLabel("来源活动")).toHaveValue(/.+/);
  });
});

import { expect, test, type Locator, type Page } from "@playwright/test";
import { createProjectsFor, projectState, uniqueName } from "./factories";
import { alertOf, authFile, expectAccessible } from "./support";

test.use({ storageState: authFile("staff") });

const column = (page: Page, stage: string) => page.getByTestId(`board-column-${stage}`);
const cardIn = (col: Locator, name: string) => col.getByTestId("board-card").filter({ hasText: name });

/** "12 个" → 12; "合计 3.25 亿元" → 325 (分 of 亿元: exact enough to compare two decimals). */
async function figures(col: Locator) {
  const count = Number((await col.getByTestId("column-count").innerText()).replace(/\D/g, ""));
  const total = (await col.getByTestId("column-total").innerText()).match(/([\d.]+)/)![1]!;
  const [whole, frac = ""] = total.split(".");
  return { count, total: Number(whole) * 100 + Number(frac.padEnd(2, "0")) };
}

/** Drags with the mouse as a person does: press, move past dnd-kit's 8 px threshold, travel, release. */
async function drag(page: Page, card: Locator, target: Locator) {
  await card.scrollIntoViewIfNeeded();
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  // The middle of the card (the enterprise line), not its link.
  const x = from.x + from.width / 2;
  const y = from.y + from.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 15, y + 5, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
  await page.mouse.up();
}

test("staff move a project on the board: drag, cancel, drag and confirm, then sign by keyboard", async ({ page, browser }) => {
  test.slow(); // three saves, a reload and an axe run on a board of nine columns
  const name = uniqueName("看板测试项目");
  const { projects } = await createProjectsFor("staff", [{ name, totalInvestmentYi: "3.25", isKey: true }]);
  const id = projects[0]!.id;

  await page.goto("/projects/board");
  await expect(page.getByRole("heading", { level: 1, name: "项目看板" })).toBeVisible();
  const lead = column(page, "lead");
  const intent = column(page, "intent");
  const signed = column(page, "signed");
  await expect(cardIn(lead, name)).toBeVisible();
  await expect(cardIn(lead, name)).toContainText("总投资 3.25 亿元");
  await expect(cardIn(lead, name)).toContainText("重点");
  await expectAccessible(page);
  const leadBefore = await figures(lead);
  const intentBefore = await figures(intent);

  // Dropped on 意向: the dialog asks; cancelling leaves everything where it was.
  await drag(page, cardIn(lead, name), intent);
  const dialog = page.getByRole("dialog", { name: `变更项目阶段：${name}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("目标阶段")).toHaveValue("intent");
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  await expect(cardIn(lead, name)).toBeVisible();
  await expect(cardIn(intent, name)).toHaveCount(0);
  expect(await figures(lead)).toEqual(leadBefore);
  expect(await projectState(id)).toEqual({ stage: "lead", status: "active", version: 1, events: 1 });

  // Again, confirmed: the card tops 意向 and both columns' figures follow.
  await drag(page, cardIn(lead, name), intent);
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "确认变更" }).click();
  await expect(dialog).toBeHidden();
  await expect(cardIn(intent, name)).toBeVisible();
  await expect(cardIn(lead, name)).toHaveCount(0);
  await expect(intent.getByTestId("board-card").first()).toContainText(name);
  await expect.poll(() => figures(lead)).toEqual({ count: leadBefore.count - 1, total: leadBefore.total - 325 });
  await expect.poll(() => figures(intent)).toEqual({ count: intentBefore.count + 1, total: intentBefore.total + 325 });
  await expect(page.getByRole("status").filter({ hasText: `已将“${name}”移到“意向”` })).toBeAttached();
  expect(await projectState(id)).toMatchObject({ stage: "intent", version: 2, events: 2 });

  // By keyboard: the card's 变更阶段 button proposes the next stage, 签约, which needs the signing facts.
  const change = cardIn(intent, name).getByRole("button", { name: `变更阶段：${name}` });
  await change.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("目标阶段")).toHaveValue("signed");
  // The signing fields (events, stewards, units) load as the dialog opens.
  await expect(dialog.getByLabel("签约日期")).toBeVisible();
  await dialog.getByRole("button", { name: "确认变更" }).press("Enter");
  const signingDate = dialog.getByLabel("签约日期");
  const contract = dialog.getByLabel("协议投资额（亿元）");
  await expect(signingDate).toHaveAttribute("aria-invalid", "true");
  await expect(contract).toHaveAttribute("aria-invalid", "true");
  await expect(alertOf(page).filter({ hasText: "此项为必填项" })).toHaveCount(2);
  await signingDate.fill("2025-06-18");
  await contract.fill("3");
  await contract.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(cardIn(signed, name)).toBeVisible();
  await expect(cardIn(intent, name)).toHaveCount(0);
  await expect(cardIn(signed, name).getByRole("link", { name })).toBeFocused();
  expect(await projectState(id)).toMatchObject({ stage: "signed", version: 3, events: 3 });

  // After a reload the server says the same.
  await page.reload();
  await expect(cardIn(column(page, "signed"), name)).toBeVisible();

  // Another unit's officer never sees it.
  const other = await browser.newContext({ storageState: authFile("staff2") });
  const otherPage = await other.newPage();
  await otherPage.goto("/projects/board");
  await expect(otherPage.getByRole("heading", { level: 1, name: "项目看板" })).toBeVisible();
  await expect(otherPage.getByText(name)).toHaveCount(0);
  await other.close();
});

test("columns load more as they scroll, with no cap, and filters stay in the URL", async ({ page }) => {
  const prefix = uniqueName("滚动加载");
  await createProjectsFor(
    "staff",
    Array.from({ length: 23 }, (_, i) => ({ name: `${prefix}-${String(i).padStart(2, "0")}`, totalInvestmentYi: "0.5" })),
  );
  await page.goto("/projects/board");
  const filters = page.getByRole("search", { name: "看板筛选" });
  await filters.getByRole("searchbox", { name: "搜索" }).fill(prefix);
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(prefix);
  const lead = column(page, "lead");
  await expect(lead.getByTestId("column-count")).toHaveText("23 个");
  await expect(lead.getByTestId("column-total")).toHaveText("合计 11.50 亿元");
  await expect(lead.getByTestId("board-card")).toHaveCount(20);
  await expect(lead.getByText("已显示 20 / 23")).toBeVisible();
  await lead.getByRole("list").evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(lead.getByTestId("board-card")).toHaveCount(23);
  await expect(lead.getByRole("button", { name: "加载更多" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "列表视图" })).toHaveAttribute("href", new RegExp(`^/projects\\?q=`));
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("the board scrolls sideways inside its own region and passes axe", async ({ page }) => {
    test.slow(); // axe over nine columns of cards on a busy two-core machine
    await page.goto("/projects/board");
    await expect(page.getByRole("heading", { level: 1, name: "项目看板" })).toBeVisible();
    const region = page.getByRole("region", { name: /项目看板/ });
    const widths = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(widths.scroll).toBeGreaterThan(widths.client);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});

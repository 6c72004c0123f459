import { expect, test, type Page } from "@playwright/test";
import { alertOf, authFile, expectAccessible, signedOut } from "./support";

test.use({ storageState: authFile("staff") });

const stamp = () => Date.now().toString(36).toUpperCase();

async function createEnterprise(page: Page, name: string) {
  await page.goto("/enterprises/new");
  await page.getByLabel("企业名称").fill(name);
  await page.getByRole("button", { name: "创建企业" }).click();
  await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}/);
}

async function pickEnterprise(page: Page, part: string, name: string) {
  await page.getByRole("combobox", { name: "投资方", exact: true }).fill(part);
  await page.getByRole("listbox").getByRole("option", { name: new RegExp(name) }).click();
}

test("staff creates a project, logs a visit and a task, moves it on, and finds it again by the investor's name", async ({ page, browser }) => {
  // A whole working session in one test: longer than the default budget on a busy 2-core machine.
  test.setTimeout(120_000);
  const tag = stamp();
  const enterprise = `青岛国药租赁${tag}有限公司`;
  const project = `国药科技城${tag}`;
  await createEnterprise(page, enterprise);

  await page.goto("/projects/new");
  await expect(page.getByRole("heading", { name: "新建项目" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("项目名称").fill(project);
  await pickEnterprise(page, `国药租赁${tag}`, enterprise);
  await page.getByLabel("总投资（亿元）").fill("60.12345");
  await page.getByLabel("项目来源").selectOption({ label: "以商招商" });
  await page.getByRole("button", { name: "创建项目" }).click();
  await expect(page.getByText("请输入金额（亿元）：不超过 100,000 亿元，最多 4 位小数")).toBeVisible();
  await expect(page.getByLabel("项目名称")).toHaveValue(project);
  await page.getByLabel("总投资（亿元）").fill("60.5");
  await page.getByRole("button", { name: "创建项目" }).click();

  await expect(page.getByRole("heading", { name: project })).toBeVisible();
  await expect(page.getByText("60.50").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "项目阶段" }).locator('[aria-current="step"]')).toContainText("线索");
  await expectAccessible(page);

  // A visit, logged in place.
  await page.getByLabel("跟进方式").selectOption({ label: "走访" });
  await page.getByLabel("参与人员").fill("李明、王建国");
  await page.getByLabel("跟进内容").fill("走访企业总部，介绍高新区生物医药产业园用地条件");
  await page.getByLabel("下一步计划").fill("安排实地考察");
  await page.getByRole("button", { name: "添加跟进记录" }).click();
  await expect(page.getByText("跟进记录已添加")).toBeVisible();
  const timeline = page.getByRole("region", { name: "跟进时间线" });
  await expect(timeline).toContainText("走访企业总部");
  await expect(timeline).toContainText("安排实地考察");

  // A task, in place, with an empty title refused first.
  await page.getByRole("button", { name: "添加待办" }).click();
  await expect(page.getByRole("region", { name: "待办事项" }).getByText("此项为必填项")).toBeVisible();
  await page.locator("#task-title").fill(`报送项目进展${tag}`);
  await page.getByLabel("截止日期").fill("2026-01-05");
  await page.getByRole("button", { name: "添加待办" }).click();
  await expect(page.getByText("待办已添加")).toBeVisible();
  await expect(page.getByRole("region", { name: "待办事项" })).toContainText("已逾期");

  // Onward to 在谈 through the dialog; cancelling first changes nothing.
  await page.getByRole("button", { name: "→ 在谈" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("list", { name: "项目阶段" }).locator('[aria-current="step"]')).toContainText("线索");
  await page.getByRole("button", { name: "→ 在谈" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认变更" }).click();
  await expect(page.getByRole("list", { name: "项目阶段" }).locator('[aria-current="step"]')).toContainText("在谈");
  await expect(timeline).toContainText("阶段变更：线索 → 在谈");

  // Putting it on hold asks for a reason.
  await page.getByRole("button", { name: "搁置" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认变更" }).click();
  await expect(page.getByRole("dialog").getByText("搁置、终止或退回前一阶段时，请说明原因")).toBeVisible();
  await page.getByRole("dialog").getByLabel("原因说明").fill("企业调整投资节奏");
  await page.getByRole("dialog").getByRole("button", { name: "确认变更" }).click();
  await expect(page.getByText("原因：企业调整投资节奏")).toBeVisible();

  // My work lists the overdue task first.
  await page.goto("/");
  await expect(page.getByRole("region", { name: "我的待办" })).toContainText(`报送项目进展${tag}`);
  await expectAccessible(page);

  // Found again by part of the investor's name.
  await page.goto("/projects");
  await page.getByRole("searchbox", { name: "搜索" }).fill(`国药租赁${tag}`);
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByText("共 1 个项目")).toBeVisible();
  const row = page.getByRole("region", { name: "招商项目" }).getByRole("link", { name: project });
  await expect(row).toBeVisible();
  await expectAccessible(page);
  const url = (await row.getAttribute("href"))!;

  // staff2, of another unit, cannot see it anywhere.
  const other = await browser.newContext({ storageState: authFile("staff2") });
  const theirs = await other.newPage();
  const res = await theirs.goto(url);
  expect(res?.status()).toBe(404);
  await theirs.goto(`/projects?q=${encodeURIComponent(`国药租赁${tag}`)}`);
  await expect(theirs.getByText("共 0 个项目")).toBeVisible();
  await theirs.goto("/");
  await expect(theirs.locator("main")).not.toContainText(project);
  await other.close();
});

test("two people edit the same project: disjoint edits both survive, and a field both changed is a choice", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const tag = stamp();
  const enterprise = `威高集团${tag}有限公司`;
  await createEnterprise(page, enterprise);
  await page.goto("/projects/new");
  await page.getByLabel("项目名称").fill(`威高医疗器械产业园${tag}`);
  await pickEnterprise(page, `威高集团${tag}`, enterprise);
  await page.getByLabel("总投资（亿元）").fill("20");
  await page.getByLabel("包靠领导").fill("王建国");
  await page.getByRole("button", { name: "创建项目" }).click();
  await expect(page.getByRole("heading", { name: `威高医疗器械产业园${tag}` })).toBeVisible();
  const editUrl = `${new URL(page.url()).pathname}/edit`;

  await page.goto(editUrl);
  // The manager, in another browser, saves first: 总投资 and 包靠领导.
  const managerCtx = await browser.newContext({ storageState: authFile("manager") });
  const manager = await managerCtx.newPage();
  await manager.goto(editUrl);
  await manager.getByLabel("总投资（亿元）").fill("25");
  await manager.getByLabel("包靠领导").fill("刘志强");
  await manager.getByRole("button", { name: "保存修改" }).click();
  await expect(manager.getByText("已保存")).toBeVisible();
  await managerCtx.close();

  // This user changed 包靠领导 too, and the description (which the manager left alone).
  await page.getByLabel("包靠领导").fill("王副主任");
  await page.getByLabel("项目简介").fill("高端医疗器械生产基地");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(alertOf(page)).toContainText("该记录已被他人修改");
  const notice = page.getByRole("status").filter({ hasText: "对方在您打开表单后保存了新的内容" });
  await expect(notice).toContainText("总投资：25");
  // The field this user did not touch takes the newest value; what they typed stays.
  await expect(page.getByLabel("总投资（亿元）")).toHaveValue("25");
  await expect(page.getByLabel("项目简介")).toHaveValue("高端医疗器械生产基地");
  await expect(page.getByLabel("包靠领导")).toHaveValue("王副主任");
  await expectAccessible(page);
  // Both changed 包靠领导: both values offered; choosing theirs puts it in the field.
  const choice = page.getByRole("group", { name: "包靠领导" });
  await expect(choice.getByRole("radio", { name: "我填写的：王副主任" })).toBeChecked();
  await choice.getByRole("radio", { name: "对方保存的：刘志强" }).check();
  await expect(page.getByLabel("包靠领导", { exact: true })).toHaveValue("刘志强");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByText("已保存")).toBeVisible();
  await expect(page.getByText("刘志强").first()).toBeVisible();
  await expect(page.getByText("25.00 亿元").first()).toBeVisible();
  await expect(page.getByText("高端医疗器械生产基地").first()).toBeVisible();
});

test.describe("signed out", () => {
  test.use(signedOut);
  test("the list asks to sign in first and comes back to the same filters", async ({ page }) => {
    await page.goto("/projects?stage=lead&stage=intent");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fprojects%3Fstage%3Dlead%26stage%3Dintent/);
  });
});

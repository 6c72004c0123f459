import { expect, test, type Locator, type Page } from "@playwright/test";
import { changeStageAs, createProjectsFor, projectState, uniqueName, viewerOf, withDb } from "./factories";
import { createSignedAtEvent } from "./signed-factories";
import { reviewReport, saveReport } from "../../lib/milestones/service";
import { alertOf, authFile, expectAccessible } from "./support";
import { signings } from "../../db/schema";
import { eq } from "drizzle-orm";

test.use({ storageState: authFile("staff") });

const CEREMONY = "2023-04-06 高新区生物医药及医疗器械、精密仪器仪表产业园集中签约仪式";
const column = (page: Page, stage: string) => page.getByTestId(`board-column-${stage}`);
const cardIn = (col: Locator, name: string) => col.getByTestId("board-card").filter({ hasText: name });

test("staff sign on the board with the signing facts and report registration; the manager approves it", async ({ page, browser }) => {
  test.slow(); // two users, a board, a dialog form, a review and axe checks
  const name = uniqueName("落地测试项目");
  const { projects } = await createProjectsFor("staff", [{ name, totalInvestmentYi: "8" }]);
  const id = projects[0]!.id;
  await changeStageAs("staff", id, { toStage: "intent" });

  // 意向 → 签约 on the board: the dialog asks for every signing fact.
  await page.goto("/projects/board");
  await cardIn(column(page, "intent"), name).getByRole("button", { name: `变更阶段：${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `变更项目阶段：${name}` });
  await expect(dialog.getByLabel("签约日期")).toBeVisible();
  await dialog.getByLabel("签约日期").fill("2026-11-20");
  await dialog.getByLabel("协议类型").selectOption({ label: "正式合同" });
  await dialog.getByLabel("协议投资额（亿元）").fill("6");
  await dialog.getByLabel("一期投资（亿元）").fill("7");
  await dialog.getByLabel("签约活动").selectOption({ label: CEREMONY });
  // A long list of people: a searchable picker, by pinyin initials, grouped by unit.
  const steward = dialog.getByRole("combobox", { name: "项目服务管家" });
  await steward.fill("zzy");
  await expect(dialog.getByRole("group", { name: /项目落地服务专班/ }).getByRole("option", { name: "周振宇" })).toBeVisible();
  await steward.press("Enter");
  await expect(steward).toHaveValue("周振宇（项目落地服务专班）");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "确认变更" }).click();
  // 一期 over the contract amount: said next to the field, nothing saved, the rest kept.
  const phase1 = dialog.getByLabel("一期投资（亿元）");
  await expect(phase1).toHaveAttribute("aria-invalid", "true");
  await expect(alertOf(page).filter({ hasText: "一期投资不能大于协议投资额" })).toBeVisible();
  expect((await projectState(id)).stage).toBe("intent");
  await expect(dialog.getByLabel("协议投资额（亿元）")).toHaveValue("6");
  await phase1.fill("2.5");
  await dialog.getByRole("button", { name: "确认变更" }).click();
  await expect(dialog).toBeHidden();
  await expect(cardIn(column(page, "signed"), name)).toBeVisible();
  const signing = await withDb(async (db) => (await db.select().from(signings).where(eq(signings.projectId, id)))[0]);
  expect(signing).toMatchObject({ signingDate: "2026-11-20", agreementType: "formal_contract", contractInvestment: "600000000.00", phase1Investment: "250000000.00" });
  expect(signing!.eventId).not.toBeNull();

  // The project page: the signing card, and the milestones to report.
  await page.goto(`/projects/${id}`);
  const signingCard = page.getByRole("region", { name: "签约信息" });
  await expect(signingCard).toContainText("正式合同");
  await expect(signingCard).toContainText("2.50 亿元");
  await expect(signingCard).toContainText("周振宇");
  await expect(signingCard).toContainText("集中签约仪式");
  await page.getByRole("button", { name: "填报：注册" }).click();
  const report = page.getByRole("dialog", { name: "注册节点填报" });
  await report.getByLabel("注册日期").fill("2026-11-25");
  await report.getByLabel("项目公司名称").fill("落地测试（青岛）科技有限公司");
  await report.getByLabel("项目公司统一社会信用代码").fill("9137020");
  await report.getByRole("button", { name: "提交审核" }).click();
  await expect(report.getByLabel("项目公司统一社会信用代码")).toHaveAttribute("aria-invalid", "true");
  await expect(alertOf(page).filter({ hasText: "统一社会信用代码格式不正确" })).toBeVisible();
  await report.getByLabel("项目公司统一社会信用代码").fill("913502000728319549");
  await expectAccessible(page);
  await report.getByRole("button", { name: "提交审核" }).click();
  await expect(report).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "已提交审核" })).toBeVisible();
  const milestones = page.getByRole("region", { name: "节点与审核" });
  await expect(milestones.getByRole("listitem").filter({ hasText: "注册" }).first()).toContainText("审核中");
  // Staff cannot review (the button is not there, and the project has not moved).
  await expect(page.getByRole("button", { name: "审核：注册" })).toHaveCount(0);
  expect((await projectState(id)).stage).toBe("signed");

  // The manager of the unit above finds it in 待审核 and approves it.
  const managerContext = await browser.newContext({ storageState: authFile("manager") });
  const manager = await managerContext.newPage();
  await manager.goto("/reviews");
  const row = manager.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("签约 → 注册");
  await expect(row).toContainText("2026-11-25");
  await expectAccessible(manager);
  await row.getByRole("link", { name: "查看并审核" }).click();
  await manager.getByRole("button", { name: "审核：注册" }).click();
  const review = manager.getByRole("dialog", { name: `审核注册节点：${name}` });
  await expect(review).toContainText("落地测试（青岛）科技有限公司");
  await review.getByLabel("审核意见").fill("营业执照已核对");
  await review.getByRole("button", { name: "审核通过" }).click();
  await expect(review).toBeHidden();
  await expect(manager.getByRole("status").filter({ hasText: "已审核通过" })).toBeVisible();
  await expect(manager.getByRole("list", { name: "项目阶段" }).locator('[aria-current="step"]')).toContainText("注册");
  await expect(manager.getByRole("region", { name: "跟进时间线" })).toContainText("注册节点审核通过");
  expect((await projectState(id)).stage).toBe("registered");
  await manager.goto("/reviews");
  await expect(manager.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  await managerContext.close();

  // Another unit's officer gets a 404 for it.
  const otherContext = await browser.newContext({ storageState: authFile("staff2") });
  const other = await otherContext.newPage();
  const res = await other.goto(`/projects/${id}/signing`);
  expect(res?.status()).toBe(404);
  await otherContext.close();
});

test("funds in place and the signing form keep input on errors, and keep history", async ({ page }) => {
  const name = uniqueName("资金测试项目");
  const { projects } = await createProjectsFor("staff", [{ name, totalInvestmentYi: "4" }]);
  const id = projects[0]!.id;
  await changeStageAs("staff", id, { toStage: "signed", signingDate: "2026-10-08", contractInvestmentYi: "4" });

  await page.goto(`/projects/${id}`);
  const funds = page.getByRole("region", { name: "到位资金" });
  await funds.getByLabel("到位日期").fill("2026-11-02");
  await funds.getByLabel("金额（亿元）").fill("1.23456");
  await funds.getByRole("button", { name: "登记到位资金" }).click();
  await expect(funds.getByLabel("金额（亿元）")).toHaveAttribute("aria-invalid", "true");
  await expect(funds.getByLabel("到位日期")).toHaveValue("2026-11-02");
  await funds.getByLabel("金额（亿元）").fill("1.5");
  await funds.getByRole("button", { name: "登记到位资金" }).click();
  await expect(funds).toContainText("累计到位 1.50 亿元");
  await expect(funds).toContainText("占协议投资额 37.5%");

  await page.getByRole("link", { name: "编辑签约信息" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("编辑签约信息");
  await page.getByLabel("项目进展").fill("已完成项目公司注册，正在办理施工许可");
  await page.getByLabel("存在问题").fill("需协调临时用电");
  await page.getByLabel("协议投资额（亿元）").fill("");
  await page.getByRole("button", { name: "保存签约信息" }).click();
  await expect(page.getByLabel("协议投资额（亿元）")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("项目进展")).toHaveValue("已完成项目公司注册，正在办理施工许可");
  await page.getByLabel("协议投资额（亿元）").fill("4.2");
  await expectAccessible(page);
  await page.getByRole("button", { name: "保存签约信息" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${id}\\?saved=1`));
  const card = page.getByRole("region", { name: "签约信息" });
  await expect(card).toContainText("4.20 亿元");
  await expect(card).toContainText("需协调临时用电");
  await expect(page.getByRole("region", { name: "跟进时间线" })).toContainText("修改了签约信息");
  await expect(page.getByRole("region", { name: "跟进时间线" })).toContainText("登记到位资金：2026-11-02");

  // On a phone: the milestones, signing and funds stack and stay usable.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("button", { name: "填报：注册" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/projects/${id}/signing`);
  await expect(page.getByRole("region", { name: "修改记录" })).toContainText("协议投资额");
});

test("批量通过 on 待审核: several reports at once, each checked on its own, with a result per report; one's own is never offered", async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = uniqueName("批量").replace(/\s/g, "");
  const names = [`批量甲${tag}`, `批量乙${tag}`, `批量丙${tag}`, `批量丁${tag}`];
  const made = await createSignedAtEvent({ owner: "staff", host: "manager", heldOn: "2026-03-02", items: names.map((name) => ({ name, totalInvestmentYi: "2", contractInvestmentYi: "2" })) });
  const report = (actualDate: string) => ({ stage: "registered", actualDate, companyName: "批量审核（青岛）科技有限公司", companyUscc: "913502000728319549", submit: true, version: 0 });
  const reports = await withDb(async (db) => {
    const staff = await viewerOf(db, "staff");
    const manager = await viewerOf(db, "manager");
    const out = [];
    for (const p of made.projects.slice(0, 3)) out.push(await saveReport(db, staff, p.id, report("2026-04-01")));
    // The manager's own report: never theirs to approve.
    out.push(await saveReport(db, manager, made.projects[3]!.id, report("2026-04-01")));
    return out;
  });

  const context = await browser.newContext({ storageState: authFile("manager") });
  const page = await context.newPage();
  await page.goto("/reviews");
  const rowOf = (name: string) => page.getByRole("row").filter({ hasText: name });
  for (const name of names.slice(0, 3)) await expect(rowOf(name)).toHaveCount(1);
  await expect(rowOf(names[3]!)).toHaveCount(0);
  const approve = page.getByRole("button", { name: /^批量通过/ });
  await expect(approve).toBeDisabled();
  for (const name of names.slice(0, 3)) await rowOf(name).getByRole("checkbox").check();
  await expect(approve).toHaveText("批量通过（3）");
  await expectAccessible(page);
  // Meanwhile an admin approves 丙 from its project page: it is no longer the version on screen.
  await withDb(async (db) => reviewReport(db, await viewerOf(db, "admin"), reports[2]!.id, { decision: "approve", comment: "", version: reports[2]!.version }));
  await approve.click();

  const results = page.getByTestId("bulk-results");
  await expect(results.getByRole("status")).toContainText("已通过 2 条");
  await expect(results.getByRole("status")).toContainText(`${names[0]}（注册）`);
  await expect(results.getByRole("status")).toContainText(`${names[1]}（注册）`);
  await expect(results.getByRole("alert")).toContainText("1 条未通过");
  await expect(results.getByRole("alert")).toContainText(`${names[2]}（注册）：该记录已被他人修改`);
  for (const name of names.slice(0, 3)) await expect(rowOf(name)).toHaveCount(0);
  await expectAccessible(page);
  expect((await projectState(made.projects[0]!.id)).stage).toBe("registered");
  expect((await projectState(made.projects[1]!.id)).stage).toBe("registered");
  expect((await projectState(made.projects[3]!.id)).stage).toBe("signed");
  await context.close();
});

import { and, eq, isNull } from "drizzle-orm";
import { expect, test, type Page } from "@playwright/test";
import { checklistItems, checklists, parks, projects, units, workflowTemplates, zones } from "../../db/schema";
import { todayInChina } from "../../lib/i18n/format";
import { addDays } from "../../lib/workflows/rules";
import { applyTemplate } from "../../lib/workflows/service";
import { changeStageAs, createProjectsFor, uniqueName, viewerOf, withDb } from "./factories";
import { alertOf, authFile, expectAccessible } from "./support";

const today = todayInChina();

/** 国药科技城's checklist started from the template with this code (the demo seed starts them). */
async function demoChecklist(code: string) {
  return withDb(async (db) => {
    const [row] = await db
      .select({ id: checklists.id, projectId: checklists.projectId, revision: checklists.templateRevision })
      .from(checklists)
      .innerJoin(projects, eq(projects.id, checklists.projectId))
      .innerJoin(workflowTemplates, eq(workflowTemplates.id, checklists.templateId))
      .where(and(eq(projects.name, "国药科技城"), eq(workflowTemplates.code, code)));
    if (!row) throw new Error(`国药科技城 has no ${code} checklist: is the demo seed loaded?`);
    return row;
  });
}

const itemTitles = (checklistId: string) =>
  withDb(async (db) => (await db.select({ title: checklistItems.title }).from(checklistItems).where(eq(checklistItems.checklistId, checklistId))).map((r) => r.title).sort());

test.describe("as the administrator", () => {
  test.use({ storageState: authFile("admin") });

  test("adding an item to 用地一件事 raises its revision; 国药科技城's checklist keeps its own items", async ({ page }) => {
    const existing = await demoChecklist("land-one-thing");
    const before = await itemTitles(existing.id);
    const title = uniqueName("规划条件核实");

    await page.goto("/");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "清单模板" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "清单模板" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "用地一件事" });
    await expect(row).toContainText("项目服务清单");
    await expectAccessible(page);
    await row.getByRole("link", { name: "用地一件事" }).click();

    const revision = page.getByTestId("template-revision");
    const start = Number((await revision.textContent())!.match(/\d+/)![0]);
    await expect(page.getByRole("region", { name: /已启用的清单/ }).first()).toContainText("国药科技城");
    await page.getByRole("button", { name: "添加到“建设中”" }).click();
    const dialog = page.getByRole("dialog", { name: "添加事项" });
    await expect(dialog.getByLabel("所属阶段")).toHaveValue("建设中");
    await dialog.getByLabel("类别").fill("专项验收");
    await dialog.getByLabel("事项名称").fill(title);
    await dialog.getByLabel("责任部门").fill("自然资源局");
    await dialog.getByLabel("办理时限起算").selectOption({ label: "供地日" });
    await dialog.getByLabel("天数").fill("-30");
    await dialog.getByRole("button", { name: "添加事项" }).click();
    // Said next to the field; nothing saved, the rest kept.
    await expect(dialog.getByLabel("天数")).toHaveAttribute("aria-invalid", "true");
    await expect(alertOf(page).filter({ hasText: "办理时限请填写 0–3650 之间的整数天数" })).toBeVisible();
    await expect(dialog.getByLabel("事项名称")).toHaveValue(title);
    await dialog.getByLabel("天数").fill("330");
    await dialog.getByLabel("办结时须提供佐证材料").check();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "添加事项" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "事项已添加" })).toBeVisible();
    await expect(revision).toHaveText(`第 ${start + 1} 版`);
    const added = page.getByRole("listitem").filter({ hasText: title });
    await expect(added).toContainText("供地日起 330 天内");
    await expect(added).toContainText("需佐证材料");

    // Moving it up within 建设中 is another revision.
    await page.getByRole("button", { name: `上移：${title}` }).click();
    await expect(revision).toHaveText(`第 ${start + 2} 版`);
    // Dropping a phase that still has items is refused next to the field; nothing changes.
    const fields = page.getByRole("region", { name: "基本信息" });
    await fields.getByLabel("阶段").fill("开工前\n建设中");
    await fields.getByRole("button", { name: "保存" }).click();
    await expect(fields.getByLabel("阶段")).toHaveAttribute("aria-invalid", "true");
    await expect(fields.getByText("要删除的阶段下还有事项")).toBeVisible();
    await expect(revision).toHaveText(`第 ${start + 2} 版`);
    await fields.getByLabel("阶段").fill("开工前\n建设中\n建成后");
    await fields.getByRole("button", { name: "保存" }).click();
    // Saved unchanged: no new revision.
    await expect(fields.getByRole("status")).toHaveText(`已保存，模板现为第 ${start + 2} 版`);

    // The checklist started earlier: same items, still its own revision, and it says so.
    expect(await itemTitles(existing.id)).toEqual(before);
    await page.getByRole("region", { name: /已启用的清单/ }).first().getByRole("link", { name: "国药科技城" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("国药科技城 · 用地一件事");
    await expect(page.getByText(`模板已更新至第 ${start + 2} 版，本清单仍按启用时的第 ${existing.revision} 版执行`)).toBeVisible();
    await expect(page.getByText(title)).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe("as 国药科技城's service steward", () => {
  test.use({ storageState: authFile("staff") });

  test("staff see 用地一件事 by phase, then close an item from /service in one step", async ({ page }) => {
    const land = await demoChecklist("land-one-thing");
    await page.goto("/projects?q=国药科技城");
    await page.getByRole("link", { name: "国药科技城", exact: true }).click();
    const card = page.getByRole("region", { name: "服务清单" });
    await expect(card.getByRole("link", { name: "用地一件事" })).toBeVisible();
    await expect(card.getByRole("link", { name: "落地办专班服务" })).toBeVisible();
    await expect(card.getByRole("list", { name: "用地一件事分阶段进度" })).toContainText("开工前");
    await expect(card.getByRole("progressbar", { name: "用地一件事完成进度" })).toBeVisible();
    await expectAccessible(page);

    await card.getByRole("link", { name: "用地一件事" }).click();
    await expect(page).toHaveURL(`/checklists/${land.id}`);
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(["开工前", "建设中", "建成后"]);
    const permit = page.getByTestId("checklist-item").filter({ hasText: "建设用地规划许可证" });
    await expect(permit).toContainText("推进中");
    await expect(permit).toContainText("需佐证材料");
    await expect(permit.getByRole("button", { name: "更新：建设用地规划许可证" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "服务事项" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "服务事项" })).toBeVisible();
    await page.getByLabel("项目/园区").selectOption({ label: (await page.getByRole("option", { name: /^国药科技城/ }).textContent())! });
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/target=project%3A/);
    const items = page.getByTestId("worklist-item");
    await expect(items.first()).toContainText("国药科技城");
    await expect(items.filter({ hasText: "海尔生物安全科创产业园" })).toHaveCount(0);
    // Overdue first, flagged in words.
    await expect(items.first()).toContainText("已逾期");
    await expectAccessible(page);

    const item = items.filter({ hasText: "建设用地规划许可证" });
    await item.getByLabel("办结说明").fill("已取得建设用地规划许可证");
    await item.getByRole("button", { name: "办结：建设用地规划许可证" }).click();
    // Evidence is required: said next to the link field, and the note is kept.
    const link = item.getByLabel("佐证材料链接");
    await expect(link).toHaveAttribute("aria-invalid", "true");
    await expect(item.getByText("该事项需要佐证材料，请先添加材料链接")).toBeVisible();
    await link.fill("许可证扫描件");
    await item.getByRole("button", { name: "办结：建设用地规划许可证" }).click();
    await expect(item.getByText("请填写以 http:// 或 https:// 开头的完整链接")).toBeVisible();
    await expect(item.getByLabel("办结说明")).toHaveValue("已取得建设用地规划许可证");
    await link.fill("https://zwfw.qingdao.gov.cn/files/ydgh-2026.pdf");
    await item.getByRole("button", { name: "办结：建设用地规划许可证" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已办结“建设用地规划许可证”" })).toBeVisible();
    await expect(items.filter({ hasText: "建设用地规划许可证" })).toHaveCount(0);

    const saved = await withDb(async (db) => (await db.select().from(checklistItems).where(and(eq(checklistItems.checklistId, land.id), eq(checklistItems.title, "建设用地规划许可证"))))[0]!);
    expect(saved).toMatchObject({ status: "done", completedOn: today });
    expect(saved.evidence).toContainEqual({ label: "", url: "https://zwfw.qingdao.gov.cn/files/ydgh-2026.pdf" });
    expect(saved.progressNote).toContain("已取得建设用地规划许可证");

    // The project's timeline has it.
    await page.goto(`/projects/${land.projectId}`);
    const timeline = page.getByRole("region", { name: "跟进时间线" });
    await expect(timeline).toContainText("「建设用地规划许可证」状态：推进中 → 已完成");
  });

  test("a freshly signed project is offered its service checklists and gets 落地办专班 from its page", async ({ page }) => {
    const name = uniqueName("落地办测试项目");
    const { projects: created } = await createProjectsFor("staff", [{ name, totalInvestmentYi: "3" }]);
    const id = created[0]!.id;
    await changeStageAs("staff", id, { toStage: "intent" });
    const signedOn = addDays(today, -40);
    await changeStageAs("staff", id, { toStage: "signed", signingDate: signedOn, agreementType: "investment", contractInvestmentYi: "3" });

    await page.goto(`/projects/${id}`);
    const card = page.getByRole("region", { name: "服务清单" });
    await expect(card).toContainText("该项目已签约，可启用服务清单：用地一件事 / 落地办专班服务");
    await card.getByRole("button", { name: "启用清单" }).click();
    await card.getByLabel("清单模板").selectOption({ label: "落地办专班服务" });
    await card.getByLabel("启用日期").fill(addDays(today, 3));
    await card.getByRole("button", { name: "启用", exact: true }).click();
    await expect(card.getByLabel("启用日期")).toHaveAttribute("aria-invalid", "true");
    await card.getByLabel("启用日期").fill(today);
    await expectAccessible(page);
    await card.getByRole("button", { name: "启用", exact: true }).click();
    await expect(card.getByRole("status").filter({ hasText: "已启用“落地办专班服务”" })).toBeVisible();
    await expect(card.getByRole("link", { name: "落地办专班服务" })).toBeVisible();
    await expect(card.getByTestId("checklist-summary")).toContainText("已完成 0/8");
    // Overdue already: the first items were due days after signing, 40 days ago.
    await expect(card.getByTestId("checklist-summary")).toContainText(/逾期 [1-9]/);
    // Offered once: 用地一件事 is still available, 落地办专班 no longer.
    await card.getByRole("button", { name: "启用清单" }).click();
    await expect(card.getByLabel("清单模板").getByRole("option")).toHaveText(["用地一件事"]);

    await card.getByRole("link", { name: "落地办专班服务" }).click();
    const first = page.getByTestId("checklist-item").filter({ hasText: "确定项目服务管家并对接企业" });
    await expect(first).toContainText(`截止日期${addDays(signedOn, 3)}`);
    await expect(first).toContainText("已逾期");
    await expect(page.getByRole("region", { name: "签约后" })).toBeVisible();
    await page.goto(`/projects/${id}`);
    await expect(page.getByRole("region", { name: "跟进时间线" })).toContainText("启用了服务清单落地办专班服务");
  });

  test("on a phone, the worklist and a checklist fit the screen", async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: authFile("staff"), viewport: { width: 375, height: 812 }, hasTouch: true });
    const page = await ctx.newPage();
    await page.goto("/service");
    await expect(page.getByTestId("worklist-item").first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.getByTestId("worklist-item").first().getByRole("link").nth(1).click();
    await expect(page.getByTestId("checklist-item").first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.getByTestId("checklist-item").getByRole("button", { name: /^更新：/ }).first().click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await ctx.close();
  });
});

test("another unit's officer gets a 404 for 国药科技城's checklist and no worklist items of it", async ({ browser }) => {
  const land = await demoChecklist("land-one-thing");
  const ctx = await browser.newContext({ storageState: authFile("staff2") });
  const page = await ctx.newPage();
  const res = await page.goto(`/checklists/${land.id}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await page.goto("/service");
  await expect(page.getByTestId("worklist-item").filter({ hasText: "国药科技城" })).toHaveCount(0);
  await ctx.close();
});

test("7个1 on 健康谷: its lead completes an item with its evidence and the progress goes up", async ({ browser }) => {
  // The parks come with the parks seed; where it is not loaded, 健康谷 and its 7个1 are made here as the seed would.
  const checklistId = await withDb(async (db) => {
    let [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.name, "健康谷"));
    if (!park) {
      [park] = await db.insert(parks).values({ name: "健康谷", districtCode: "370203", areaMu: "1071", operator: "融汇集团" }).returning({ id: parks.id });
      await db.insert(zones).values({ parkId: park!.id, name: "核心区", areaMu: "383", sortOrder: 1 });
    }
    const [existing] = await db
      .select({ id: checklists.id })
      .from(checklists)
      .innerJoin(workflowTemplates, eq(workflowTemplates.id, checklists.templateId))
      .where(and(eq(checklists.parkId, park!.id), isNull(checklists.zoneId), eq(workflowTemplates.code, "7x1")));
    if (existing) return existing.id;
    const [template] = await db.select({ id: workflowTemplates.id }).from(workflowTemplates).where(eq(workflowTemplates.code, "7x1"));
    const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, "370203-JKG"));
    const staff2 = await viewerOf(db, "staff2");
    const created = await applyTemplate(db, await viewerOf(db, "admin"), { templateId: template!.id, parkId: park!.id, unitId: unit!.id, ownerId: staff2.id, startedOn: addDays(today, -200) });
    return created.id;
  });

  const ctx = await browser.newContext({ storageState: authFile("staff2") });
  const page = await ctx.newPage();
  await page.goto(`/checklists/${checklistId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("健康谷 · 7个1工作体系");
  await expect(page.getByText("园区工作机制")).toBeVisible();
  const summary = page.getByText(/^已完成 \d+\/7$/).first();
  const doneBefore = Number((await summary.textContent())!.match(/(\d+)\//)![1]);

  const item = page.getByTestId("checklist-item").filter({ hasText: "1套产业政策" });
  await item.getByRole("button", { name: "更新：1套产业政策" }).click();
  const dialog = page.getByRole("dialog", { name: "更新事项：1套产业政策" });
  await dialog.getByLabel("状态").selectOption({ label: "已完成" });
  // Marked done, the completion date is today unless changed.
  await expect(dialog.getByLabel("完成日期")).toHaveValue(today);
  await dialog.getByLabel("进展情况").fill("《健康谷产业扶持政策》已印发");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.getByText("该事项需要佐证材料，请先添加材料链接")).toBeVisible();
  await dialog.getByRole("button", { name: "添加材料链接" }).click();
  await dialog.getByLabel("材料名称 1").fill("政策文件");
  await dialog.getByLabel(/^链接 1/).fill("https://www.qingdaoshibei.gov.cn/zcwj/jkg-2026.pdf");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "已更新“1套产业政策”" })).toBeVisible();
  await expect(item).toContainText("已完成");
  await expect(item.getByRole("link", { name: "政策文件" })).toHaveAttribute("href", "https://www.qingdaoshibei.gov.cn/zcwj/jkg-2026.pdf");
  await expect(page.getByText(`已完成 ${doneBefore + 1}/7`).first()).toBeVisible();
  await ctx.close();
});

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

import { expect, test, type Page } from "@playwright/test";
import { createProjectsFor, uniqueName } from "./factories";
import { alertOf, authFile, expectAccessible } from "./support";

const stamp = () => Date.now().toString(36).toUpperCase();

/** The unit switch beside the area: its radios are visually hidden, the labels are what one clicks. */
const unit = (page: Page, name: string) => page.getByRole("radiogroup", { name: "面积单位" }).locator("label", { hasText: name });

/** A card (a region named by its heading); a table inside it may carry the same name. */
const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true }).first();

/** No sideways scrolling of the page itself (wide tables scroll inside their own region). */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("land: parks and parcels as admin", () => {
  test.use({ storageState: authFile("admin") });

  test("land: admin registers a parcel typed in ㎡, sees it in 亩, and moves its status on with dates", async ({ page }) => {
    test.setTimeout(120_000);
    const code = `E2E-${stamp()}`;
    await page.goto("/parcels/new");
    await expect(page.getByRole("heading", { name: "登记地块" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("地块编号").fill(code);
    await page.getByLabel("所属园区").selectOption({ label: "健康谷" });
    await page.getByLabel("所属组团").selectOption({ label: "核心区" });
    await unit(page, "㎡").click();
    // A bad area: the message stands next to the field, and nothing typed is lost.
    await page.getByRole("textbox", { name: "面积", exact: true }).fill("12.345");
    await page.getByRole("button", { name: "登记地块" }).click();
    await expect(page.locator("#area-error")).toHaveText("请输入面积（平方米），最多 2 位小数");
    await expect(page.getByRole("textbox", { name: "面积", exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("地块编号")).toHaveValue(code);

    await page.getByRole("textbox", { name: "面积", exact: true }).fill("20000");
    await expect(page.getByTestId("area-equivalent")).toHaveText("折合 30.00 亩（精确值 30.000000 亩）");
    await unit(page, "亩").click();
    await expect(page.getByTestId("area-equivalent")).toHaveText("折合 13,333,333.33 ㎡");
    await unit(page, "㎡").click();
    await page.getByLabel("用地性质").selectOption({ label: "新型产业用地（M0）" });
    await page.getByRole("combobox", { name: "状态", exact: true }).selectOption({ label: "已腾空" });
    await page.getByLabel("坐落位置").fill("孤山北核心区测试地块");
    await page.getByRole("button", { name: "登记地块" }).click();

    await expect(page.getByRole("heading", { name: `地块 ${code}` })).toBeVisible();
    await expect(page.getByText("已保存")).toBeVisible();
    const facts = region(page, "地块信息");
    await expect(facts).toContainText("30.00 亩（20,000.00 ㎡）");
    await expect(facts).toContainText("按平方米登记");
    await expectAccessible(page);

    // 已腾空 → 已挂牌 today; a date in the future is refused first.
    const statusCard = region(page, "变更状态");
    await statusCard.getByLabel("变更为").selectOption({ label: "已挂牌" });
    await statusCard.getByLabel("变更日期").fill("2999-01-01");
    await statusCard.getByRole("button", { name: "变更状态" }).click();
    await expect(statusCard.getByText("日期不能晚于今天")).toBeVisible();
    const today = await statusCard.getByLabel("变更日期").getAttribute("max");
    await statusCard.getByLabel("变更日期").fill(today!);
    await statusCard.getByRole("button", { name: "变更状态" }).click();
    await expect(statusCard.getByText("地块状态已变更为已挂牌")).toBeVisible();
    const history = region(page, "状态变更记录");
    await expect(history).toContainText("登记为已腾空");
    await expect(history).toContainText("已腾空 → 已挂牌");

    // → 已出让 with its price: the change date is the transfer date.
    await statusCard.getByLabel("变更为").selectOption({ label: "已出让" });
    await statusCard.getByLabel("出让金（万元）").fill("900");
    await statusCard.getByRole("button", { name: "变更状态" }).click();
    await expect(statusCard.getByText("地块状态已变更为已出让")).toBeVisible();
    await expect(facts).toContainText(today!);
    await expect(facts).toContainText("900.00");
    await expect(history).toContainText("已挂牌 → 已出让");
    await expect(region(page, "修改记录")).toContainText("出让金（万元）：— → 900.00");
    await expectAccessible(page);

    // The edit form brings the area back in ㎡, as it was typed.
    await page.getByRole("link", { name: "编辑地块" }).click();
    await expect(page.getByRole("textbox", { name: "面积", exact: true })).toHaveValue("20000");
    await expect(page.getByRole("radio", { name: "㎡", exact: true })).toBeChecked();
    await expectAccessible(page);

    // Found in the list by its code, with the count and Σ area.
    await page.goto(`/parcels?q=${code}`);
    await expect(page.getByText("共 1 块地块，面积合计 30.00 亩（20,000.00 ㎡）")).toBeVisible();
    await expectAccessible(page);
  });

  test("land: two people edit the same parcel: disjoint edits both survive, and a field both changed is a choice", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const code = `TWO-${stamp()}`;
    await page.goto("/parcels/new");
    await page.getByLabel("地块编号").fill(code);
    await page.getByLabel("所属园区").selectOption({ label: "健康谷" });
    await page.getByRole("textbox", { name: "面积", exact: true }).fill("40");
    await page.getByLabel("坐落位置").fill("株洲路以北");
    await page.getByRole("button", { name: "登记地块" }).click();
    await expect(page.getByRole("heading", { name: `地块 ${code}` })).toBeVisible();
    const editUrl = `${new URL(page.url()).pathname}/edit`;
    await page.goto(editUrl);

    // A manager, in another browser, saves first: 坐落位置 and 备注.
    const managerCtx = await browser.newContext({ storageState: authFile("manager") });
    const manager = await managerCtx.newPage();
    await manager.goto(editUrl);
    await manager.getByLabel("坐落位置").fill("株洲路以南");
    await manager.getByLabel("备注").fill("已完成地勘");
    await manager.getByRole("button", { name: "保存修改" }).click();
    await expect(manager.getByText("已保存")).toBeVisible();
    await managerCtx.close();

    // This user changed 备注 too, and 容积率 (which the manager left alone).
    await page.getByLabel("容积率").fill("2.5");
    await page.getByLabel("备注").fill("拟供地");
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(alertOf(page)).toContainText("已被他人修改");
    const notice = page.getByRole("status").filter({ hasText: "对方在您打开表单后保存了新的内容" });
    await expect(notice).toContainText("坐落位置：株洲路以南");
    await expect(page.getByLabel("坐落位置")).toHaveValue("株洲路以南");
    await expect(page.getByLabel("容积率")).toHaveValue("2.5");
    await expect(page.getByLabel("备注", { exact: true })).toHaveValue("拟供地");
    await expectAccessible(page);
    const choice = page.getByRole("group", { name: "备注" });
    await expect(choice.getByRole("radio", { name: "我填写的：拟供地" })).toBeChecked();
    await choice.getByRole("radio", { name: "对方保存的：已完成地勘" }).check();
    await expect(page.getByLabel("备注", { exact: true })).toHaveValue("已完成地勘");
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByText("已保存")).toBeVisible();
    const facts = region(page, "地块信息");
    await expect(facts).toContainText("株洲路以南");
    await expect(facts).toContainText("2.5");
    await expect(facts).toContainText("已完成地勘");
  });

  test("land: admin creates a park with zones, renames and adds zones, and reads its totals", async ({ page }) => {
    test.setTimeout(90_000);
    const name = `测试产业园${stamp()}`;
    await page.goto("/parks");
    await expect(region(page, "园区")).toContainText("健康谷");
    await expectAccessible(page);
    await page.getByRole("link", { name: "新建园区" }).click();
    await expect(page.getByRole("heading", { name: "新建园区" })).toBeVisible();
    await page.getByLabel("园区名称").fill(name);
    await page.getByLabel("所在区（市）").selectOption({ label: "市北区（370203）" });
    await page.getByLabel("规划面积（亩）").fill("500");
    await page.getByRole("button", { name: "添加组团" }).click();
    await page.getByLabel("组团 1 名称").fill("一区");
    await expectAccessible(page);
    await page.getByRole("button", { name: "创建园区" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(region(page, "组团 / 片区")).toContainText("一区");

    await page.getByRole("link", { name: "编辑园区" }).click();
    await page.getByLabel("组团 1 名称").fill("一号区");
    await page.getByRole("button", { name: "添加组团" }).click();
    await page.getByLabel("组团 2 名称").fill("一号区");
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByText("同一园区内组团名称不能重复")).toBeVisible();
    await page.getByLabel("组团 2 名称").fill("二号区");
    await expectAccessible(page);
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByText("已保存")).toBeVisible();
    const zones = region(page, "组团 / 片区");
    await expect(zones).toContainText("一号区");
    await expect(zones).toContainText("二号区");

    // 健康谷 reads like the field report, with its parcels' total.
    await page.goto("/parks");
    await page.getByRole("link", { name: "健康谷", exact: true }).click();
    await expect(page.getByRole("heading", { name: "健康谷" })).toBeVisible();
    await expect(page.getByText(/已登记地块 \d+ 块，共 [\d,.]+ 亩，其中已腾空 [\d,.]+ 亩，已出让 [\d,.]+ 亩。/)).toBeVisible();
    await expect(region(page, "组团 / 片区")).toContainText("核心区");
    await expect(region(page, "落地及意向项目")).toContainText("百洋医药健康谷总部及创新产业园");
    await expectAccessible(page);
  });
});

test.describe("land: matching a parcel to a project", () => {
  test.use({ storageState: authFile("staff2") });

  test("land: staff sets a project's land need, sees ranked candidates with reasons, and matches a 健康谷 核心区 parcel", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const projectName = uniqueName("健康谷医疗器械项目");
    const { projects } = await createProjectsFor("staff2", [{ name: projectName, totalInvestmentYi: "3" }]);
    const projectUrl = `/projects/${projects[0]!.id}`;
    await page.goto(projectUrl);
    const card = region(page, "用地需求与地块");
    await expect(card).toContainText("尚未填写用地需求");

    await card.getByText("填写或修改用地需求").click();
    await card.getByLabel("用地需求（亩）").fill("八十");
    await card.getByRole("button", { name: "保存用地需求" }).click();
    await expect(card.locator("#landNeedMu-error")).toHaveText("请输入面积（亩），最多 6 位小数");
    await card.getByLabel("用地需求（亩）").fill("80");
    await expect(card.getByText("折合 53,333.33 ㎡")).toBeVisible();
    await card.getByLabel("用地性质").selectOption({ label: "工业用地（M1）" });
    await card.getByLabel("意向园区").selectOption({ label: "健康谷" });
    await card.getByRole("button", { name: "保存用地需求" }).click();
    await expect(card.getByText("用地需求已保存")).toBeVisible();
    await expect(card).toContainText("需用地 80 亩 · 工业用地（M1） · 意向园区：健康谷");

    // Ranked candidates, each score explained; SB-HXQ-02 is a 86.2 亩 M1 parcel in 核心区, cleared.
    const candidates = card.getByRole("list", { name: "候选地块" });
    const item = candidates.getByRole("listitem").filter({ has: page.getByRole("link", { name: "SB-HXQ-02", exact: true }) });
    await expect(item).toContainText("面积 86.2 亩，需求 80 亩，偏大 8%");
    await expect(item).toContainText("用地性质一致：工业用地（M1）");
    await expect(item).toContainText("位于意向园区健康谷");
    await expect(item).toContainText("已腾空，可尽快组织挂牌");
    await expect(item).toContainText("93 分");
    await expect(item).toContainText("因在意向园区内，排在其他园区的地块之前");
    // Parcels in the intended park that fit the need first, then the rest; each by score.
    const ranked = await candidates.locator(":scope > li").evaluateAll((items) =>
      items.map((li) => ({ preferred: li.getAttribute("data-preferred") === "true", score: Number(li.querySelector("[data-score]")!.getAttribute("data-score")) })),
    );
    expect(ranked.length).toBeGreaterThan(1);
    expect(ranked[0]!.preferred).toBe(true);
    const order = (a: (typeof ranked)[number], b: (typeof ranked)[number]) => Number(b.preferred) - Number(a.preferred) || b.score - a.score;
    expect([...ranked].sort(order)).toEqual(ranked);
    await expectAccessible(page);

    const parcelHref = (await item.getByRole("link", { name: "SB-HXQ-02", exact: true }).getAttribute("href"))!;
    await item.getByRole("button", { name: "匹配 SB-HXQ-02" }).click();
    const linked = card.getByRole("region", { name: "已匹配地块" });
    await expect(linked.getByRole("link", { name: "SB-HXQ-02" })).toBeVisible();
    await expect(candidates.getByRole("link", { name: "SB-HXQ-02", exact: true })).toHaveCount(0);

    // The parcel shows its project; the project shows its parcel.
    await page.goto(parcelHref);
    const matched = region(page, "匹配项目");
    await expect(matched.getByRole("link", { name: projectName })).toBeVisible();
    await expect(region(page, "修改记录")).toContainText(`匹配项目：— → ${projectName}`);
    await expectAccessible(page);
    await matched.getByRole("link", { name: projectName }).click();
    await expect(page.getByRole("heading", { name: projectName })).toBeVisible();
    await expect(region(page, "用地需求与地块").getByRole("link", { name: "SB-HXQ-02" })).toBeVisible();

    // Another unit's staff cannot match to this project by id, nor take the parcel over.
    const other = await browser.newContext({ storageState: authFile("staff") });
    const parcelId = parcelHref.split("/").pop();
    const byId = await other.request.post(`/api/v1/projects/${projects[0]!.id}/parcels`, { data: { parcelId } });
    expect(byId.status()).toBe(404);
    const theirs = await createProjectsFor("staff", [{ name: uniqueName("高新区项目"), totalInvestmentYi: "1" }]);
    const taken = await other.request.post(`/api/v1/projects/${theirs.projects[0]!.id}/parcels`, { data: { parcelId } });
    expect(taken.status()).toBe(409);
    expect(await taken.json()).toMatchObject({ error: { code: "parcel_taken", message: "该地块已匹配给其他项目，不能重复匹配" } });
    const badId = await other.request.post(`/api/v1/projects/${theirs.projects[0]!.id}/parcels`, { data: { parcelId: "x" } });
    expect(badId.status()).toBe(422);
    expect(await badId.json()).toMatchObject({ error: { fields: { parcelId: [expect.any(String)] } } });
    // staff2's view of the parcel names the project; staff (another unit) sees only that it is taken.
    const otherPage = await other.newPage();
    await otherPage.goto(parcelHref);
    await expect(region(otherPage, "匹配项目")).toContainText("已匹配（其他单位的项目）");
    await expect(otherPage.getByRole("link", { name: projectName })).toHaveCount(0);
    // Staff read parcels but do not edit them.
    await expect(otherPage.getByRole("link", { name: "编辑地块" })).toHaveCount(0);
    await expect(region(otherPage, "变更状态")).toHaveCount(0);
    expect((await otherPage.goto("/parcels/new"))?.status()).toBe(404);
    expect((await otherPage.goto(`${parcelHref}/edit`))?.status()).toBe(404);
    await other.close();

    // Undo the match from the project page.
    await region(page, "用地需求与地块").getByRole("button", { name: "解除匹配 SB-HXQ-02" }).click();
    await expect(region(page, "用地需求与地块")).toContainText("尚未匹配地块");
  });
});

test.describe("land: on a phone", () => {
  test.use({ storageState: authFile("manager"), viewport: { width: 375, height: 812 }, hasTouch: true });

  test("land: the parcel list, a park and a parcel fit a phone's width", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/parcels?park=");
    await expect(page.getByRole("heading", { name: "地块", exact: true })).toBeVisible();
    await expect(page.getByText(/^共 \d+ 块地块/)).toBeVisible();
    await expectNoOverflow(page);
    await expectAccessible(page);
    await page.getByRole("group", { name: "状态" }).getByText("已挂牌").click();
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(page).toHaveURL(/status=listed/);
    await expect(page.getByRole("region", { name: "地块", exact: true }).locator("tbody tr").first()).toContainText("已挂牌");

    await page.goto("/parks");
    await page.getByRole("link", { name: "生物医药及医疗器械产业园", exact: true }).click();
    await expect(page.getByRole("heading", { name: "生物医药及医疗器械产业园" })).toBeVisible();
    await expectNoOverflow(page);
    await expectAccessible(page);

    await page.getByRole("link", { name: "HTQ-2023-05" }).click();
    await expect(page.getByRole("heading", { name: "地块 HTQ-2023-05" })).toBeVisible();
    await expect(region(page, "状态变更记录")).toContainText("2023-06-15");
    await expect(region(page, "匹配项目")).toContainText("海尔生物安全科创产业园");
    await expectNoOverflow(page);
    await expectAccessible(page);
    await expect(alertOf(page)).toHaveCount(0);
  });
});

test.describe("land: the park and zone filters", () => {
  test.use({ storageState: authFile("staff2") });

  test("所属组团 follows the chosen park and names each zone with its park; /parcels?q=健康谷 finds the park's parcels", async ({ page }) => {
    await page.goto("/parcels");
    const park = page.getByLabel("所属园区");
    const zone = page.getByLabel("所属组团");
    // No park chosen: two parks have a 核心区, each named with its park.
    await expect(zone.locator("option", { hasText: "健康谷 · 核心区" })).toHaveCount(1);
    await expect(zone.locator("option", { hasText: "精密仪器仪表产业园 · 核心区" })).toHaveCount(1);
    // A park chosen: only its zones, at once (before the form is sent).
    await park.selectOption({ label: "健康谷" });
    await expect(zone.locator("option")).toHaveText(["全部", "核心区", "美青工业园及周边", "孤山北", "中商地块"]);
    await zone.selectOption({ label: "核心区" });
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(page).toHaveURL(/park=[0-9a-f-]{36}.*zone=[0-9a-f-]{36}/);
    const rows = page.getByRole("region", { name: "地块", exact: true }).locator("tbody tr");
    await expect(rows.first()).toContainText("健康谷");
    await expect(rows.filter({ hasNotText: "核心区" })).toHaveCount(0);
    await expectAccessible(page);
    // Another park: the 健康谷 zone is let go rather than sent with a park it is not in.
    await park.selectOption({ label: "精密仪器仪表产业园" });
    await expect(zone).toHaveValue("");
    await expect(zone.locator("option")).toHaveText(["全部", "核心区", "拓展区"]);

    // The park's name finds its parcels: the same count as the park filter.
    await page.goto("/parcels");
    await page.getByLabel("所属园区").selectOption({ label: "健康谷" });
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    const byPark = (await page.getByText(/^共 \d+ 块地块/).textContent())!.match(/共 (\d+) 块/)![1];
    await page.goto(`/parcels?q=${encodeURIComponent("健康谷")}`);
    await expect(page.getByText(/^共 \d+ 块地块/)).toContainText(`共 ${byPark} 块地块`);
    expect(Number(byPark)).toBeGreaterThan(5);
  });
});

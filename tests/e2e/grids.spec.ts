import { expect, test } from "@playwright/test";
import { formatRate, rate } from "../../lib/grids/clock";
import { todayInChina } from "../../lib/i18n/format";
import { countRequests, createRequestDaysAgo, gridByCode } from "./grid-factories";
import { alertOf, authFile, expectAccessible } from "./support";

test.use({ storageState: authFile("manager") });

const stamp = () => Date.now().toString(36).toUpperCase();

test("the manager sees each grid's 办结率 on /grids, matching the requests behind it", async ({ page }) => {
  await page.goto("/grids");
  await expect(page.getByRole("heading", { name: "网格服务" })).toBeVisible();
  const table = page.getByRole("region", { name: "网格诉求统计" });
  await expect(table.getByRole("link", { name: "医药器械片区第一网格", exact: true })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(1 + 24 + 1);
  await expect(table.getByRole("row").last()).toContainText("共 24 个网格");
  await expectAccessible(page);

  // This year's figures of one grid, counted row by row in the database.
  const today = todayInChina();
  const grid = await gridByCode("GX-WG-07");
  const { received, resolved } = await countRequests(grid.id, `${today.slice(0, 4)}-01-01`, today);
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: grid.name, exact: true }) });
  await expect(row).toContainText(formatRate(rate(resolved, received)));
  const cells = row.getByRole("cell");
  await expect(cells.nth(5)).toHaveText(String(received));
  await expect(cells.nth(6)).toHaveText(String(resolved));

  // The period is in the URL: last 12 months.
  await page.getByRole("link", { name: "近 12 个月" }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=/);
  await expect(page.getByRole("status").filter({ hasText: "统计期间" })).toContainText(today);
});

test("the manager opens a grid, logs a request and accepts it", async ({ page }) => {
  test.setTimeout(90_000);
  const title = `扩产需要新增标准厂房${stamp()}`;
  await page.goto("/grids");
  await page.getByRole("region", { name: "网格诉求统计" }).getByRole("link", { name: "软件科技城网格", exact: true }).click();
  await expect(page.getByRole("heading", { name: "软件科技城网格" })).toBeVisible();
  await expect(page.getByRole("region", { name: "企业诉求" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "登记诉求" }).click();
  await expect(page.getByRole("heading", { name: "登记诉求" })).toBeVisible();
  // Nothing chosen: each field says what is missing, and nothing is saved.
  await page.getByRole("button", { name: "登记诉求" }).click();
  await expect(alertOf(page).filter({ hasText: "此项为必填项" })).toHaveCount(2);
  await expect(page.getByText("请选择您可查看的企业")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("combobox", { name: "企业", exact: true }).selectOption({ index: 1 });
  await page.getByLabel("诉求类别").selectOption({ label: "用地用房" });
  await page.getByLabel("诉求事项").fill(title);
  await page.getByLabel("诉求内容").fill("新增产线需要约 2000 平方米标准厂房");
  await page.getByRole("button", { name: "登记诉求" }).click();

  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("诉求已登记")).toBeVisible();
  // Received now and not yet accepted: due today (or on the next working day): yellow.
  await expect(page.getByText("黄灯").first()).toBeVisible();
  await expect(page.getByText("受理：临期")).toBeVisible();
  await expectAccessible(page);

  // A time in the future is refused next to the field.
  const next = new Date(Date.now() + 2 * 86_400_000);
  await page.getByLabel("办理时间").fill(`${todayInChina(next)}T10:00`);
  await page.getByRole("button", { name: "确认受理" }).click();
  await expect(page.getByText("时间不能晚于现在")).toBeVisible();
  await page.getByLabel("办理时间").fill("");
  await page.getByRole("button", { name: "确认受理" }).click();
  await expect(page.getByText("已受理").first()).toBeVisible();
  await expect(page.getByText("受理：按时")).toBeVisible();
  await expect(page.getByRole("heading", { name: "办理：答复" })).toBeVisible();

  // Back on the grid page, the request is listed as accepted.
  await page.getByRole("link", { name: "返回网格" }).click();
  const listed = page.getByRole("region", { name: "企业诉求" }).getByRole("row").filter({ hasText: title });
  await expect(listed).toContainText("已受理");
});

test("a request received 12 working days ago and not resolved shows red", async ({ page }) => {
  const title = `办理施工许可证需加快${stamp()}`;
  const request = await createRequestDaysAgo("manager", "GX-WG-12", 12, title);
  await page.goto(`/grids/${request.gridId}?colour=red&status=open&from=${request.day}`);
  const row = page.getByRole("region", { name: "企业诉求" }).getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("红灯");
  await expect(row).toContainText("受理：已超期");
  await expect(row).toContainText("办结：已超期");
  await row.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("红灯").first()).toBeVisible();
  await expectAccessible(page);
});

test("staff2 of another unit gets a 404 for a 高新区 grid and sees no grids", async ({ browser }) => {
  const grid = await gridByCode("GX-WG-01");
  const ctx = await browser.newContext({ storageState: authFile("staff2") });
  const page = await ctx.newPage();
  const res = await page.goto(`/grids/${grid.id}`);
  expect(res?.status()).toBe(404);
  expect((await page.goto(`/grids/${grid.id}/edit`))?.status()).toBe(404);
  await page.goto("/grids");
  await expect(page.getByText("没有您可查看的网格")).toBeVisible();
  await expectAccessible(page);
  await ctx.close();
});

test("the manager creates a grid with its officers and puts an enterprise in it", async ({ page }) => {
  test.setTimeout(90_000);
  const code = `E2E-${stamp()}`;
  await page.goto("/grids/new");
  await expect(page.getByRole("heading", { name: "新建网格" })).toBeVisible();
  await page.getByLabel("网格名称").fill(`测试网格${code}`);
  await page.getByLabel("网格编码").fill(code.toLowerCase());
  await page.getByLabel("责任单位").selectOption({ label: "\u3000高新区企业服务网格中心" });
  await page.getByLabel("人员 1").selectOption({ index: 1 });
  await page.getByRole("button", { name: "添加网格人员" }).click();
  await page.getByLabel("人员 2").selectOption({ index: 2 });
  await page.getByLabel("职责").nth(1).selectOption({ label: "网格长" });
  await page.getByRole("button", { name: "创建网格" }).click();
  await expect(page.getByText("每个网格只设一名网格长")).toBeVisible();
  // Checked once the form has hydrated: until then its button is disabled, and axe could
  // catch it half-way through the colour transition.
  await expectAccessible(page);
  await page.getByLabel("职责").nth(1).selectOption({ label: "网格员" });
  await page.getByRole("button", { name: "创建网格" }).click();

  await expect(page.getByRole("heading", { name: `测试网格${code}` })).toBeVisible();
  await expect(page.getByText("网格已创建")).toBeVisible();
  await expect(page.getByText(code, { exact: true }).first()).toBeVisible();

  // An enterprise the manager may see goes into the grid; one already in another grid does not.
  const picker = page.getByRole("combobox", { name: "将企业划入本网格" });
  await picker.fill("艾普");
  await page.getByRole("listbox").getByRole("option", { name: /青岛艾普智能仪器有限公司/ }).click();
  await page.getByRole("button", { name: "划入网格" }).click();
  await expect(page.getByText("该企业已划入其他网格，请先从原网格移出")).toBeVisible();
  await picker.fill("赛诺");
  await page.getByRole("listbox").getByRole("option", { name: /苏州赛诺细胞科技有限公司/ }).click();
  await page.getByRole("button", { name: "划入网格" }).click();
  await expect(page.getByText("已划入网格：苏州赛诺细胞科技有限公司")).toBeVisible();
  await expect(page.getByRole("list", { name: "网格企业" }).getByRole("link", { name: "苏州赛诺细胞科技有限公司" })).toBeVisible();

  await page.getByRole("link", { name: "编辑网格" }).click();
  await expect(page.getByRole("heading", { name: /编辑网格/ })).toBeVisible();
  await page.getByLabel("网格范围").fill("国际创新园 B 座");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByText("已保存")).toBeVisible();
  await expect(page.getByText("国际创新园 B 座")).toBeVisible();
  await expectAccessible(page);
});

test("the administrator adds and removes a holiday; a manager cannot open the page", async ({ page, browser }) => {
  const ctx = await browser.newContext({ storageState: authFile("admin") });
  const admin = await ctx.newPage();
  await admin.goto("/admin/holidays?year=2027");
  await expect(admin.getByRole("heading", { name: "节假日设置" })).toBeVisible();
  await admin.locator("#holiday-day").fill("2027-01-01");
  await admin.getByRole("textbox", { name: "名称", exact: true }).fill("元旦");
  await admin.getByRole("button", { name: "添加" }).click();
  await expect(admin.getByText("已添加 2027-01-01")).toBeVisible();
  const table = admin.getByRole("region", { name: /2027 年/ });
  await expect(table.getByRole("row").filter({ hasText: "2027-01-01" })).toContainText("周五");
  await expectAccessible(admin);
  // A weekday cannot be a make-up working day.
  await admin.locator("#holiday-day").fill("2027-01-04");
  await admin.getByRole("textbox", { name: "名称", exact: true }).fill("调休");
  await admin.getByRole("radio", { name: "调休上班" }).check();
  await admin.getByRole("button", { name: "添加" }).click();
  await expect(admin.getByText("调休上班日应为周六或周日")).toBeVisible();
  await admin.getByRole("button", { name: "删除 2027-01-01 元旦" }).click();
  await expect(admin.getByText("该年度尚未设置节假日")).toBeVisible();
  await ctx.close();

  expect((await page.goto("/admin/holidays"))?.status()).toBe(404);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });

  test("a grid's requests read as cards with their lights, without sideways scrolling", async ({ page }) => {
    const grid = await gridByCode("GX-WG-10");
    await page.goto(`/grids/${grid.id}`);
    await expect(page.getByRole("heading", { name: grid.name })).toBeVisible();
    const cards = page.getByRole("list", { name: "诉求列表" });
    await expect(cards.getByRole("listitem").first()).toContainText(/绿灯|黄灯|红灯/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await page.goto("/grids");
    await expect(page.getByRole("region", { name: "网格诉求统计" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});

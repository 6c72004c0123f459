/**
 * 数据导入 — the "done when": a manager imports a spreadsheet of signed projects with
 * Chinese headers, sees the two bad rows reported before anything is written, fixes them,
 * imports, and finds the projects on /signed. Then a column the system does not recognise is
 * mapped by hand and saved as a template; and the page on a phone.
 */
import ExcelJS from "exceljs";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { inArray, sql } from "drizzle-orm";
import { CEREMONY } from "../../db/demo-data";
import { projects } from "../../db/schema";
import { createApiToken } from "../../lib/auth/tokens";
import { baseURL } from "../../playwright.config";
import { SHARED_HEAD, SHARED_TAIL, SHEET_HEAD, SHEET_TAIL, xlsxOf } from "../support/zip";
import { createProjectsFor, uniqueName, viewerOf, withDb } from "./factories";
import { authFile, expectAccessible } from "./support";

test.use({ storageState: authFile("manager") });

const HEADER = "项目名称,投资方,内外资,总投资（亿元）,协议投资额（亿元）,签约时间,签约活动,协议类型,所属产业链,招商专员,项目进展";

/** A 签约项目清单 as a district keeps it: a title row, Chinese headers, five signed projects. */
function sheet(names: string[], investors: string[], bad: boolean) {
  const rows = names.map((name, i) => [name, investors[i], "本地", String(2 + i), String(1 + i), "2024-03-15", CEREMONY, "投资协议", "生物医药及医疗器械", "李明", "已签约"]);
  if (bad) {
    rows[1]![3] = "两亿"; // row 4 of the file: an amount in words
    rows[3]![5] = "2099-01-01"; // row 6: a signing date in the future
  }
  return ["2024年一季度签约项目清单", HEADER, ...rows.map((r) => r.join(","))].join("\r\n") + "\r\n";
}

async function choose(page: Page, name: string, content: string) {
  await page.getByLabel("表格文件").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
  await expect(page.getByText(/表头在第 \d+ 行/)).toBeVisible();
}

async function countProjects(names: string[]) {
  return withDb(async (db) => (await db.select({ n: sql<number>`count(*)::int` }).from(projects).where(inArray(projects.name, names)))[0]!.n);
}

test("a manager imports signed projects: two bad rows reported before anything is written, fixed, imported, found on /signed", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const tag = uniqueName("导入").replace(/\s/g, "");
  const names = ["智能传感器项目", "高端医疗影像项目", "细胞治疗中试平台", "精密阀门制造项目", "检测服务平台"].map((n) => `${n}${tag}`);
  const investors = names.map((_, i) => `导入测试投资方${i + 1}${tag}有限公司`);

  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "数据导入", level: 1 })).toBeVisible();
  await expectAccessible(page);

  await choose(page, "签约项目清单.csv", sheet(names, investors, true));
  await expect(page.getByText("表头在第 2 行，共 11 列。")).toBeVisible();
  await expect(page.getByLabel("总投资（亿元）", { exact: true })).toHaveValue("totalInvestmentYi");
  await expect(page.getByLabel("签约时间", { exact: true })).toHaveValue("signingDate");

  await page.getByRole("button", { name: "校验（不写入数据）" }).click();
  await expect(page.getByText("共 5 行：3 行可以导入，2 行有错误。")).toBeVisible();
  const problems = page.getByRole("region", { name: "问题" });
  await expect(problems.locator("tbody tr")).toHaveCount(2);
  await expect(problems.locator("tbody tr").nth(0)).toContainText("4");
  await expect(problems.locator("tbody tr").nth(0)).toContainText("总投资（亿元）");
  await expect(problems.locator("tbody tr").nth(0)).toContainText("两亿");
  await expect(problems.locator("tbody tr").nth(1)).toContainText("6");
  await expect(problems.locator("tbody tr").nth(1)).toContainText("签约时间");
  // Nothing written yet, and the import is not offered without leaving the bad rows out.
  expect(await countProjects(names)).toBe(0);
  await expect(page.getByRole("button", { name: "确认导入 3 行" })).toBeDisabled();
  await expectAccessible(page);

  // The error report: the file back with a 错误说明 column.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载错误报告（.xlsx）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("签约项目清单-错误报告.xlsx");
  const path = testInfo.outputPath("report.xlsx");
  await download.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).getCell(1).value).toBe("错误说明");
  const explained = [2, 3, 4, 5, 6].map((r) => String(ws.getRow(r).getCell(1).value ?? ""));
  expect(explained.filter(Boolean)).toHaveLength(2);
  expect(explained[1]).toContain("总投资（亿元）");
  expect(explained[3]).toContain("签约时间");

  // Fixed in the spreadsheet and chosen again: no errors, then the import.
  await choose(page, "签约项目清单-已修改.csv", sheet(names, investors, false));
  await page.getByRole("button", { name: "校验（不写入数据）" }).click();
  await expect(page.getByText("共 5 行：5 行可以导入，0 行有错误。")).toBeVisible();
  await expect(page.getByText("另将新建投资方 5 家。")).toBeVisible();
  const toCreate = page.getByRole("region", { name: "将要写入的内容（5 行）" });
  await expect(toCreate.locator("tbody")).toHaveCount(5);
  await expect(toCreate.locator("tbody").first()).toContainText(`新建${names[0]}`);
  await page.getByRole("button", { name: "确认导入 5 行" }).click();
  await expect(page.getByText("导入完成：新增 5 条，更新 0 条。")).toBeVisible();
  expect(await countProjects(names)).toBe(5);
  // The import is on record.
  await expect(page.getByRole("region", { name: "导入记录" }).getByRole("row", { name: /签约项目清单-已修改\.csv/ })).toBeVisible();

  await page.getByRole("link", { name: "查看签约项目" }).click();
  await expect(page).toHaveURL(/\/signed/);
  await page.goto(`/signed?q=${encodeURIComponent(tag)}`);
  await expect(page.getByText("共 5 个项目")).toBeVisible();
  for (const n of names) await expect(page.getByRole("link", { name: n })).toBeVisible();

  // A script with the manager's API token lists the same projects, and gets a 404 outside the unit.
  const token = await withDb(async (db) => (await createApiToken(db, await viewerOf(db, "manager"), { name: `导入核对${tag}`, expiresInDays: 7 })).token);
  const elsewhere = await createProjectsFor("staff2", [{ name: `健康谷项目${tag}`, totalInvestmentYi: "1" }]);
  const script = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const listed = await script.get(`/api/v1/signed-projects?q=${encodeURIComponent(tag)}&limit=50`);
  expect(listed.status()).toBe(200);
  expect(((await listed.json()).data as { name: string }[]).map((p) => p.name).sort()).toEqual([...names].sort());
  expect((await script.get(`/api/v1/projects/${elsewhere.projects[0]!.id}`)).status()).toBe(404);
  await script.dispose();
});

test("an unrecognised column is mapped by hand, saved as a template, and the re-import updates rather than duplicates", async ({ page }) => {
  const tag = uniqueName("映射").replace(/\s/g, "");
  const name = `康复辅具产业园${tag}`;
  const csv = (amount: string) => `项目名称,投资企业名称,投资总额\r\n${name},康复大学科技园${tag}有限公司,${amount}\r\n`;
  await page.goto("/import");
  await choose(page, "映射.csv", csv("3"));
  await expect(page.getByText("请为以下必填项指定表格中的列：投资方、总投资（亿元）")).toBeVisible();
  await expect(page.getByRole("button", { name: "校验（不写入数据）" })).toBeDisabled();
  await page.getByLabel("投资企业名称").selectOption("enterpriseName");
  await page.getByLabel("投资总额").selectOption("totalInvestmentYi");
  await page.getByLabel("模板名称").fill(`区里的项目表${tag}`);
  await page.getByRole("button", { name: "保存为模板" }).click();
  await expect(page.getByText(`已保存对应关系“区里的项目表${tag}”`)).toBeVisible();
  await page.getByRole("button", { name: "校验（不写入数据）" }).click();
  await expect(page.getByText("共 1 行：1 行可以导入，0 行有错误。")).toBeVisible();
  await page.getByRole("button", { name: "确认导入 1 行" }).click();
  await expect(page.getByText("导入完成：新增 1 条，更新 0 条。")).toBeVisible();

  // The same sheet next month, its amount changed: the saved mapping applies, the project is updated.
  await page.getByRole("button", { name: "导入另一个文件" }).click();
  await choose(page, "映射-2月.csv", csv("3.5"));
  await page.getByLabel("已保存的对应关系").selectOption({ label: `区里的项目表${tag}` });
  await page.getByRole("button", { name: "套用" }).click();
  await expect(page.getByLabel("投资总额")).toHaveValue("totalInvestmentYi");
  await page.getByRole("button", { name: "校验（不写入数据）" }).click();
  await expect(page.getByText("可导入的行将新增 0 条、更新 1 条，0 条与系统中一致无需变更。")).toBeVisible();
  // The dry run says which row changes and how: the one field, before → after.
  const changes = page.getByRole("region", { name: "将要写入的内容（1 行）" });
  await expect(changes.locator("tbody tr")).toHaveCount(1);
  await expect(changes.locator("tbody tr")).toContainText(["2", "更新", name, "投资总额", "3.00 亿元", "3.50 亿元"].join(""));
  await expectAccessible(page);
  await page.getByRole("button", { name: "确认导入 1 行" }).click();
  await expect(page.getByRole("region", { name: "已写入的内容（1 行）" }).locator("tbody tr")).toContainText("3.50 亿元");
  await expect(page.getByText("导入完成：新增 0 条，更新 1 条。")).toBeVisible();
  expect(await countProjects([name])).toBe(1);
  const total = await withDb(async (db) => (await db.select({ t: projects.totalInvestment }).from(projects).where(inArray(projects.name, [name])))[0]!.t);
  expect(total).toBe("350000000.00");
  await expectAccessible(page);
});

test("a hostile file is refused with its limit named: under the file on the page, a 4xx JSON to a script, the server still up", async ({ page }) => {
  test.setTimeout(120_000);
  // ~300 KB whose shared strings expand to 300 MB.
  const bomb = await xlsxOf({
    sheet: SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + SHEET_TAIL,
    shared: { repeat: { head: SHARED_HEAD, body: (i: number) => `<si><t>${"招商引资".repeat(80)}${i}</t></si>`, times: 300 * 1024, tail: SHARED_TAIL } },
  });
  await page.goto("/import");
  await page.getByLabel("表格文件").setInputFiles({ name: "炸弹.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bomb });
  const error = page.locator("#import-file-error");
  await expect(error).toContainText("文件的压缩比例异常（超过 100 倍）");
  await expect(page.getByLabel("表格文件")).toHaveAttribute("aria-describedby", /import-file-error/);
  await expectAccessible(page);

  const token = await withDb(async (db) => (await createApiToken(db, await viewerOf(db, "manager"), { name: uniqueName("限制"), expiresInDays: 7 })).token);
  const script = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  // Over IMPORT_MAX_BYTES: a 413 before the body is read.
  const big = await script.post("/api/v1/imports?kind=projects&mode=dry&fileName=big.csv", { data: Buffer.alloc(51 * 1024 * 1024, 0x41), headers: { "Content-Type": "text/csv" }, timeout: 60_000 });
  expect(big.status()).toBe(413);
  const tooLarge = (await big.json()).error;
  expect(tooLarge).toMatchObject({ code: "import_too_large", limit: { name: "bytes", max: 50 * 1024 * 1024, env: "IMPORT_MAX_BYTES" } });
  expect(tooLarge.message).toContain("50 MB");
  // The bomb as the page sends it (progress=1): a 422 JSON naming the ratio, not a 5xx.
  const refused = await script.post("/api/v1/imports?kind=projects&mode=dry&progress=1&fileName=bomb.xlsx", { data: bomb });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error).toMatchObject({ code: "import_limit", limit: { name: "ratio", max: 100 }, fields: { file: [expect.stringContaining("100 倍")] } });
  expect((await script.get("/api/health")).status()).toBe(200);
  await script.dispose();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });

  test("the import page works at 375 px: choose, check, read the report", async ({ page }) => {
    await page.goto("/import");
    await choose(page, "手机.csv", `项目名称,投资方,总投资(亿元)\r\n手机导入项目,某某公司,abc\r\n`);
    await page.getByRole("button", { name: "校验（不写入数据）" }).click();
    await expect(page.getByText("共 1 行：0 行可以导入，1 行有错误。")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});

test("staff do not see the import page", async ({ browser }) => {
  const context = await browser.newContext({ storageState: authFile("staff") });
  const page = await context.newPage();
  const res = await page.goto("/import");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "数据导入" })).toHaveCount(0);
  await context.close();
});

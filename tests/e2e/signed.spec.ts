import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { sql } from "drizzle-orm";
import { CEREMONY, CEREMONY_DATE } from "../../db/demo-data";
import { sumYuan, yuanToYi } from "../../lib/money";
import { createProjectsFor, uniqueName, withDb } from "./factories";
import { createSignedAtEvent } from "./signed-factories";
import { authFile, expectAccessible, signedOut } from "./support";

test.use({ storageState: authFile("manager") });

/**
 * The seeded 2023-04-06 ceremony as the database has it, for the manager (their unit and the
 * units below it): its id, and its signings' count and Σ 协议投资额 (元). The demo data signs 12
 * projects there; other specs sharing this database may have signed more since.
 */
async function ceremony() {
  return withDb(async (db) => {
    const { rows } = await db.execute<{ id: string; n: number; contract: string }>(sql`
      with recursive tree as (
        select unit_id as id from users where username = 'manager'
        union all select u.id from units u join tree t on u.parent_id = t.id)
      select e.id, count(s.project_id)::int as n, sum(s.contract_investment)::text as contract
        from events e join signings s on s.event_id = e.id join projects p on p.id = s.project_id
       where e.name = ${CEREMONY} and e.held_on = ${CEREMONY_DATE} and p.stage >= 'signed' and p.unit_id in (select id from tree)
       group by e.id`);
    expect(rows, "the demo data's ceremony").toHaveLength(1);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(12);
    return rows[0]!;
  });
}

test("a manager filters the signed list to the 2023-04-06 ceremony, sees its 12 projects and totals, and downloads them as .xlsx", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const expected = await ceremony();
  const n = expected.n;

  await page.goto("/signed");
  await expect(page.getByRole("heading", { name: "签约项目清单" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("签约活动").selectOption({ label: `${CEREMONY_DATE} ${CEREMONY}` });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`event=${expected.id}`));
  await expect(page.getByText(`共 ${n} 个项目`)).toBeVisible();
  const table = page.getByRole("region", { name: /签约项目清单/ });
  const totals = table.locator("tfoot tr");
  await expect(totals).toContainText(`合计（${n} 个项目）`);
  await expect(totals).toContainText(yuanToYi(expected.contract));
  // The project's name leads each row (its number beside it).
  const names = (await table.locator("tbody tr td:nth-child(1) a").allTextContents()).sort();
  expect(names).toHaveLength(n);
  await expectAccessible(page);

  // The export: progress shown, then the file saved under its Chinese name.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 Excel" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^签约项目清单-\d{8}\.xlsx$/);
  await expect(page.getByRole("status").filter({ hasText: "导出完成" })).toContainText(download.suggestedFilename());
  const file = testInfo.outputPath("ceremony.xlsx");
  await download.saveAs(file);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  expect(String(sheet.getCell("A1").value)).toContain(`签约活动：${CEREMONY}`);
  expect(sheet.getRow(2).getCell(8).value).toBe("协议投资额(亿元)");
  const rows = Array.from({ length: n }, (_, i) => sheet.getRow(3 + i));
  expect(rows.map((r) => String(r.getCell(2).value)).sort()).toEqual(names);
  const sumRow = sheet.getRow(3 + n);
  expect(sumRow.getCell(2).value).toBe(`合计（${n} 个项目）`);
  expect((sumRow.getCell(8).value as number).toFixed(2)).toBe(yuanToYi(expected.contract));
  expect(rows.reduce((s, r) => s + (r.getCell(8).value as number), 0).toFixed(2)).toBe(yuanToYi(expected.contract));
  expect(sheet.rowCount).toBe(3 + n);
});

test("a manager exports the filtered pipeline from /projects as the 在谈项目清单 (CSV): the list's rows, its own columns, a totals row", async ({ page }, testInfo) => {
  await page.goto("/projects?stage=intent,negotiating&sort=name&dir=asc");
  const count = Number((await page.getByRole("status").filter({ hasText: /^共 \d+ 个项目/ }).textContent())!.match(/\d+/)![0]);
  expect(count).toBeGreaterThan(0);
  await expectAccessible(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^在谈项目清单-\d{8}\.csv$/);
  await expect(page.getByRole("status").filter({ hasText: "导出完成" })).toContainText(`（${count} 行）`);
  const file = testInfo.outputPath("pipeline.csv");
  await download.saveAs(file);
  const lines = (await readFile(file, "utf8")).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toContain("投资方来源地");
  expect(lines[0]).toContain("预计签约时间");
  expect(lines[0]).not.toContain("协议投资额");
  expect(lines.length).toBe(1 + count + 1);
  expect(lines.at(-1)).toContain(`合计（${count} 个项目）`);
  const firstName = (await page.locator("table tbody tr").first().getByRole("link").first().textContent())!.trim();
  expect(lines[1]).toContain(firstName);
});

test("staff without EXPORT_ALLOW_STAFF get no export button, and the export URL answers 403; signed out, 401", async ({ browser }) => {
  const context = await browser.newContext({ storageState: authFile("staff") });
  const page = await context.newPage();
  await page.goto("/signed");
  await expect(page.getByRole("heading", { name: "签约项目清单" })).toBeVisible();
  await expect(page.getByText("如需导出，请联系本单位负责人")).toBeVisible();
  await expect(page.getByRole("link", { name: "导出 Excel" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "导出 CSV" })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/projects");
  await expect(page.getByText("如需导出，请联系本单位负责人")).toBeVisible();
  await expect(page.getByRole("link", { name: "导出 CSV" })).toHaveCount(0);
  expect((await page.request.get("/api/v1/exports/pipeline-projects.csv")).status()).toBe(403);
  for (const format of ["xlsx", "csv"]) {
    const res = await page.request.get(`/api/v1/exports/signed-projects.${format}`);
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
  }
  // Events are read-only for staff.
  const { id } = await ceremony();
  await page.goto(`/events/${id}`);
  await expect(page.getByRole("heading", { name: CEREMONY })).toBeVisible();
  await expect(page.getByText("招商活动由负责人维护")).toBeVisible();
  await expect(page.getByRole("link", { name: "编辑活动" })).toHaveCount(0);
  await expect(page.getByRole("search", { name: "添加洽谈项目" })).toHaveCount(0);
  await context.close();

  const anonymous = await browser.newContext(signedOut);
  const res = await anonymous.request.get("/api/v1/exports/signed-projects.xlsx");
  expect(res.status()).toBe(401);
  await anonymous.close();
});

test("a manager creates an event, fixes what the form refuses, links a project met there and edits the event", async ({ page }) => {
  test.setTimeout(120_000);
  const name = uniqueName("高新区精密仪器仪表产业专场推介会");
  const { projects } = await createProjectsFor("staff", [{ name: uniqueName("智能传感器产业化项目"), totalInvestmentYi: "3.5" }]);
  const met = projects[0]!.name;

  await page.goto("/events");
  await expect(page.getByRole("heading", { name: "招商活动" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "新建活动" }).click();
  await expect(page.getByRole("heading", { name: "新建活动" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("活动名称").fill("会");
  await page.getByRole("button", { name: "创建活动" }).click();
  await expect(page.getByText("活动名称为 2–100 个字")).toBeVisible();
  await expect(page.getByText("此项为必填项").first()).toBeVisible();
  await page.getByLabel("活动名称").fill(name);
  await page.getByLabel("活动类型").selectOption({ label: "推介会" });
  await page.getByLabel("举办日期").fill("2026-05-20");
  await page.getByLabel("举办地点").fill("深圳会展中心");
  await page.getByLabel("主办单位").selectOption({ label: "青岛高新区投资促进部" });
  await page.getByRole("button", { name: "创建活动" }).click();

  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("活动已创建")).toBeVisible();
  await expect(page.getByText("深圳会展中心").first()).toBeVisible();
  await expect(page.getByText("还没有在本活动签约的项目")).toBeVisible();
  await expectAccessible(page);

  // A project met there: found by name, added, then taken off again.
  await page.getByLabel("查找项目").fill(met);
  await page.getByRole("button", { name: "查找" }).click();
  await page.getByRole("button", { name: `把 ${met} 添加到本活动` }).click();
  await expect(page.getByText("已添加洽谈项目")).toBeVisible();
  const metTable = page.getByRole("region", { name: "在本活动洽谈的项目" });
  await expect(metTable.getByRole("link", { name: met })).toBeVisible();
  await expectAccessible(page);
  await metTable.getByRole("button", { name: `从本活动移除 ${met}` }).click();
  await expect(page.getByText("已移除洽谈项目")).toBeVisible();
  await expect(page.getByText("还没有登记在本活动洽谈的项目")).toBeVisible();

  await page.getByRole("link", { name: "编辑活动" }).click();
  await expect(page.getByRole("heading", { name: "编辑活动" })).toBeVisible();
  await page.getByLabel("举办地点").fill("深圳会展中心 5 号馆");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByText("已保存")).toBeVisible();
  await expect(page.getByText("深圳会展中心 5 号馆").first()).toBeVisible();

  await page.goto(`/events?q=${encodeURIComponent(name)}`);
  await expect(page.getByText("共 1 场活动")).toBeVisible();
  await page.getByRole("link", { name }).click();
  await page.getByRole("link", { name: "查看签约项目清单" }).click();
  await expect(page).toHaveURL(/\/signed\?event=/);
  await expect(page.getByText("共 0 个项目")).toBeVisible();
});

test("an event's page lists the projects signed there with their totals", async ({ page }) => {
  const items = [
    { name: uniqueName("合成生物中试平台"), totalInvestmentYi: "5.2", contractInvestmentYi: "4.05", phase1Yi: "1.5" },
    { name: uniqueName("医学检验公共服务平台"), totalInvestmentYi: "2", contractInvestmentYi: "1.6" },
  ];
  const { event } = await createSignedAtEvent({ owner: "staff", host: "manager", heldOn: "2026-06-18", items });
  await page.goto(`/events/${event.id}`);
  await expect(page.getByRole("heading", { name: event.name })).toBeVisible();
  const signed = page.getByRole("region", { name: "在本活动签约的项目" });
  for (const item of items) await expect(signed.getByRole("link", { name: item.name })).toBeVisible();
  await expect(signed.locator("tfoot")).toContainText("合计（2 个项目）");
  await expect(signed.locator("tfoot")).toContainText(yuanToYi(sumYuan(["405000000", "160000000"])));
  await expect(signed.locator("tfoot")).toContainText("7.20");
  await expectAccessible(page);
});

test("on a phone the signed list scrolls sideways inside its table, not the page", async ({ browser }) => {
  const context = await browser.newContext({ storageState: authFile("manager"), viewport: { width: 375, height: 812 }, hasTouch: true, locale: "zh-CN" });
  const page = await context.newPage();
  const { id, n } = await ceremony();
  await page.goto(`/signed?event=${id}`);
  await expect(page.getByText(`共 ${n} 个项目`)).toBeVisible();
  await expect(page.getByRole("link", { name: "导出 Excel" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const region = page.getByRole("region", { name: /签约项目清单/ });
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expectAccessible(page);
  await page.goto(`/events/${id}`);
  await expect(page.getByRole("heading", { name: CEREMONY })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await context.close();
});

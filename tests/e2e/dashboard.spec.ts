import { expect, test, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { reviewReport, saveReport } from "../../lib/milestones/service";
import { changeStage } from "../../lib/projects/service";
import { createProjectsFor, uniqueName, viewerOf, withDb } from "./factories";
import { authFile, expectAccessible } from "./support";

const stageName = (JSON.parse(readFileSync("lib/i18n/messages/zh-CN/projects.json", "utf8")) as { stages: Record<string, string> }).stages;

/** Today in China and the same day a year ago. */
function days() {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const yearAgo = `${y - 1}-${String(m).padStart(2, "0")}-${String(m === 2 && d === 29 ? 28 : d).padStart(2, "0")}`;
  return { today, yearAgo };
}

/**
 * The active projects per stage as the database has them for a user's dashboard scope, replayed
 * from the stage events to the end of `asOf` (or as they stand), computed here straight from the
 * tables — not through the app's summaries.
 */
async function funnelFromDb(username: string, asOf?: string): Promise<Record<string, number>> {
  return withDb(async (db) => {
    const { rows } = await db.execute<{ stage: string; n: number }>(sql`
      with recursive me as (select id, unit_id, role from users where username = ${username}),
      tree as (select unit_id as id from me union all select u.id from units u join tree t on u.parent_id = t.id),
      pos as (
        select p.id, p.unit_id, p.owner_id, p.archived_at,
               ${asOf ? sql`e.to_stage` : sql`p.stage`} as stage, ${asOf ? sql`e.to_status` : sql`p.status`} as status
          from projects p
          ${
            asOf
              ? sql`cross join lateral (select to_stage, to_status from stage_events where project_id = p.id
                       and at < (${asOf}::date::timestamp at time zone 'Asia/Shanghai' + interval '1 day') order by at desc, id desc limit 1) e`
              : sql``
          })
      select pos.stage::text, count(*)::int as n from pos, me
       where pos.status = 'active' and pos.archived_at is null
         and (me.role = 'admin' or (me.role = 'manager' and pos.unit_id in (select id from tree)) or (me.role = 'staff' and pos.owner_id = me.id))
       group by pos.stage`);
    return Object.fromEntries(rows.map((r) => [r.stage, r.n]));
  });
}

/** The funnel table's numbers as the page shows them (stage name → count). */
async function funnelOnPage(page: Page): Promise<Record<string, number>> {
  const table = page.getByRole("region", { name: /^项目漏斗：截至/ });
  // The figures stream in after the page's frame.
  await expect(table.locator("tbody tr")).toHaveCount(9);
  const out: Record<string, number> = {};
  for (const row of await table.locator("tbody tr").all()) {
    const [stage, count] = await row.locator("td").allTextContents();
    const key = Object.entries(stageName).find(([, v]) => v === stage)![0];
    out[key] = Number(count!.replace(/,/g, ""));
  }
  return out;
}

/** A project of the staff member signed today whose 注册 and 开工 reports the manager approved: one more start this year. */
async function createStartedProject(today: string) {
  const { projects } = await createProjectsFor("staff", [{ name: uniqueName("驾驶舱开工项目"), totalInvestmentYi: "3" }]);
  await withDb(async (db) => {
    const staff = await viewerOf(db, "staff");
    const manager = await viewerOf(db, "manager");
    const id = projects[0]!.id;
    await changeStage(db, staff, id, { toStage: "signed", toStatus: "active", signingDate: today, agreementType: "investment", contractInvestmentYi: "2.5", version: 1 });
    for (const stage of ["registered", "construction"] as const) {
      const report = await saveReport(db, staff, id, {
        stage,
        actualDate: today,
        ...(stage === "registered" ? { companyName: "驾驶舱测试（青岛）有限公司", companyUscc: "91350200776049653A" } : {}),
        submit: true,
        confirmOrder: true,
        version: 0,
      });
      await reviewReport(db, manager, report.id, { decision: "approve", comment: "", version: report.version });
    }
  });
}

const nonZero = (f: Record<string, number>) => Object.fromEntries(Object.entries(f).filter(([, n]) => n > 0));

test.describe("驾驶舱 · a manager", () => {
  test.use({ storageState: authFile("manager") });

  test("sees the funnel, signings against target, cohort rates and stalled projects, opens 开工率's numerator with the same count, and moves the day back a year", async ({ page }) => {
    test.setTimeout(120_000);
    const { today, yearAgo } = days();
    await createStartedProject(today);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "领导驾驶舱" })).toBeVisible();
    const year = today.slice(0, 4);
    for (const name of ["项目漏斗", `${year}年目标完成情况`, "签约项目履约情况", "停滞项目"]) {
      await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
    }
    // The four sit side by side, two by two, right under the figures of the period.
    const tops = await Promise.all(["funnel", "targets", "cohort", "attention"].map(async (id) => (await page.locator(`#${id}-title`).boundingBox())!.y));
    expect(Math.abs(tops[0]! - tops[1]!)).toBeLessThan(2);
    expect(Math.abs(tops[2]! - tops[3]!)).toBeLessThan(2);
    expect(nonZero(await funnelOnPage(page))).toEqual(await funnelFromDb("manager"));
    // The demo data sets this year's targets: the bars measure against them.
    await expect(page.getByText(`尚未设定${year}年目标。`)).toHaveCount(0);
    await expect(page.getByRole("region", { name: `${year}年目标完成情况` })).toContainText("/ 14");
    await expectAccessible(page);

    // 开工率's numerator opens the signed list filtered to those projects, with the same count.
    const numerator = page.getByRole("link", { name: /^开工率 达成 [\d,]+ 个项目$/ });
    const n = Number(/([\d,]+) 个项目/.exec((await numerator.getAttribute("aria-label"))!)![1]!.replace(/,/g, ""));
    expect(n).toBeGreaterThan(0);
    await numerator.click();
    await expect(page).toHaveURL(/\/signed\?.*report=construction/);
    await expect(page.getByRole("status").filter({ hasText: /^共 / })).toHaveText(`共 ${n} 个项目`);
    await expect(page.getByTestId("drill-notice")).toContainText(`截至 ${today} 已审核通过开工或以后节点`);
    await expectAccessible(page);

    // The same day a year ago: last year's funnel, replayed from the stage events.
    await page.goto("/dashboard");
    await page.getByLabel("截至日期").fill(yearAgo);
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(new RegExp(`asOf=${yearAgo}`));
    await expect(page.getByText(`已按阶段变更记录回放到 ${yearAgo} 当天结束时的状态`)).toBeVisible();
    const lastYear = nonZero(await funnelOnPage(page));
    expect(lastYear).toEqual(await funnelFromDb("manager", yearAgo));
    expect(lastYear).not.toEqual(nonZero(await funnelFromDb("manager")));
    // A stage's number opens the projects as they stood that day.
    const [stage, count] = Object.entries(lastYear)[0]!;
    await page.getByRole("link", { name: `${stageName[stage]} ${count}`, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`asOf=${yearAgo}`));
    await expect(page.getByRole("status").filter({ hasText: /^共 / })).toHaveText(`共 ${count} 个项目`);
    await expect(page.getByTestId("drill-notice")).toContainText(`阶段和状态按 ${yearAgo} 当天结束时的情况`);
  });

  test("saves a chart as an image, and prints without the navigation and filters", async ({ page }) => {
    await page.goto("/dashboard");
    const save = page.getByRole("button", { name: /^保存图片：项目漏斗/ });
    await expect(save).toBeEnabled();
    const downloading = page.waitForEvent("download");
    await save.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^项目漏斗.*\.png$/);

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("search", { name: "驾驶舱筛选" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
    await expect(page.locator("#chart-funnel svg")).toBeVisible();
    // Print shows the wide drawing of a chart, not the phone one.
    await expect(page.locator("#chart-trend svg").filter({ visible: true })).toHaveCount(1);
    await expect(page.locator('#chart-trend [data-chart="wide"] svg')).toBeVisible();
  });

  test("filters by unit and keeps the filters in the URL", async ({ page }) => {
    await page.goto("/dashboard");
    await page.getByLabel("单位（含下级）").selectOption({ label: "\u3000生物医药招商组" });
    await page.getByLabel("季度").selectOption({ label: "第1季度" });
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/unit=.*quarter=1|quarter=1.*unit=/);
    // The page's own summary line (the sections repeat the period under their headings).
    await expect(page.getByRole("status").filter({ hasText: /统计期 \d{4}-01-01 至 \d{4}-03-31/ })).toBeVisible();
    await expect(page.getByLabel("单位（含下级）")).toHaveValue(/[0-9a-f-]{36}/);
    await expectAccessible(page);
  });
});

test.describe("驾驶舱 · a staff member", () => {
  test.use({ storageState: authFile("staff") });

  test("sees the same page for their own projects only", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "领导驾驶舱" })).toBeVisible();
    await expect(page.getByText("你本人负责的项目")).toBeVisible();
    expect(nonZero(await funnelOnPage(page))).toEqual(await funnelFromDb("staff"));
    // No unit filter for staff, and no target-setting button.
    await expect(page.getByLabel("单位（含下级）")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "设定目标" })).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe("驾驶舱 · on a phone", () => {
  test.use({ storageState: authFile("manager"), viewport: { width: 375, height: 800 } });

  test("the dashboard fits the screen and stays accessible", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 2, name: "项目漏斗" })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(376);
    await expectAccessible(page);
  });
});

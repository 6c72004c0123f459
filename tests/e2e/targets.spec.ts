import { expect, test } from "@playwright/test";
import { sql } from "drizzle-orm";
import { withDb } from "./factories";
import { authFile, expectAccessible } from "./support";

test.describe("目标管理 for a manager", () => {
  test.use({ storageState: authFile("manager") });

  test("sets a target for a group of their unit: a wrong number is refused next to its field, then the target is listed and edited", async ({ page }) => {
    // A year no other test uses, so the target is new.
    const year = 2090 + Math.floor(Math.random() * 10);
    await withDb((db) => db.execute(sql`delete from targets where year = ${year}`));
    await page.goto(`/admin/targets?year=${year}`);
    await expect(page.getByRole("heading", { level: 1, name: "目标管理" })).toBeVisible();
    await expect(page.getByText(`${year}年尚未设定目标。`)).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "新增目标" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `新增${year}年目标` })).toBeVisible();
    const form = page.locator("form");
    await expect(form.getByLabel("年度")).toHaveValue(String(year));
    await form.getByLabel("单位").selectOption({ label: "\u3000精密仪器招商组" });
    await form.getByLabel("签约项目数").fill("十个");
    await form.getByLabel("签约额（亿元）").fill("25.5");
    await form.getByLabel("开工项目数").fill("3");
    await form.getByLabel("投产项目数").fill("2");
    await page.getByRole("button", { name: "保存目标" }).click();
    await expect(form.getByText("请填写不超过 6 位的非负整数")).toBeVisible();
    await expect(form.getByLabel("签约项目数")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("签约额（亿元）")).toHaveValue("25.5");
    await expectAccessible(page);

    await form.getByLabel("签约项目数").fill("10");
    await page.getByRole("button", { name: "保存目标" }).click();
    await expect(page.getByText("目标已保存。")).toBeVisible();
    const row = page.getByRole("row", { name: /精密仪器招商组/ });
    await expect(row).toContainText("25.50");
    await expect(row).toContainText("10");

    // The same unit and year again: refused, nothing changes.
    await page.goto(`/admin/targets/new?year=${year}`);
    await page.locator("form").getByLabel("单位").selectOption({ label: "\u3000精密仪器招商组" });
    for (const [label, value] of [["签约项目数", "1"], ["签约额（亿元）", "1"], ["开工项目数", "1"], ["投产项目数", "1"]]) await page.locator("form").getByLabel(label!).fill(value!);
    await page.getByRole("button", { name: "保存目标" }).click();
    await expect(page.locator("form").getByText("该年度已有这个单位（或招商专员）的目标，请直接修改那一条").first()).toBeVisible();

    await page.goto(`/admin/targets?year=${year}`);
    await page.getByRole("link", { name: /修改 精密仪器招商组/ }).click();
    await page.locator("form").getByLabel("开工项目数").fill("4");
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByText("目标已修改。")).toBeVisible();
    await expect(page.getByRole("row", { name: /精密仪器招商组/ })).toContainText("4");
    const rows = await withDb((db) => db.execute<{ n: number }>(sql`select count(*)::int as n from targets where year = ${year}`));
    expect(rows.rows[0]!.n).toBe(1);
  });

  test("every other page under 系统管理 is still for administrators only", async ({ page }) => {
    const ids = await withDb(async (db) => {
      const one = async (q: ReturnType<typeof sql>) => ((await db.execute<{ id: string }>(q)).rows[0]?.id ?? "00000000-0000-4000-8000-000000000000");
      return {
        user: await one(sql`select id from users limit 1`),
        unit: await one(sql`select id from units limit 1`),
        chain: await one(sql`select id from industry_chains limit 1`),
        template: await one(sql`select id from workflow_templates limit 1`),
      };
    });
    for (const path of [
      "/admin",
      "/admin/users",
      "/admin/users/new",
      `/admin/users/${ids.user}`,
      "/admin/units",
      "/admin/units/new",
      `/admin/units/${ids.unit}`,
      "/admin/chains",
      "/admin/chains/new",
      `/admin/chains/${ids.chain}`,
      "/admin/templates",
      "/admin/templates/new",
      `/admin/templates/${ids.template}`,
      "/admin/holidays",
    ]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
    }
    expect((await page.goto("/admin/targets"))?.status()).toBe(200);
    // The navigation shows managers 目标管理 under 系统管理, and nothing else there.
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link", { name: "目标管理" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "用户管理" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "领导驾驶舱" })).toBeVisible();
  });
});

test.describe("目标管理 for staff", () => {
  test.use({ storageState: authFile("staff") });

  test("is a 404", async ({ page }) => {
    for (const path of ["/admin/targets", "/admin/targets/new"]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
    }
  });
});

/**
 * 删除 archives: a project deleted on its page is gone from the list, the board and its URL; an
 * admin finds it under 已归档, restores it, and the audit log shows both, field by field. A
 * contact deleted on its enterprise's page goes the same way.
 */
import { expect, test } from "@playwright/test";
import { addContactsAs, createProjectsFor, uniqueName } from "./factories";
import { assignToGridAs } from "./grid-factories";
import { authFile, expectAccessible } from "./support";

test("staff delete a project; it is hidden everywhere; an admin restores it and the audit log shows both", async ({ browser }) => {
  test.setTimeout(120_000);
  const name = uniqueName("待删除的智能制造项目");
  const { projects } = await createProjectsFor("staff", [{ name, totalInvestmentYi: "2.5" }]);
  const id = projects[0]!.id;

  const staffContext = await browser.newContext({ storageState: authFile("staff") });
  const page = await staffContext.newPage();
  await page.goto(`/projects/${id}`);
  await page.getByRole("button", { name: "删除" }).click();
  const dialog = page.getByRole("dialog", { name: `删除“${name}”？` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("管理员可在“已归档”中恢复");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "确认删除" }).click();
  await expect(page).toHaveURL(/\/projects\?archived=1$/);
  await expect(page.getByText("已删除。记录已归档，如需找回请联系管理员恢复。")).toBeVisible();

  await page.goto(`/projects?q=${encodeURIComponent(name)}`);
  await expect(page.getByText("共 0 个项目")).toBeVisible();
  await page.goto(`/projects/board?q=${encodeURIComponent(name)}`);
  await expect(page.getByText(name)).toHaveCount(0);
  const gone = await page.goto(`/projects/${id}`);
  expect(gone?.status()).toBe(404);
  await staffContext.close();

  const adminContext = await browser.newContext({ storageState: authFile("admin") });
  const admin = await adminContext.newPage();
  // Hidden from admins too, until restored.
  expect((await admin.goto(`/projects/${id}`))?.status()).toBe(404);
  await admin.goto(`/admin/archive?type=project&q=${encodeURIComponent(name)}`);
  await expect(admin.getByRole("heading", { name: "已归档", level: 1 })).toBeVisible();
  const row = admin.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("李明");
  await expectAccessible(admin);
  await row.getByRole("button", { name: `恢复“${name}”` }).click();
  await expect(admin.getByText("没有已归档的记录")).toBeVisible();
  await admin.goto(`/projects/${id}`);
  await expect(admin.getByRole("heading", { name, level: 1 })).toBeVisible();

  // The audit log: this record's archive and restore, who did them and what changed.
  await admin.goto(`/admin/audit?type=project&id=${id}`);
  await expect(admin.getByRole("heading", { name: "审计日志", level: 1 })).toBeVisible();
  const entries = admin.getByRole("list", { name: "审计记录" }).getByRole("listitem");
  await expect(entries.nth(0)).toContainText("恢复");
  await expect(entries.nth(0)).toContainText("系统管理员");
  await expect(entries.nth(1)).toContainText("归档");
  await expect(entries.nth(1)).toContainText("李明");
  await expect(entries.nth(1).getByRole("region", { name: /的变更/ })).toContainText("删除（归档）时间");
  await expectAccessible(admin);
  await adminContext.close();
});

test("staff delete a contact on the enterprise's page; it is gone there and on the project's page; an admin restores it", async ({ browser }) => {
  test.setTimeout(120_000);
  const gone = uniqueName("臧离去");
  const kept = uniqueName("贺常在");
  const { enterprise, projects } = await createProjectsFor("staff", [{ name: uniqueName("联系人删除测试项目"), totalInvestmentYi: "1" }]);
  await addContactsAs("staff", enterprise.id, [kept, gone]);
  const grid = await assignToGridAs("admin", "GX-WG-23", enterprise.id);

  const staffContext = await browser.newContext({ storageState: authFile("staff") });
  const page = await staffContext.newPage();
  await page.goto(`/enterprises/${enterprise.id}`);
  const contacts = page.getByRole("region", { name: "联系人" });
  const history = page.getByRole("region", { name: "变更记录" });
  // The grid it was put into is in the history, not dropped — but staff may not see that grid, so it is not named.
  await expect(history).toContainText("所属网格：— → （其他单位的网格）");
  await expect(history).not.toContainText(grid.name);
  const item = contacts.getByRole("listitem").filter({ hasText: gone });
  await item.getByRole("button", { name: /^删除/ }).click();
  await expect(item.getByRole("group")).toContainText(`确定删除联系人“${gone}”吗？删除后管理员可在“已归档”中恢复。`);
  await expectAccessible(page);
  await item.getByRole("button", { name: "确认删除" }).click();
  await expect(contacts.getByText("联系人已删除（已归档，如需找回请联系管理员恢复）")).toBeVisible();
  await expect(contacts.getByRole("list", { name: "联系人" })).not.toContainText(gone);
  await expect(contacts.getByRole("list", { name: "联系人" })).toContainText(kept);
  await expect(history).toContainText(`删除联系人：${gone}（已归档，可由管理员恢复）`);
  await page.goto(`/projects/${projects[0]!.id}`);
  const projectContacts = page.getByRole("region", { name: "联系人" });
  await expect(projectContacts).toContainText(kept);
  await expect(projectContacts).not.toContainText(gone);
  await staffContext.close();

  const adminContext = await browser.newContext({ storageState: authFile("admin") });
  const admin = await adminContext.newPage();
  await admin.goto("/admin/archive");
  await admin.getByRole("navigation", { name: "归档类型" }).getByRole("link", { name: /^联系人/ }).click();
  await expect(admin).toHaveURL(/type=contact/);
  await admin.getByRole("searchbox", { name: "按名称搜索" }).fill(gone);
  await admin.getByRole("button", { name: "查询" }).click();
  const row = admin.getByRole("row", { name: new RegExp(gone) });
  await expect(row).toContainText(enterprise.name);
  await expect(row).toContainText("李明");
  await expect(admin.getByRole("columnheader", { name: "所属企业" })).toBeVisible();
  await expectAccessible(admin);
  await row.getByRole("button", { name: `恢复“${gone}”` }).click();
  await expect(admin.getByText("没有已归档的记录")).toBeVisible();

  await admin.goto(`/enterprises/${enterprise.id}`);
  await expect(admin.getByRole("region", { name: "联系人" }).getByRole("list", { name: "联系人" })).toContainText(gone);
  const adminHistory = admin.getByRole("region", { name: "变更记录" });
  await expect(adminHistory.getByRole("listitem").first()).toContainText(`恢复联系人：${gone}`);
  await expect(adminHistory.getByRole("listitem").first()).toContainText("系统管理员");
  await expectAccessible(admin);
  await adminContext.close();
});

test("the audit log shows sign-ins and exports, filtered by user and action", async ({ browser }) => {
  const context = await browser.newContext({ storageState: authFile("admin") });
  const page = await context.newPage();
  await page.goto("/admin/audit");
  await page.getByLabel("操作", { exact: true }).selectOption("sign_in");
  await page.getByLabel("操作人").selectOption({ label: "王建国（manager）" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/action=sign_in/);
  const entries = page.getByRole("list", { name: "审计记录" }).getByRole("listitem");
  await expect(entries.first()).toContainText("登录");
  await expect(entries.first()).toContainText("王建国");
  await page.goto("/admin/audit?action=export");
  // Another spec exports the signed list; if none ran, the page says so plainly.
  await expect(page.getByRole("list", { name: "审计记录" }).or(page.getByText("没有符合条件的记录"))).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test("managers cannot open the archive or the audit log", async ({ browser }) => {
  const context = await browser.newContext({ storageState: authFile("manager") });
  const page = await context.newPage();
  expect((await page.goto("/admin/archive"))?.status()).toBe(404);
  expect((await page.goto("/admin/audit"))?.status()).toBe(404);
  await context.close();
});

import { expect, test, type Page } from "@playwright/test";
import { usccCheckChar } from "../../lib/enterprises/uscc";
import { alertOf, authFile, expectAccessible } from "./support";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A 17-character body no other run uses: "91" (enterprise), a region code, then 9 random characters. */
function freshBody(): string {
  let body = "91370200";
  while (body.length < 17) body += ALPHABET[Math.floor(Math.random() * 31)];
  return body;
}
const validUscc = () => {
  const body = freshBody();
  return body + usccCheckChar(body);
};
/** Right pattern, wrong check character: accepted with a warning. */
const checksumOffUscc = () => {
  const body = freshBody();
  return body + ALPHABET[(ALPHABET.indexOf(usccCheckChar(body)) + 1) % 31];
};

async function openNewForm(page: Page) {
  await page.goto("/enterprises/new");
  await expect(page.getByRole("heading", { name: "新建企业" })).toBeVisible();
}

test.describe("enterprises", () => {
  test.use({ storageState: authFile("staff") });
  // Long paths through several pages, with axe runs: more than the default 30 s on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test("staff registers an enterprise after fixing the credit code, adds a contact, is warned of a likely duplicate and saves anyway; staff2 cannot open it", async ({
    page,
    browser,
  }) => {
    const name = `海尔生物医疗科技有限公司${Date.now().toString(36)}`;
    const uscc = validUscc();

    await page.goto("/enterprises");
    await expect(page.getByRole("heading", { name: "企业库" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "新建企业" }).click();
    await expect(page.getByRole("heading", { name: "新建企业" })).toBeVisible();
    await expectAccessible(page);

    // A wrong pattern is refused next to the field; what was typed stays.
    await page.getByLabel("企业名称").fill(name);
    await page.getByLabel("统一社会信用代码").fill("91370200-ABCDEFG");
    await page.getByLabel("企业性质").selectOption({ label: "民企" });
    await page.getByLabel("总部所在地").fill("山东省青岛市");
    await page.getByLabel("行业代码（国民经济行业分类）").fill("c3581");
    await page.getByLabel("上市公司").check();
    await page.getByLabel("其他标签").fill("生物安全");
    await page.getByRole("button", { name: "添加标签" }).click();
    await page.getByRole("button", { name: "创建企业" }).click();
    await expect(page.getByText("统一社会信用代码格式不正确")).toBeVisible();
    await expect(page.getByLabel("统一社会信用代码")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("企业名称")).toHaveValue(name);
    await expect(page.getByLabel("行业代码（国民经济行业分类）")).toHaveValue("c3581");

    // Lower case is fine: it is stored upper-cased.
    await page.getByLabel("统一社会信用代码").fill(uscc.toLowerCase());
    await expect(page.getByText("校验位不符")).toHaveCount(0);
    await page.getByRole("button", { name: "创建企业" }).click();
    await expect(page.getByText("企业已创建")).toBeVisible();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    const details = page.getByRole("region", { name: "企业信息" });
    await expect(details).toContainText(uscc);
    await expect(details).toContainText("民企");
    await expect(details).toContainText("C3581");
    await expect(page.getByRole("list", { name: "企业标签" })).toContainText("上市公司");
    await expect(page.getByRole("list", { name: "企业标签" })).toContainText("生物安全");
    const enterpriseUrl = page.url().replace(/\?.*$/, "");

    // A contact, added in place after fixing the phone number.
    const contacts = page.getByRole("region", { name: "联系人" });
    await contacts.getByRole("button", { name: "添加联系人" }).click();
    await contacts.getByLabel("姓名").fill("王经理");
    await contacts.getByLabel("职务").fill("投资发展部总监");
    await contacts.getByLabel("手机/电话").fill("12345");
    await contacts.getByRole("button", { name: "添加联系人" }).click();
    await expect(contacts.getByText("请输入有效的手机号或固定电话")).toBeVisible();
    await expect(contacts.getByLabel("姓名")).toHaveValue("王经理");
    await contacts.getByLabel("手机/电话").fill("138 1234 5678");
    await contacts.getByRole("button", { name: "添加联系人" }).click();
    await expect(contacts.getByText("联系人已添加")).toBeVisible();
    await expect(contacts.getByRole("list", { name: "联系人" })).toContainText("王经理");
    await expect(contacts.getByRole("link", { name: "13812345678" })).toBeVisible();
    await expect(page.getByRole("region", { name: "变更记录" })).toContainText("添加联系人：王经理");
    await expectAccessible(page);

    // A similar name: the warning lists the first one, to open in a new tab; saving anyway works.
    await openNewForm(page);
    await page.getByLabel("企业名称").fill("海尔生物医疗");
    const warning = page.getByRole("region", { name: "可能重复的企业" });
    await expect(warning).toBeVisible();
    const link = warning.getByRole("link", { name: new RegExp(name) });
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("href", new URL(enterpriseUrl).pathname);
    // A code whose check character is off only warns.
    await page.getByLabel("统一社会信用代码").fill(checksumOffUscc());
    await expect(page.getByText("校验位不符，请核对；部分早期试点代码确实如此，可继续保存")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "创建企业" }).click();
    await expect(page.getByText("企业已创建")).toBeVisible();
    await expect(page.getByRole("heading", { name: "海尔生物医疗", exact: true })).toBeVisible();

    // The same credit code again is refused, and the warning says it is already registered.
    await openNewForm(page);
    await page.getByLabel("企业名称").fill("另一家公司");
    await page.getByLabel("统一社会信用代码").fill(uscc);
    await expect(page.getByRole("region", { name: "可能重复的企业" })).toContainText("信用代码相同");
    await page.getByRole("button", { name: "创建企业" }).click();
    await expect(page.getByText("该统一社会信用代码已登记，不能重复登记")).toBeVisible();

    // The list finds it by a contact's name.
    await page.goto("/enterprises");
    await page.getByRole("searchbox", { name: "搜索" }).fill("王经理");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/q=/);
    const rows = page.getByRole("region", { name: "企业库" }).locator("tbody tr");
    await expect(rows.filter({ hasText: name })).toHaveCount(1);

    // Another district's staff: 404 by URL, and not in their list.
    const theirs = await browser.newContext({ storageState: authFile("staff2") });
    const theirPage = await theirs.newPage();
    const res = await theirPage.goto(enterpriseUrl);
    expect(res?.status()).toBe(404);
    await expect(theirPage.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    expect((await theirPage.goto(`${enterpriseUrl}/edit`))?.status()).toBe(404);
    await theirPage.goto(`/enterprises?q=${encodeURIComponent(name)}`);
    await expect(theirPage.getByText("没有符合条件的企业")).toBeVisible();
    await theirs.close();
  });

  test("editing keeps the user's input when someone else saved first", async ({ page, browser }) => {
    await openNewForm(page);
    const name = `威高医疗器械${Date.now().toString(36)}`;
    await page.getByLabel("企业名称").fill(name);
    await page.getByRole("button", { name: "创建企业" }).click();
    await expect(page.getByText("企业已创建")).toBeVisible();
    const editUrl = `${page.url().replace(/\?.*$/, "")}/edit`;

    await page.goto(editUrl);
    // The manager (same unit subtree) saves a change first.
    const other = await browser.newContext({ storageState: authFile("manager") });
    const otherPage = await other.newPage();
    await otherPage.goto(editUrl);
    await otherPage.getByLabel("总部所在地").fill("山东省威海市");
    await otherPage.getByRole("button", { name: "保存修改" }).click();
    await expect(otherPage.getByText("已保存")).toBeVisible();
    await other.close();

    await page.getByLabel("官网").fill("www.weigaogroup.com");
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(alertOf(page)).toContainText("该记录已被他人修改");
    await expect(page.getByRole("status").filter({ hasText: "对方在您打开表单后" })).toContainText("总部所在地：山东省威海市");
    // The field this user left alone takes the other person's value; theirs stays what they typed.
    await expect(page.getByLabel("总部所在地")).toHaveValue("山东省威海市");
    await expect(page.getByLabel("官网")).toHaveValue("www.weigaogroup.com");
    // Saving again writes only 官网: both edits survive.
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByText("已保存")).toBeVisible();
    await expect(page.getByRole("region", { name: "企业信息" })).toContainText("www.weigaogroup.com");
    await expect(page.getByRole("region", { name: "企业信息" })).toContainText("山东省威海市");
  });
});

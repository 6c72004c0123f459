import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";
export const authFile = (username: string) => `tests/e2e/.auth/${username}.json`;

/** Signs in through next-auth's own endpoints (CSRF token, then the credentials callback), as a script would. */
export async function signInViaApi(request: APIRequestContext, username: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", { form: { csrfToken, username, password } });
  const session = await (await request.get("/api/auth/session")).json();
  return session as { user?: { username: string; role: string } } | null;
}

export async function signInViaForm(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** The page's own alert, not Next.js's (empty) route announcer, which also has role="alert". */
export function alertOf(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

/** A request context with no session, whatever the test's storageState. */
export const signedOut = { storageState: { cookies: [], origins: [] } };

/** axe-core on the current page: no serious or critical violations. */
export async function expectAccessible(page: Page) {
  // Next.js streams a page's metadata: after a client-side navigation the <title> can arrive
  // a moment after the content. Wait for it (a page that never gets one still fails here).
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad).toEqual([]);
}

let counter = 0;
export function uniqueUsername(prefix: string) {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

type UnitRow = { id: string; name: string };

/** Creates a user through the admin JSON API with an admin-authenticated request context. */
export async function createUserViaApi(
  admin: APIRequestContext,
  data: { username: string; displayName: string; role?: string; unitName?: string; password?: string },
) {
  const units = (await (await admin.get("/api/v1/admin/users?pageSize=200")).json()) as { data: { unitId: string; unitName: string }[] };
  const unit: UnitRow | undefined = units.data
    .map((u) => ({ id: u.unitId, name: u.unitName }))
    .find((u) => u.name === (data.unitName ?? "生物医药招商组"));
  expect(unit, "unit to put the user in").toBeTruthy();
  const res = await admin.post("/api/v1/admin/users", {
    data: { username: data.username, displayName: data.displayName, role: data.role ?? "staff", unitId: unit!.id, password: data.password ?? DEMO_PASSWORD },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { data: { id: string; version: number } }).data;
}

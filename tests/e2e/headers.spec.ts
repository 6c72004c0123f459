import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { readdirSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { baseURL } from "../../playwright.config";
import { withDb } from "./factories";
import { authFile, signInViaForm, signedOut, uniqueUsername } from "./support";

const origin = new URL(baseURL).origin;

/** Every page of the signed-in app as its route pattern, e.g. "/projects/[id]/edit", from app/(app)/**\/page.tsx. */
function appRoutes(): string[] {
  return (readdirSync("app/(app)", { recursive: true }) as string[])
    .map((f) => f.split("\\").join("/"))
    .filter((f) => f === "page.tsx" || f.endsWith("/page.tsx"))
    .map((f) => "/" + f.replace(/\/?page\.tsx$/, ""))
    .sort();
}

/** A route pattern as a regex over paths: a [param] is one segment that is not a sibling page's name. */
function routeRegex(route: string, routes: string[]): RegExp {
  const parts = route.split("/").map((part, i, all) => {
    if (!part.startsWith("[")) return part;
    const siblings = routes
      .map((r) => r.split("/"))
      .filter((r) => r.length > i && r.slice(0, i).join("/") === all.slice(0, i).join("/") && !r[i]!.startsWith("["))
      .map((r) => r[i]!);
    return siblings.length ? `(?!(?:${siblings.join("|")})(?:$|/))[^/?#]+` : "[^/?#]+";
  });
  return new RegExp(`^${parts.join("/")}$`);
}

/** Collects CSP violations of a page: Chromium's console reports and the page's securitypolicyviolation events. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sample})`);
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy|CSP violation|Refused to (load|execute|apply|frame|connect)/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => violations.push(`${page.url()}: ${e.message}`));
  return violations;
}

function expectCommonHeaders(headers: Record<string, string>, what: string) {
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
}

test.describe("security headers and CSP", () => {
  test.use({ storageState: authFile("admin") });

  test("every page of the app loads under its Content-Security-Policy with no violation", async ({ page }) => {
    test.setTimeout(300_000);
    const violations = await watchCsp(page);
    const routes = appRoutes();
    const patterns = routes.map((r) => ({ route: r, regex: routeRegex(r, routes) }));
    const found = new Map<string, string>(); // route → the URL visited for it
    const seen = new Set<string>(); // every same-site path linked from a visited page

    async function visit(route: string, url: string) {
      const response = await page.goto(url, { waitUntil: "networkidle" });
      expect(response?.status(), url).toBe(200);
      const policy = response!.headers()["content-security-policy"] ?? "";
      expect(policy, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(policy, url).toContain("frame-ancestors 'none'");
      found.set(route, url);
      for (const href of await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
        const u = new URL(href);
        if (u.origin === origin) seen.add(u.pathname);
      }
    }

    // The pages without parameters, then each [id] page through a link on a page already seen.
    for (const { route } of patterns.filter((p) => !p.route.includes("["))) await visit(route, route === "/search" ? "/search?q=青岛" : route || "/");
    for (let progress = true; progress; ) {
      progress = false;
      for (const { route, regex } of patterns.filter((p) => !found.has(p.route))) {
        const path = [...seen].sort().find((p) => regex.test(p));
        if (path) {
          await visit(route, path);
          progress = true;
        }
      }
    }
    // The signing page is reached by a button, not a link: a signed project's page has it.
    if (!found.has("/projects/[id]/signing")) {
      await page.goto("/signed", { waitUntil: "networkidle" });
      const project = await page.locator('main a[href^="/projects/"]').first().getAttribute("href");
      await visit("/projects/[id]/signing", `${project}/signing`);
    }
    expect(routes.filter((r) => !found.has(r)), "pages not reached").toEqual([]);

    // What runs only after a click: the top bar's search, saving a chart as PNG (a blob: image).
    await page.goto("/dashboard", { waitUntil: "networkidle" });
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: /^保存图片：/ }).first().click();
    await downloading;
    await page.getByRole("combobox").first().fill("青岛");
    await expect(page.getByRole("listbox")).toBeVisible();

    // The sign-in page and a 404 too.
    const anon = await page.context().browser()!.newContext(signedOut);
    const login = await anon.newPage();
    const loginViolations = await watchCsp(login);
    const res = await login.goto("/login", { waitUntil: "networkidle" });
    expect(res?.headers()["content-security-policy"]).toMatch(/'nonce-/);
    await expect(login.getByLabel("用户名")).toBeEnabled();
    await anon.close();
    const missing = await page.goto("/no-such-page", { waitUntil: "networkidle" });
    expect(missing?.status()).toBe(404);
    expect(missing?.headers()["content-security-policy"]).toMatch(/'nonce-/);

    expect([...violations, ...loginViolations]).toEqual([]);
  });

  test("headers on a page, an API answer, a static file and the imports route", async ({ page, request }) => {
    const res = await page.goto("/");
    const pageHeaders = res!.headers();
    expectCommonHeaders(pageHeaders, "page");
    const policy = pageHeaders["content-security-policy"]!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("object-src 'none'");
    // Plain http and no trusted proxy (TRUSTED_PROXIES unset): no HSTS, even when the client claims https.
    expect(pageHeaders["strict-transport-security"]).toBeUndefined();
    const claimed = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
    expect(claimed.headers()["strict-transport-security"]).toBeUndefined();
    // A new nonce for every request.
    const again = (await request.get("/")).headers()["content-security-policy"];
    expect(again).not.toBe(policy);

    const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
    const cases: [string, APIRequestContext, string][] = [
      ["API (through the proxy)", request, "/api/v1/projects?limit=1"],
      ["health", request, "/api/health"],
      ["openapi", request, "/api/v1/openapi.json"],
      ["static file", request, stylesheet!],
      ["icon", request, "/icon.svg"],
      ["public file", request, "/readme/board.png"],
      ["imports route (not through the proxy)", request, "/api/v1/imports"],
    ];
    for (const [what, ctx, url] of cases) {
      const r = await ctx.get(url);
      expect(r.status(), what).toBeLessThan(500);
      const h = r.headers();
      expectCommonHeaders(h, what);
      expect(h["content-security-policy"], what).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    // A signed-out API call (answered by the proxy itself) and the redirect to /login.
    const anon = await page.context().browser()!.newContext(signedOut);
    const unauthorized = await anon.request.get("/api/v1/projects");
    expect(unauthorized.status()).toBe(401);
    expectCommonHeaders(unauthorized.headers(), "401");
    const redirect = await anon.request.get("/projects", { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expectCommonHeaders(redirect.headers(), "redirect");
    await anon.close();
  });

  test("a page of another site (another port) cannot frame a signed-in page", async ({ page }) => {
    const framer = createServer((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(`<!doctype html><title>framer</title><iframe id="victim" src="${baseURL}/admin/users" width="900" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, resolve));
    const { port } = framer.address() as AddressInfo;
    try {
      const messages: string[] = [];
      page.on("console", (m) => messages.push(m.text()));
      // The session cookie (SameSite=Lax) goes with the frame's request: localhost on another port is the same site.
      await page.goto(`http://localhost:${port}/`);
      await expect.poll(() => messages.join("\n")).toMatch(/frame-ancestors 'none'/);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      expect(frame).toBeTruthy();
      expect(frame!.url()).not.toContain("/admin/users");
      await expect(frame!.getByRole("heading", { name: "用户管理" })).toHaveCount(0);
    } finally {
      framer.close();
    }
  });
});

test.describe("sign-in throttling by address", () => {
  test.use(signedOut);

  test("30 sign-ins with 30 forged X-Forwarded-For addresses from one socket count as one address", async ({ request }) => {
    test.setTimeout(120_000);
    const prefix = uniqueUsername("xff");
    const outcomes: string[] = [];
    try {
      for (let i = 0; i < 30; i++) {
        const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
        const res = await request.post("/api/auth/callback/credentials", {
          form: { csrfToken, username: `${prefix}u${i}`, password: "wrong-password" },
          headers: { "x-forwarded-for": `198.51.100.${i + 1}`, "x-real-ip": `203.0.113.${i + 1}` },
          maxRedirects: 0,
        });
        const location = new URL(res.headers()["location"] ?? "", baseURL);
        outcomes.push(location.searchParams.get("code") ?? location.searchParams.get("error") ?? String(res.status()));
      }
      const rows = await withDb(async (db) => {
        const { rows } = await db.execute<{ ip: string; n: number }>(
          sql`select ip, count(*)::int as n from login_attempts where username like ${`${prefix.toLowerCase()}u%`} group by ip`,
        );
        return rows;
      });
      // One address: the socket's (this machine), not the 30 forged ones.
      expect(rows.map((r) => r.ip)).toHaveLength(1);
      expect(["127.0.0.1", "::1"]).toContain(rows[0]!.ip);
      // At most 20 failures from it (fewer if other tests failed from here recently), then throttled to the end.
      const first = outcomes.indexOf("throttled");
      expect(first, outcomes.join(",")).toBeGreaterThan(-1);
      expect(first).toBeLessThanOrEqual(20);
      expect(outcomes.slice(first).every((o) => o === "throttled"), outcomes.join(",")).toBe(true);
    } finally {
      // This machine is every test's address: lift the lock this test put on it.
      await withDb((db) => db.execute(sql`delete from login_attempts where username like ${`${prefix.toLowerCase()}u%`}`));
    }
  });
});

test.describe("sign-in never leads to another site", () => {
  test.use(signedOut);

  const offSite = ["http://…evil.example/", "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "http://[evil"];

  test("next-auth's endpoints answer a foreign callbackUrl with a redirect on this site", async ({ request }) => {
    for (const callbackUrl of offSite) {
      for (const path of ["/api/auth/signin", "/api/auth/signout", "/api/auth/session", "/api/auth/providers"]) {
        const res = await request.get(`${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
        expect(res.status(), `${path} ${callbackUrl}`).toBeLessThan(500);
        const location = res.headers()["location"];
        if (location) {
          const to = new URL(location, baseURL);
          expect(to.origin, `${path} ${callbackUrl}`).toBe(origin);
          const next = to.searchParams.get("callbackUrl");
          if (next) expect(new URL(next, baseURL).origin).toBe(origin);
        }
      }
    }
    const res = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent("http://…evil.example/")}`, { maxRedirects: 0 });
    expect(res.status()).toBe(302);
    expect(res.headers()["location"]).toMatch(/^(http:\/\/localhost:\d+)?\/login\?callbackUrl=/);
  });

  test("a sign-in through the API with a foreign callbackUrl stays on this site", async ({ request }) => {
    for (const callbackUrl of ["https://evil.example/", "//evil.example/x"]) {
      const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const res = await request.post("/api/auth/callback/credentials", {
        form: { csrfToken, username: "staff", password: "demo1234", callbackUrl },
        maxRedirects: 0,
      });
      expect(res.status()).toBe(302);
      expect(new URL(res.headers()["location"]!, baseURL).origin).toBe(origin);
    }
  });

  test("the sign-in form with a foreign callbackUrl lands on this site", async ({ browser }) => {
    for (const callbackUrl of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
      const context = await browser.newContext(signedOut);
      const page = await context.newPage();
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await signInViaForm(page, "staff");
      await expect(page.getByRole("heading", { name: "李明，您好" })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(origin);
      // Signed in already: the login page sends the user on, to this site too.
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await expect(page).toHaveURL(`${origin}/`);
      await context.close();
    }
  });
});

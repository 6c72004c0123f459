import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/lib/auth";
import { fromOwnOrigin } from "@/lib/auth/origin";
import { isForwardedHttps } from "@/lib/auth/request";
import { actionBodyProblem } from "@/lib/http/action-body";
import { HSTS, newNonce, pageContentSecurityPolicy } from "@/lib/security-headers";

const PUBLIC_PATHS = ["/login", "/api/health", "/api/v1/openapi.json"];

function isPublic(pathname: string) {
  return PUBLIC_PATHS.includes(pathname) || pathname.startsWith("/api/auth/");
}

/**
 * A script calling /api/v1 with a personal API token has no session: it goes through to the
 * route, which checks the token itself (lib/auth/api-viewer.ts) like every route checks its caller.
 */
function isTokenRequest(pathname: string, headers: Headers) {
  return pathname.startsWith("/api/v1/") && headers.has("authorization");
}

/**
 * Optimistic check only: signed-out requests go to /login and come back afterwards.
 * Running `auth` here also re-issues the session cookie, which makes its lifetime an
 * idle timeout. Every page, action and route handler checks the viewer again itself.
 */
const withAuth = auth((req) => {
  const { pathname, search } = req.nextUrl;
  if (!req.auth && !isPublic(pathname) && !isTokenRequest(pathname, req.headers)) {
    if (pathname.startsWith("/api/")) {
      return NextResponse.json({ error: { code: "unauthorized", message: "请先登录" } }, { status: 401 });
    }
    const login = new URL("/login", req.nextUrl);
    if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(login);
  }
  // API answers and files (public/) keep next.config.js's `default-src 'none'` policy; a page gets its own with a nonce.
  if (pathname.startsWith("/api/") || /\.\w+$/.test(pathname)) return NextResponse.next();
  return withPagePolicy(req.headers);
});

/**
 * A page's Content-Security-Policy, on the response and on the request: Next.js takes the
 * nonce from the request's policy for the scripts and styles it writes into the page.
 */
function withPagePolicy(headers: Headers) {
  const policy = pageContentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// With a lazily built config (the secret is read at request time, not at build time),
// next-auth's wrapper resolves to the handler asynchronously.
const handler = withAuth as unknown as Promise<typeof withAuth> | typeof withAuth;

const ACTION_BODY_MESSAGES = { body_too_large: "提交的内容过大", invalid_action_body: "提交的内容格式不正确", cross_site: "该请求并非来自本系统的页面，已拒绝执行" } as const;

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // A server action's body that Next.js could not decode would be a 500: a 400 or 413 instead.
  if (request.method === "POST" && request.headers.has("next-action")) {
    // Next.js refuses another origin's action too, but with a 500.
    const problem = fromOwnOrigin(request.headers, request.url) ? await actionBodyProblem(request) : { status: 403, code: "cross_site" as const };
    if (problem) {
      return NextResponse.json({ error: { code: problem.code, message: ACTION_BODY_MESSAGES[problem.code] } }, { status: problem.status });
    }
  }
  const response = await (await handler)(request, event as never);
  // Only over https, as a trusted proxy tells it (TRUSTED_PROXIES); browsers ignore HSTS over http anyway.
  if (response && isForwardedHttps(request.headers)) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export const config = {
  // Not the imports: a proxy makes Next.js hold a request's whole body in memory (and cut it at
  // 10 MB) before the route sees it, and an import's body is a spreadsheet the route streams.
  // Those routes check their caller themselves, like every route.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|api/v1/imports).*)"],
};

import { NextRequest, NextResponse } from "next/server";
import { handlers } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/utils";

/**
 * Auth.js answers 500 to a `callbackUrl` it cannot parse as an http(s) URL
 * (`/api/auth/signin?callbackUrl=http://…evil.example/`). Only a path on this site (or this
 * site's own URL) goes through: on a GET anything else becomes that path or "/" (the sign-in page
 * then redirects there), a POST with one is a 400.
 */
function safeRequest(request: NextRequest): NextRequest | NextResponse {
  const value = request.nextUrl.searchParams.get("callbackUrl");
  if (value === null) return request;
  const { origin } = request.nextUrl;
  const path = value === origin || value.startsWith(`${origin}/`) ? value.slice(origin.length) || "/" : value;
  const safe = safeCallbackPath(path);
  if (safe === value) return request;
  if (request.method !== "GET") return NextResponse.json({ error: { code: "bad_request", message: "callbackUrl" } }, { status: 400 });
  const url = request.nextUrl.clone();
  url.searchParams.set("callbackUrl", safe);
  return new NextRequest(url, { headers: request.headers, method: "GET" });
}

export async function GET(request: NextRequest) {
  const safe = safeRequest(request);
  return safe instanceof NextResponse ? safe : handlers.GET(safe);
}

export async function POST(request: NextRequest) {
  const safe = safeRequest(request);
  return safe instanceof NextResponse ? safe : handlers.POST(safe);
}

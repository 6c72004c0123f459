import "server-only";
import { getDb } from "@/db";
import type { Role } from "@/db/schema/enums";
import { AppError, ForbiddenError } from "@/lib/errors";
import { requireViewer } from "./index";
import { assertRole, type Viewer } from "./roles";
import { viewerForToken } from "./tokens";

/** A bearer token that is malformed, unknown, expired or revoked. */
export class InvalidTokenError extends AppError {
  constructor() {
    super(401, "invalid_token", "apiTokens.errors.invalid");
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser's cookie-authenticated write must come from this site: another site's page could
 * otherwise make the browser send it (CSRF). Browsers say where a request comes from
 * (Sec-Fetch-Site, Origin); a script without them is not a browser, and a token request needs
 * no cookie at all.
 */
function sameSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Who is calling a /api/v1 route: the user behind `Authorization: Bearer <token>`, or else the
 * session cookie's user. Every route calls this itself (proxy.ts lets token requests through
 * unchecked). 401 without a valid credential, 403 below `least`.
 */
export async function requireApiViewer(request: Request, least: Role = "staff"): Promise<Viewer> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const viewer = match ? await viewerForToken(getDb(), match[1]!) : null;
    if (!viewer) throw new InvalidTokenError();
    assertRole(viewer, least);
    return viewer;
  }
  const viewer = await requireViewer(least);
  if (!SAFE_METHODS.has(request.method) && !sameSite(request)) throw new ForbiddenError();
  return viewer;
}

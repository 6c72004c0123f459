import "server-only";
import { getDb } from "@/db";
import type { Role } from "@/db/schema/enums";
import { AppError, CrossSiteError } from "@/lib/errors";
import { requireViewer } from "./index";
import { fromOwnOrigin, SAFE_METHODS } from "./origin";
import { assertRole, type Viewer } from "./roles";
import { viewerForToken } from "./tokens";

/** A bearer token that is malformed, unknown, expired or revoked. */
export class InvalidTokenError extends AppError {
  constructor() {
    super(401, "invalid_token", "apiTokens.errors.invalid");
  }
}

/**
 * Who is calling a /api/v1 route: the user behind `Authorization: Bearer <token>`, or else the
 * session cookie's user — the one check every route handler makes (proxy.ts lets token
 * requests through unchecked; a test sweeps every route file for it). 401 without a valid
 * credential, 403 below `least`, and 403 for a cookie-authenticated write that does not come
 * from the app's own origin (lib/auth/origin.ts).
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
  if (!SAFE_METHODS.has(request.method) && !fromOwnOrigin(request.headers, request.url)) throw new CrossSiteError();
  return viewer;
}

import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { clientIp } from "@/lib/auth/request";
import { fromOwnOrigin } from "@/lib/auth/origin";
import { AppError, asAppError, CrossSiteError, type FieldErrors } from "@/lib/errors";

/**
 * The one result shape of every server action. `message` and field errors are i18n keys
 * ("errors.…") that the form translates; nothing secret is echoed back.
 */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: FieldErrors; current?: Record<string, unknown> };

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    await assertOwnOrigin();
    return { ok: true, data: await fn() };
  } catch (caught) {
    unstable_rethrow(caught); // redirect() and notFound() work by throwing
    const e = asAppError(caught);
    if (e instanceof AppError) {
      return {
        ok: false,
        code: e.code,
        message: e.message,
        fieldErrors: e.fields,
        current: (e as { current?: Record<string, unknown> }).current,
      };
    }
    console.error("[action]", e);
    return { ok: false, code: "server_error", message: "errors.server" };
  }
}

export async function requestContext(): Promise<{ ip: string }> {
  return { ip: clientIp(await headers()) };
}

/** A server action is a POST with the session cookie: refused unless it comes from the app's own pages (Next.js checks this too). */
async function assertOwnOrigin(): Promise<void> {
  if (!fromOwnOrigin(await headers())) throw new CrossSiteError();
}

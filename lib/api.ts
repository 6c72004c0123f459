import "server-only";
import { getTranslations } from "next-intl/server";
import { AppError, asAppError, UnavailableError } from "@/lib/errors";

/**
 * Wraps a route handler: a domain error becomes `{error:{code,message,fields}}` with its
 * 4xx status; a database out of reach a 503 with Retry-After; anything else a 500 without a
 * stack trace.
 */
export function apiRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (caught) {
      const e = asAppError(caught);
      const t = await getTranslations();
      const tr = (key: string) => (t.has(key as never) ? t(key as never) : key);
      if (e instanceof AppError) {
        const fields = e.fields
          ? Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, v.map(tr)]))
          : undefined;
        const headers = e instanceof UnavailableError ? { "Retry-After": String(e.retryAfter) } : undefined;
        return Response.json({ error: { code: e.code, message: tr(e.message), fields } }, { status: e.status, headers });
      }
      console.error("[api]", e);
      return Response.json({ error: { code: "server_error", message: tr("errors.server") } }, { status: 500 });
    }
  };
}

import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { getTranslations } from "next-intl/server";
import { apiRoute } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { importLimits } from "./limits";
import { ImportRefusedError, limitRefusal } from "./refusal";
import type { RowIssue } from "./types";

/**
 * The uploaded file: the request's body, read as it arrives. Refused at once (413), before a
 * byte is read, when its declared length is over IMPORT_MAX_BYTES; an upload without a length
 * is cut at the limit as it is written to disk (lib/imports/read.ts).
 */
export function uploadOf(request: Request): Readable {
  const { maxBytes } = importLimits();
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(length) && length > maxBytes) throw limitRefusal("bytes", maxBytes);
  if (!request.body) throw new AppError(400, "no_file", "imports.errors.noFile", { file: ["imports.errors.noFile"] });
  return Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
}

/** Row issues with their message in the request's language, for the page and for scripts. */
export async function withText(issues: RowIssue[]) {
  const t = await getTranslations();
  return issues.map((i) => {
    const key = i.message as never;
    return { ...i, text: t.has(key) ? t(key, { value: i.value ?? "", ...i.params } as never) : i.message };
  });
}

/**
 * A refused upload as the API answers it: `{code, message, fields: {file: [message]}, limit}`,
 * the message in the request's language with the limit's value in it, and `limit` naming it
 * (`name`, `max`, the environment variable that sets it, the row where it was hit).
 */
export async function refusalBody(e: ImportRefusedError) {
  const t = await getTranslations();
  const message = t.has(e.message as never) ? t(e.message as never, (e.values ?? {}) as never) : e.message;
  return { code: e.code, message, fields: { file: [message] }, ...(e.limit ? { limit: e.limit } : {}) };
}

/** apiRoute, answering a refused upload with its status (413, 422, 429 with Retry-After) and refusalBody. */
export function importRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return apiRoute(async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (e) {
      if (!(e instanceof ImportRefusedError)) throw e;
      const headers: Record<string, string> = e.retryAfter ? { "Retry-After": String(e.retryAfter) } : {};
      return Response.json({ error: await refusalBody(e) }, { status: e.status, headers });
    }
  });
}

import "server-only";
import type { z } from "zod";
import { clientIp } from "@/lib/auth/request";
import { AppError } from "@/lib/errors";
import { searchParamsRecord } from "@/lib/signed/validation";
import { parseOrThrow } from "@/lib/validation";

/** The query string through a list's schema (repeated keys become arrays, as on the pages). */
export function queryOf<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  return parseOrThrow(schema, searchParamsRecord(new URL(request.url).searchParams));
}

/** The largest JSON body a route reads: far above any record's fields. */
export const MAX_JSON_BYTES = 1024 * 1024;

const tooLarge = () => new AppError(413, "body_too_large", "errors.bodyTooLarge", { _form: ["errors.bodyTooLarge"] });

/**
 * The request's JSON body. It must say it is JSON (Content-Type application/json): a form or
 * text/plain body is what another site's page can send without asking, so it is a 415. Read
 * up to MAX_JSON_BYTES and refused with a 413 beyond that (counted as it arrives, whatever
 * Content-Length says); anything that is not JSON is a 400 naming the body.
 */
export async function bodyOf(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type)) {
    throw new AppError(415, "unsupported_media_type", "errors.unsupportedMediaType", { _form: ["errors.unsupportedMediaType"] });
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_JSON_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_JSON_BYTES) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const invalid = () => new AppError(400, "invalid_json", "api.errors.json", { _form: ["api.errors.json"] });
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw invalid();
  }
  if (depthOf(body) > MAX_JSON_DEPTH) throw invalid();
  return body;
}

/** No record's body nests deeper than a few levels (a park's zones); thousands of levels are an attack on the parsers after this one. */
const MAX_JSON_DEPTH = 32;

function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) break;
    if (v && typeof v === "object") for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function ctxOf(request: Request) {
  return { ip: clientIp(request.headers) };
}

export const created = (data: unknown) => Response.json({ data }, { status: 201 });
export const ok = (data: unknown) => Response.json({ data });

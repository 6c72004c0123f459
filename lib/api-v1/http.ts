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

/** The request's JSON body; anything that is not JSON is a 400 naming the body. */
export async function bodyOf(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError(400, "invalid_json", "api.errors.json", { _form: ["api.errors.json"] });
  }
}

export function ctxOf(request: Request) {
  return { ip: clientIp(request.headers) };
}

export const created = (data: unknown) => Response.json({ data }, { status: 201 });
export const ok = (data: unknown) => Response.json({ data });

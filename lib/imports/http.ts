import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors";
import type { RowIssue } from "./types";

/** The uploaded file: the request's body, read as it arrives. */
export function uploadOf(request: Request): Readable {
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

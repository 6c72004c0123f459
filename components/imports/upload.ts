"use client";
import type { ImportKind } from "@/db/schema/enums";
import type { MappingRow } from "@/lib/imports/mappings";
import type { ImportProgress, ImportReport } from "@/lib/imports/service";
import type { RowIssue } from "@/lib/imports/types";
import type { Mapping } from "@/lib/imports/validation";

/** What the API answers on failure. */
export type ApiError = { code: string; message: string; fields?: Record<string, string[]> };
export type IssueWithText = RowIssue & { text: string };
export type Report = Omit<ImportReport, "errors" | "warnings"> & { errors: IssueWithText[]; warnings: IssueWithText[] };
export type Inspection = { headerRow: number; headers: string[]; mapping: Mapping; samples: string[][]; saved: MappingRow[] };

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

const networkError: ApiError = { code: "network", message: "imports.errors.network" };

function url(path: string, params: Record<string, string | undefined>) {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  return `${path}?${q}`;
}

/** The file is the request body: the server reads it as it arrives, never as a whole. */
function post(path: string, params: Record<string, string | undefined>, file: File, signal?: AbortSignal) {
  return fetch(url(path, params), { method: "POST", body: file, headers: { "Content-Type": "application/octet-stream" }, signal });
}

async function failure(res: Response): Promise<ApiError> {
  try {
    return ((await res.json()) as { error: ApiError }).error;
  } catch {
    return { code: "server_error", message: "errors.server" };
  }
}

/** A CSV's header and first rows are in its first bytes; an .xlsx is a zip, read from its start to the sheet. */
const CSV_HEAD = 256 * 1024;

export async function inspectFile(kind: ImportKind, file: File): Promise<Result<Inspection>> {
  try {
    const head = /\.csv$/i.test(file.name) && file.size > CSV_HEAD ? new File([file.slice(0, CSV_HEAD)], file.name) : file;
    const res = await post("/api/v1/imports/inspect", { kind, fileName: file.name }, head);
    if (!res.ok) return { ok: false, error: await failure(res) };
    return { ok: true, data: ((await res.json()) as { data: Inspection }).data };
  } catch {
    return { ok: false, error: networkError };
  }
}

/** Runs a dry run or the import, reporting progress from the server's NDJSON lines. */
export async function runFile(
  opts: { kind: ImportKind; file: File; mode: "dry" | "commit"; mapping: Mapping; skipInvalid: boolean },
  onProgress: (p: ImportProgress) => void,
): Promise<Result<Report>> {
  try {
    const res = await post(
      "/api/v1/imports",
      {
        kind: opts.kind,
        mode: opts.mode,
        fileName: opts.file.name,
        mapping: JSON.stringify(opts.mapping),
        skipInvalid: opts.skipInvalid ? "1" : "0",
        progress: "1",
      },
      opts.file,
    );
    if (!res.ok || !res.body) return { ok: false, error: await failure(res) };
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (value) buffer += value;
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = JSON.parse(buffer.slice(0, nl)) as { type: string } & Record<string, unknown>;
        buffer = buffer.slice(nl + 1);
        if (line.type === "progress") onProgress(line as unknown as ImportProgress);
        if (line.type === "report") return { ok: true, data: line as unknown as Report };
        if (line.type === "error") return { ok: false, error: line.error as ApiError };
      }
      if (done) break;
    }
    return { ok: false, error: networkError };
  } catch {
    return { ok: false, error: networkError };
  }
}

/** The error report as a download. */
export async function downloadReport(kind: ImportKind, file: File, mapping: Mapping): Promise<Result<null>> {
  try {
    const res = await post("/api/v1/imports/report", { kind, fileName: file.name, mapping: JSON.stringify(mapping) }, file);
    if (!res.ok) return { ok: false, error: await failure(res) };
    const blob = await res.blob();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `${file.name.replace(/\.(xlsx|csv)$/i, "")}-错误报告.xlsx`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    return { ok: true, data: null };
  } catch {
    return { ok: false, error: networkError };
  }
}

"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils";

type Format = "xlsx" | "csv";
type Job =
  | { state: "running"; format: Format; bytes: number; rows: number }
  | { state: "done"; format: Format; bytes: number; rows: number; filename: string }
  | { state: "cancelled" }
  | { state: "failed"; message: string };

const LABEL: Record<Format, string> = { xlsx: "Excel", csv: "CSV" };
/**
 * A compressed .xlsx cannot be counted in rows as it arrives, so its progress is estimated
 * from its size: about this many bytes per row (measured on the synthetic data), plus the
 * workbook's fixed parts.
 */
const XLSX_BYTES_PER_ROW = 180;
const XLSX_FIXED_BYTES = 7_000;
const UPDATE_MS = 150;

const LF = 0x0a;
const QUOTE = 0x22;

/** Counts CSV records in arriving bytes: line feeds outside quoted fields (UTF-8 never hides 0x0A or 0x22 inside a character). */
function csvCounter() {
  let quoted = false;
  let lines = 0;
  return {
    add(chunk: Uint8Array) {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i];
        if (b === QUOTE) quoted = !quoted;
        else if (b === LF && !quoted) lines++;
      }
    },
    /** Data rows so far (the first line is the header; at the end, the last is the totals row). */
    get rows() {
      return Math.max(0, lines - 1);
    },
  };
}

function filenameOf(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      /* fall through to the plain name */
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Export links for the current filter of a list (`path`: the export's address without its
 * extension — the 签约项目清单's by default, /projects passes the 在谈项目清单's). Without JavaScript they are plain downloads; with it,
 * the file is fetched as a stream and the progress shown (rows for CSV, size for .xlsx against
 * the list's row count), then saved under the server's file name. Esc or the button cancels.
 */
export function ExportButtons({ query, total, path = "/api/v1/exports/signed-projects", name = "签约项目清单" }: { query: string; total: number; path?: string; name?: string }) {
  const t = useTranslations("signed.export");
  const [job, setJob] = useState<Job | null>(null);
  const abort = useRef<AbortController | null>(null);
  const running = job?.state === "running";

  useEffect(() => () => abort.current?.abort(), []);

  const start = async (format: Format) => {
    if (abort.current) return;
    const controller = new AbortController();
    abort.current = controller;
    setJob({ state: "running", format, bytes: 0, rows: 0 });
    try {
      const res = await fetch(`${path}.${format}${query}`, { signal: controller.signal });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setJob({ state: "failed", message: body?.error?.message ?? t("failed") });
        return;
      }
      const counter = csvCounter();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      let shown = 0;
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.length;
        if (format === "csv") counter.add(value);
        if (Date.now() - shown > UPDATE_MS) {
          shown = Date.now();
          setJob({ state: "running", format, bytes, rows: counter.rows });
        }
      }
      const filename = filenameOf(res.headers.get("Content-Disposition"), `${name}.${format}`);
      save(new Blob(chunks, { type: res.headers.get("Content-Type") ?? "application/octet-stream" }), filename);
      setJob({ state: "done", format, bytes, rows: format === "csv" ? Math.max(0, counter.rows - 1) : total, filename });
    } catch {
      setJob(controller.signal.aborted ? { state: "cancelled" } : { state: "failed", message: t("failed") });
    } finally {
      abort.current = null;
    }
  };

  const onClick = (format: Format) => (e: React.MouseEvent<HTMLAnchorElement>) => {
    // Let a modified click (new tab, save link as) do what the browser does with a link.
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    if (!running) void start(format);
  };

  let percent = 0;
  let status = "";
  if (job?.state === "running") {
    const expected = job.format === "csv" ? Math.max(1, total) : XLSX_FIXED_BYTES + total * XLSX_BYTES_PER_ROW;
    const got = job.format === "csv" ? job.rows : job.bytes;
    percent = Math.min(99, Math.floor((got / expected) * 100));
    status =
      job.bytes === 0
        ? t("starting")
        : job.format === "csv"
          ? t("rows", { format: LABEL.csv, rows: job.rows.toLocaleString(), total: total.toLocaleString() })
          : t("bytes", { format: LABEL.xlsx, size: formatSize(job.bytes), percent, total: total.toLocaleString() });
  }

  const button =
    "inline-flex min-h-10 items-center justify-center gap-1.5 rounded-md px-4 text-sm font-medium transition-colors border border-slate-300 bg-white text-slate-800 hover:bg-slate-50";
  return (
    <div className="flex flex-col items-end gap-1.5" onKeyDown={(e) => e.key === "Escape" && running && abort.current?.abort()}>
      <div className="flex flex-wrap gap-2">
        {(["xlsx", "csv"] as const).map((format) => (
          <a
            key={format}
            href={`${path}.${format}${query}`}
            download
            onClick={onClick(format)}
            aria-disabled={running || undefined}
            aria-describedby="export-hint"
            className={cn(button, format === "xlsx" && "border-brand-600 text-brand-800", running && "cursor-progress opacity-60")}
          >
            {t(format)}
          </a>
        ))}
      </div>
      <p id="export-hint" className="text-xs text-slate-500">
        {t("hint", { count: total.toLocaleString() })}
      </p>
      {job?.state === "running" && (
        <div className="flex w-full max-w-md flex-wrap items-center justify-end gap-2 text-sm text-slate-700">
          <progress max={100} value={percent} aria-label={t("progressLabel")} aria-valuetext={status} className="h-2 w-40 accent-brand-600" />
          <span className="tabular-nums">{status}</span>
          <button type="button" onClick={() => abort.current?.abort()} className="rounded px-2 py-1 text-brand-700 underline underline-offset-2 hover:bg-slate-100">
            {t("cancel")}
          </button>
        </div>
      )}
      {/* Announced once per change of state, not on every progress tick. */}
      <p role="status" aria-live="polite" className={cn("text-sm", !job || job.state === "running" ? "sr-only" : job.state === "done" ? "text-emerald-800" : "text-slate-600")}>
        {job?.state === "running" ? t("busy") : ""}
        {job?.state === "done"
          ? job.format === "csv"
            ? t("done", { filename: job.filename, rows: job.rows.toLocaleString() })
            : t("doneBytes", { filename: job.filename, size: formatSize(job.bytes) })
          : ""}
        {job?.state === "cancelled" ? t("cancelled") : ""}
      </p>
      {job?.state === "failed" && (
        <p role="alert" className="text-sm text-red-700">
          {job.message}
        </p>
      )}
    </div>
  );
}

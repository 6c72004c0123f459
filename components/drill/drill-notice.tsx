import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ProjectFilters } from "@/lib/projects/validation";
import type { SignedFilters } from "@/lib/signed/validation";

/**
 * The filters a dashboard figure opens a list with that the list's own form has no field for
 * (lib/dashboard/links.ts). The form keeps them as hidden fields, and the notice says in words
 * what they select, with the count of activities or overdue tasks the figure showed.
 */
export const DRILL_KEYS = [
  "asOf",
  "reached",
  "activity",
  "activityFrom",
  "activityTo",
  "investor",
  "stalled",
  "overdue",
  "unitOnly",
  "report",
  "reportFrom",
  "reportTo",
  "pending",
  "pendingBy",
  "kept",
  "keptBy",
  "fundsTo",
  "sourceEvent",
] as const;
type DrillKey = (typeof DRILL_KEYS)[number];
type Params = Partial<ProjectFilters & SignedFilters>;

export function hasDrill(params: Params, extra: readonly string[] = []): boolean {
  return [...DRILL_KEYS, ...extra].some((k) => {
    const v = (params as Record<string, unknown>)[k];
    return v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0);
  });
}

/** Hidden fields for the drill-down filters present, so applying the form keeps them. */
export function DrillHiddenInputs({ params, extra = [] }: { params: Params; extra?: readonly string[] }) {
  return (
    <>
      {[...DRILL_KEYS, ...extra].flatMap((k) => {
        const v = (params as Record<string, unknown>)[k];
        if (v === undefined || v === "") return [];
        return (Array.isArray(v) ? v : [v]).map((x, i) => <input key={`${k}-${i}`} type="hidden" name={k} value={String(x)} />);
      })}
    </>
  );
}

export async function DrillNotice({
  params,
  clearHref,
  counts = {},
  names = {},
}: {
  params: Params;
  clearHref: string;
  counts?: { activities?: number; overdueTasks?: number };
  names?: { park?: string; sourceEvent?: string };
}) {
  const t = await getTranslations();
  const p = params;
  const stage = (s: string) => t(`stages.${s}` as never);
  const lines: string[] = [];
  if (p.asOf) lines.push(t("drill.asOf", { date: p.asOf }));
  if (p.reached) lines.push(p.asOf ? t("drill.reachedBy", { stage: stage(p.reached), date: p.asOf }) : t("drill.reached", { stage: stage(p.reached) }));
  if (p.activity?.length || p.activityFrom || p.activityTo) {
    lines.push(
      t("drill.activity", {
        from: p.activityFrom ?? "…",
        to: p.activityTo ?? "…",
        kinds: (p.activity ?? []).map((k) => t(`activityKinds.${k}` as never)).join("、") || t("drill.anyActivity"),
      }),
    );
  }
  if (p.investor) lines.push(t("drill.investor", { name: t(`drill.investors.${p.investor}`) }));
  if (p.stalled) lines.push(t("drill.stalled", { days: p.stalled }));
  if (p.overdue) lines.push(t("drill.overdue"));
  if (p.unitOnly) lines.push(t("drill.unitOnly"));
  if (p.report) {
    lines.push(
      p.reportFrom
        ? t("drill.report", { stage: stage(p.report), from: p.reportFrom, to: p.reportTo ?? "…" })
        : t("drill.reportBy", { stage: stage(p.report), date: p.reportTo ?? "…" }),
    );
  }
  if (p.pending) lines.push(t("drill.pending", { stage: stage(p.pending), date: p.pendingBy ?? "…" }));
  if (p.kept) lines.push(t("drill.kept", { date: p.keptBy ?? "…", value: t(`drill.keptValues.${p.kept}`) }));
  if (p.fundsTo) lines.push(t("drill.fundsTo", { date: p.fundsTo }));
  if (names.park) lines.push(t("drill.park", { name: names.park }));
  if (p.sourceEvent) lines.push(t("drill.sourceEvent", { name: names.sourceEvent ?? "—" }));
  if (counts.activities !== undefined) lines.push(t("drill.activities", { count: counts.activities }));
  if (counts.overdueTasks !== undefined) lines.push(t("drill.overdueTasks", { count: counts.overdueTasks }));
  if (!lines.length) return null;
  return (
    <div className="mx-4 mt-3 flex flex-wrap items-start justify-between gap-2 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-800" data-testid="drill-notice">
      <div>
        <p className="font-medium">{t("drill.title")}</p>
        <ul className="mt-0.5 list-disc pl-5">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </div>
      <Link href={clearHref} className="text-brand-700 underline underline-offset-2">
        {t("drill.clear")}
      </Link>
    </div>
  );
}

/** The params without the drill-down ones (for "clear these conditions"). */
export function withoutDrill<T extends Params>(params: T, extra: readonly string[] = []): T {
  const out = { ...params } as Record<string, unknown>;
  for (const k of [...DRILL_KEYS, ...extra] as (DrillKey | string)[]) delete out[k];
  return out as T;
}

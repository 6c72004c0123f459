import { getTranslations } from "next-intl/server";
import type { ProjectStage } from "@/db/schema/enums";
import { cn } from "@/lib/utils";
import { STAGES } from "@/lib/projects/stages";

/**
 * 线索 → … → 投产: a tick on each stage the project's stage changes show it reached, the
 * current one, those skipped (no tick) and those ahead. Stages the district hides are left
 * out unless the project has been at them.
 */
export async function StageStepper({ stage, reached, hidden }: { stage: ProjectStage; reached: Set<ProjectStage>; hidden: Set<ProjectStage> }) {
  const t = await getTranslations();
  const current = STAGES.indexOf(stage);
  const shown = STAGES.map((s, i) => ({ s, i })).filter(({ s }) => !hidden.has(s) || reached.has(s) || s === stage);
  return (
    // Focusable: on a phone the steps scroll sideways, and keyboard users must be able to scroll them.
    <ol aria-label={t("projects.stepper")} tabIndex={0} className="flex overflow-x-auto rounded-lg border border-slate-200 bg-white text-xs focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none sm:text-sm">
      {shown.map(({ s, i }, n) => {
        const done = i < current && reached.has(s);
        const skipped = i < current && !reached.has(s);
        return (
          <li
            key={s}
            aria-current={i === current ? "step" : undefined}
            data-state={done ? "done" : skipped ? "skipped" : i === current ? "current" : "ahead"}
            className={cn(
              "flex min-w-20 flex-1 items-center justify-center gap-1 border-r border-slate-200 px-2 py-2 whitespace-nowrap last:border-r-0",
              done && "bg-brand-50 text-brand-800",
              skipped && "text-slate-500",
              i === current && "bg-brand-600 font-medium text-white",
              i > current && "text-slate-500",
            )}
          >
            <span aria-hidden="true">{done ? "✓" : skipped ? "–" : n + 1}</span>
            {t(`stages.${s}`)}
            {skipped && <span className="sr-only">（{t("projects.stageSkipped")}）</span>}
          </li>
        );
      })}
    </ol>
  );
}

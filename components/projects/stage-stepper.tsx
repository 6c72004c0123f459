import { getTranslations } from "next-intl/server";
import type { ProjectStage } from "@/db/schema/enums";
import { cn } from "@/lib/utils";
import { STAGES, stageIndex } from "@/lib/projects/stages";

/** 线索 → … → 投产, with the stages passed, the current one, and those ahead. */
export async function StageStepper({ stage }: { stage: ProjectStage }) {
  const t = await getTranslations();
  const current = stageIndex(stage);
  return (
    // Focusable: on a phone the steps scroll sideways, and keyboard users must be able to scroll them.
    <ol aria-label={t("projects.stepper")} tabIndex={0} className="flex overflow-x-auto rounded-lg border border-slate-200 bg-white text-xs focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none sm:text-sm">
      {STAGES.map((s, i) => (
        <li
          key={s}
          aria-current={i === current ? "step" : undefined}
          className={cn(
            "flex min-w-20 flex-1 items-center justify-center gap-1 border-r border-slate-200 px-2 py-2 whitespace-nowrap last:border-r-0",
            i < current && "bg-brand-50 text-brand-800",
            i === current && "bg-brand-600 font-medium text-white",
            i > current && "text-slate-500",
          )}
        >
          <span aria-hidden="true">{i < current ? "✓" : i + 1}</span>
          {t(`stages.${s}`)}
        </li>
      ))}
    </ol>
  );
}

import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

/** 已完成 / 推进中 / 未启动 / 逾期 counts, in a line that wraps on a phone. */
export function RollupCounts({ counts, className }: { counts: { total: number; done: number; inProgress: number; overdue: number }; className?: string }) {
  const t = useTranslations("checklists");
  const notStarted = counts.total - counts.done - counts.inProgress;
  return (
    <p className={cn("flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600", className)}>
      <span>{t("countDone", { count: counts.done, total: counts.total })}</span>
      <span>{t("countInProgress", { count: counts.inProgress })}</span>
      <span>{t("countNotStarted", { count: notStarted })}</span>
      <span className={counts.overdue > 0 ? "font-medium text-red-700" : undefined}>{t("countOverdue", { count: counts.overdue })}</span>
    </p>
  );
}

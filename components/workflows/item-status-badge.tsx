import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ChecklistItemStatus } from "@/db/schema/enums";

const TONES: Record<ChecklistItemStatus, "grey" | "blue" | "green"> = { not_started: "grey", in_progress: "blue", done: "green" };

/** 未启动 / 推进中 / 已完成 in words (the colour only repeats it), and 已逾期 beside an overdue one. */
export function ItemStatusBadge({ status, overdue }: { status: ChecklistItemStatus; overdue?: boolean }) {
  const t = useTranslations();
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONES[status]}>{t(`itemStatuses.${status}`)}</Badge>
      {overdue && <Badge tone="red">{t("checklists.overdue")}</Badge>}
    </span>
  );
}

import type { DueAnchor } from "@/db/schema/enums";

type T = (key: string, values?: Record<string, string | number>) => string;

/** "供地日起 5 天内", or "不设时限" without an offset. */
export function dueRule(t: T, item: { dueOffsetDays: number | null; dueAnchor: DueAnchor }): string {
  if (item.dueOffsetDays === null) return t("workflows.noDueRule");
  return t("workflows.dueRule", { anchor: t(`dueAnchors.${item.dueAnchor}`), days: item.dueOffsetDays });
}

import type { getTranslations } from "next-intl/server";
import { formatMu } from "@/lib/land/area";
import { yuanToYi } from "@/lib/money";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/**
 * A field's value as the project's timeline shows it: names for ids, words for enum keys, 亿元
 * for amounts, 亩 for areas — never a raw key (tests/integration/timeline-text.test.ts).
 */
export function timelineFormatter(t: Translate, names: Map<string, string>, chainNames: Map<string, string>, unitNames: Map<string, string>) {
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("projects.none");
    if (field === "totalInvestment" || field === "contractInvestment" || field === "phase1Investment") return `${yuanToYi(String(value))} ${t("projects.yi")}`;
    if (field === "fundsAmount") return `${yuanToYi(String(value), 4)} ${t("projects.yi")}`;
    if (field === "agreementType") return t(`agreementTypes.${value as "investment"}`);
    if (field === "landNeedMu") return `${formatMu(String(value))} 亩`;
    if (field === "landUse") return t(`landUses.${value as "industrial_m1"}`);
    if (field === "parcel" && typeof value === "object") return (value as { parcelCode?: string }).parcelCode ?? t("projects.none");
    if (["parkId", "ownerId", "enterpriseId", "stewardId", "eventId", "sourceEventId", "responsibleUnitId"].includes(field)) return names.get(String(value)) ?? t("projects.none");
    if (field === "industryChainId") return chainNames.get(String(value)) ?? t("projects.none");
    if (field === "unitId") return unitNames.get(String(value)) ?? names.get(String(value)) ?? t("projects.none");
    if (field === "source") return t(`sources.${value as "other"}`);
    if (field === "capitalOrigin") return t(`capitalOrigins.${value as "local"}`);
    if (field === "stage" || field === "fromStage" || field === "toStage") return t(`stages.${value as "lead"}`);
    if (field === "status") return t(`statuses.${value as "active"}`);
    if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
    return String(value);
  };
}

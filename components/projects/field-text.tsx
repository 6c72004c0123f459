"use client";
import { useTranslations } from "next-intl";
import type { ProjectFormOptions } from "@/lib/projects/options";

/** The project form's fields as the form names them, and their values as read (names for ids, words for keys). */
export function useProjectFieldText(options: ProjectFormOptions) {
  const t = useTranslations();
  const labels: Record<string, string> = {
    name: t("projects.name"),
    enterpriseId: t("projects.enterprise"),
    totalInvestmentYi: t("projects.totalInvestmentShort"),
    industryChainId: t("projects.chain"),
    sourceEventId: t("projects.sourceEvent"),
    source: t("projects.source"),
    capitalOrigin: t("projects.capitalOrigin"),
    unitId: t("projects.unit"),
    ownerId: t("projects.owner"),
    responsibleLeader: t("projects.responsibleLeader"),
    expectedSigningDate: t("projects.expectedSigningDate"),
    isKey: t("projects.isKey"),
    description: t("projects.description"),
  };
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("projects.none");
    if (field === "ownerId") return options.people.find((p) => p.id === value)?.name ?? t("projects.none");
    if (field === "unitId") return options.units.find((u) => u.id === value)?.name ?? t("projects.none");
    if (field === "industryChainId") return options.chains.find((c) => c.id === value)?.name ?? t("projects.none");
    if (field === "sourceEventId") return options.events.find((e) => e.id === value)?.name ?? t("projects.none");
    if (field === "source") return t(`sources.${value as "other"}`);
    if (field === "capitalOrigin") return t(`capitalOrigins.${value as "local"}`);
    if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
    return String(value);
  };
  return { label: (field: string) => labels[field] ?? t("projects.none"), show };
}

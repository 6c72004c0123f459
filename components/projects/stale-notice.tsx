"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { yuanToYiInput } from "@/lib/money";
import type { ProjectFormOptions } from "@/lib/projects/options";
import type { EditedProject } from "./project-form";

/**
 * After a refused save (someone saved first): which fields the other person changed and
 * to what, so the user can decide before saving again. Their own input stays in the form.
 */
export function StaleNotice({
  current,
  mine,
  options,
  className,
}: {
  current: Record<string, unknown>;
  mine: EditedProject;
  options: ProjectFormOptions;
  className?: string;
}) {
  const t = useTranslations();
  const theirs: Record<string, unknown> = { ...current, totalInvestmentYi: current.totalInvestment ? yuanToYiInput(String(current.totalInvestment)) : "" };
  const show = (field: string, value: unknown) => {
    if (value === null || value === undefined || value === "") return t("projects.none");
    if (field === "ownerId") return options.people.find((p) => p.id === value)?.name ?? String(value);
    if (field === "unitId") return options.units.find((u) => u.id === value)?.name ?? String(value);
    if (field === "industryChainId") return options.chains.find((c) => c.id === value)?.name ?? String(value);
    if (field === "sourceEventId") return options.events.find((e) => e.id === value)?.name ?? t("projects.none");
    if (field === "source") return t(`sources.${value as "other"}`);
    if (field === "capitalOrigin") return t(`capitalOrigins.${value as "local"}`);
    if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
    return String(value);
  };
  const labels: Record<string, string> = {
    name: t("projects.name"),
    totalInvestmentYi: t("projects.totalInvestmentShort"),
    industryChainId: t("projects.chain"),
    source: t("projects.source"),
    sourceEventId: t("projects.sourceEvent"),
    capitalOrigin: t("projects.capitalOrigin"),
    unitId: t("projects.unit"),
    ownerId: t("projects.owner"),
    responsibleLeader: t("projects.responsibleLeader"),
    expectedSigningDate: t("projects.expectedSigningDate"),
    isKey: t("projects.isKey"),
    description: t("projects.description"),
  };
  const changed = Object.keys(labels).filter((k) => show(k, theirs[k] ?? null) !== show(k, (mine as Record<string, unknown>)[k] ?? null));
  return (
    <Alert tone="info" className={className}>
      <p>{t("projects.stale")}</p>
      {changed.length > 0 && (
        <>
          <p className="mt-2 font-medium">{t("projects.changedFields")}</p>
          <ul className="mt-1 list-disc pl-5">
            {changed.map((k) => (
              <li key={k}>
                {labels[k]}：{show(k, theirs[k])}
              </li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}

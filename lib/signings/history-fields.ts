import type { getTranslations } from "next-intl/server";
import { yuanToYi } from "@/lib/money";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/**
 * The signing's 修改记录 (/projects/[id]/signing): each field's label and how its values read —
 * 亿元 for amounts, words for the agreement type, names for ids (`names`: lib/audit/log.ts
 * auditNames over the entries), "（同项目所属单位）" for an empty 责任单位. Never an id or a key
 * (tests/integration/history-text.test.ts).
 */
export function signingHistoryFields(t: Translate, names: Map<string, string>) {
  const labels: Record<string, string> = {
    signingDate: t("signing.signingDate"),
    agreementType: t("signing.agreementType"),
    contractInvestment: t("projects.contractAmount"),
    phase1Investment: t("signing.phase1Investment"),
    eventId: t("signing.event"),
    stewardId: t("signing.steward"),
    responsibleUnitId: t("signing.responsibleUnit"),
    responsibleLeader: t("signing.responsibleLeader"),
    progress: t("signing.progress"),
    issues: t("signing.issues"),
    note: t("signing.note"),
  };
  const format = (value: unknown, field: string): string => {
    if (field === "responsibleUnitId" && !value) return t("signing.sameAsProject");
    if (value === null || value === undefined || value === "") return t("projects.none");
    if (field === "contractInvestment" || field === "phase1Investment") return `${yuanToYi(String(value))} ${t("projects.yi")}`;
    if (field === "agreementType") return t(`agreementTypes.${value as "investment"}`);
    if (field === "eventId" || field === "stewardId" || field === "responsibleUnitId") return names.get(String(value)) ?? t("auditLog.unnamed");
    return String(value);
  };
  return { labels, format };
}

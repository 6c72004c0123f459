import { getTranslations } from "next-intl/server";
import type { AuditAction } from "@/db/schema/enums";
import { formatDateTime } from "@/lib/i18n/format";

type Entry = {
  id: number;
  action: AuditAction;
  at: Date;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  actorName: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** A record's audit history: who did what, when, and which fields changed from what to what. */
export async function HistoryList({
  entries,
  fieldLabels,
  format = show,
}: {
  entries: Entry[];
  fieldLabels: Record<string, string>;
  format?: (value: unknown, field: string) => string;
}) {
  const t = await getTranslations();
  // An id no registry named (a record deleted since, or one the viewer may not see) is never shown as it is.
  const value = (v: unknown, field: string) => {
    const text = format(v, field);
    return UUID.test(text) ? t("auditLog.unnamed") : text;
  };
  if (entries.length === 0) return <p className="text-sm text-slate-500">{t("users.noHistory")}</p>;
  return (
    <ol className="space-y-3 text-sm">
      {entries.map((e) => {
        const changed = e.action === "update" ? Object.keys(e.after ?? {}) : [];
        return (
          <li key={e.id} className="border-l-2 border-slate-200 pl-3">
            <p>
              <span className="font-medium">{t(`audit.${e.action}`)}</span>
              <span className="text-slate-500"> · {e.actorName ?? t("common.system")} · {formatDateTime(e.at)}</span>
            </p>
            {changed.length > 0 && (
              <ul className="mt-1 space-y-0.5 text-slate-600">
                {changed.map((field) => (
                  <li key={field}>
                    {fieldLabels[field] ?? t("common.otherField")}：{value(e.before?.[field], field)} → {value(e.after?.[field], field)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

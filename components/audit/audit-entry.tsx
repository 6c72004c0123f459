import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { fieldChanges, QUIET_FIELDS, RECORD_PATHS, showValue, type AuditRow } from "@/lib/audit/log";
import { choiceMessages } from "@/lib/audit/fields";
import { formatDateTime } from "@/lib/i18n/format";

const TONES: Record<string, "grey" | "blue" | "green" | "red" | "amber"> = {
  create: "green",
  update: "blue",
  archive: "amber",
  delete: "red",
  restore: "green",
  sign_in: "grey",
  export: "grey",
  import: "blue",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * One audit entry: when, who, what, which record, and each field's value before and after —
 * as people read them: names for ids, labels for choices, China time for timestamps.
 */
export async function AuditEntry({ row, names }: { row: AuditRow; names: Map<string, string> }) {
  const t = await getTranslations();
  const label = (key: string) => (t.has(key as never) ? t(key as never) : null);
  const show = (field: string, value: unknown): string => {
    if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.length ? value.join("、") : "—";
    if (typeof value !== "string") return showValue(value);
    if (field.endsWith("Id") && names.has(value)) return names.get(value)!;
    if (UUID.test(value)) return t("auditLog.unnamed");
    const ns = choiceMessages(row.entityType, field);
    if (ns) return label(`${ns}.${value}`) ?? value;
    if (ISO_TIME.test(value)) return formatDateTime(value);
    return value;
  };
  const recordName = row.entityId ? names.get(row.entityId) : undefined;
  const typeLabel = t.has(`auditLog.types.${row.entityType}` as never) ? t(`auditLog.types.${row.entityType}` as never) : row.entityType;
  const fieldLabel = (f: string) => (t.has(`auditLog.fields.${f}` as never) ? t(`auditLog.fields.${f}` as never) : f);
  const path = RECORD_PATHS[row.entityType];
  const whole = !row.before || !row.after;
  const changes = row.action === "sign_in" ? [] : fieldChanges(row.before, row.after).filter((c) => !(whole && QUIET_FIELDS.has(c.field)));
  // A record the log cannot name (deleted since, or of a kind without a name) is not shown by its id.
  const record = recordName ?? (row.entityId && !UUID.test(row.entityId) ? row.entityId : "");
  return (
    <li className="space-y-2 px-4 py-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        <time className="tabular-nums text-slate-600" dateTime={row.at.toISOString()}>
          {formatDateTime(row.at)}
        </time>
        <span className="font-medium text-slate-900">{row.actorName ?? t("common.system")}</span>
        <Badge tone={TONES[row.action] ?? "grey"}>{t(`audit.${row.action}`)}</Badge>
        <span className="text-slate-700">
          {typeLabel}
          {record && " "}
          {record && path && row.entityId ? (
            <Link href={`${path}${row.entityId}`} className="text-brand-700 underline underline-offset-2">
              {record}
            </Link>
          ) : (
            record && <span className="break-all">{record}</span>
          )}
        </span>
        {row.ip && <span className="text-xs text-slate-500">{t("auditLog.ip", { ip: row.ip })}</span>}
      </div>
      {changes.length > 0 && (
        <div className="overflow-x-auto" role="region" aria-label={t("auditLog.changesOf", { record: `${typeLabel} ${record}` })} tabIndex={0}>
          <table className="w-full min-w-[28rem] border-collapse text-xs">
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="w-40 border-b border-slate-200 py-1 pr-3 font-medium">{t("auditLog.field")}</th>
                <th scope="col" className="border-b border-slate-200 py-1 pr-3 font-medium">{t("auditLog.before")}</th>
                <th scope="col" className="border-b border-slate-200 py-1 font-medium">{t("auditLog.after")}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.field} className="align-top">
                  <th scope="row" className="border-b border-slate-100 py-1 pr-3 text-left font-normal text-slate-600">{fieldLabel(c.field)}</th>
                  <td className="border-b border-slate-100 py-1 pr-3 break-all text-slate-700">{c.before === undefined ? "" : show(c.field, c.before)}</td>
                  <td className="border-b border-slate-100 py-1 break-all text-slate-900">{c.after === undefined ? "" : show(c.field, c.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}

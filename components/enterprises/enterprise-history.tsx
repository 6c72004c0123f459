import { getTranslations } from "next-intl/server";
import type { AuditAction } from "@/db/schema/enums";
import { formatDateTime } from "@/lib/i18n/format";

export type HistoryEntry = {
  id: number;
  kind: "enterprise" | "contact";
  action: AuditAction;
  at: Date;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  actorName: string | null;
};

const ENTERPRISE_FIELDS = ["name", "uscc", "ownershipType", "headquarters", "industryCode", "tags", "website", "notes"] as const;
const CONTACT_TITLES = {
  create: "historyContactCreated",
  update: "historyContactUpdated",
  archive: "historyContactArchived",
  restore: "historyContactRestored",
  delete: "historyContactDeleted",
} as const;
const CONTACT_FIELDS = { name: "nameField", title: "position", phone: "phone", email: "email", wechat: "wechat", notes: "notes" } as const;

const plain = (v: unknown) => (Array.isArray(v) ? v.join("、") : v === null || v === undefined ? "" : String(v));

/**
 * Who changed the enterprise or its contacts, when, and which fields from what to what; newest
 * first. `gridNames` names the grids (网格) that grid changes mention by id (null: one the viewer may not see).
 */
export async function EnterpriseHistory({ entries, gridNames = {} }: { entries: HistoryEntry[]; gridNames?: Record<string, string | null> }) {
  const t = await getTranslations();
  if (entries.length === 0) return <p className="text-sm text-slate-500">{t("enterprises.noHistory")}</p>;
  const show = (field: string, value: unknown) => {
    const s = plain(value);
    if (!s) return t("enterprises.none");
    if (field === "gridId") return s in gridNames ? (gridNames[s] ?? t("enterprises.historyGridHidden")) : t("enterprises.historyGridGone");
    return field === "ownershipType" ? t(`ownershipTypes.${s as "other"}`) : s;
  };
  const title = (e: HistoryEntry) => {
    if (e.kind === "enterprise") {
      if (e.action === "create") return t("enterprises.historyCreated");
      if (e.action === "update") return t("enterprises.historyUpdated");
      if (e.action === "archive") return t("enterprises.historyArchived");
      if (e.action === "restore") return t("enterprises.historyRestored");
      return t(`audit.${e.action}`);
    }
    const name = plain(e.after?.name ?? e.before?.name);
    const key = CONTACT_TITLES[e.action as keyof typeof CONTACT_TITLES] ?? "historyContactUpdated";
    return t(`enterprises.${key}`, { name });
  };
  const changes = (e: HistoryEntry): [string, unknown, unknown][] => {
    if (e.action !== "update") return [];
    const labels: Record<string, string> =
      e.kind === "enterprise"
        ? { ...Object.fromEntries(ENTERPRISE_FIELDS.map((f) => [f, t(`enterprises.${f}`)])), gridId: t("enterprises.historyGrid") }
        : Object.fromEntries(Object.entries(CONTACT_FIELDS).map(([f, l]) => [f, t(`contacts.${l}`)]));
    return Object.keys(labels)
      .filter((f) => e.after && f in e.after && plain(e.before?.[f]) !== plain(e.after[f]))
      .map((f) => [labels[f]!, show(f, e.before?.[f]), show(f, e.after?.[f])]);
  };
  return (
    <ol className="space-y-3 text-sm">
      {entries.map((e) => (
        <li key={`${e.kind}-${e.id}`} className="border-l-2 border-slate-200 pl-3">
          <p>
            <span className="font-medium">{title(e)}</span>
            <span className="text-slate-500"> · {e.actorName ?? t("common.system")} · {formatDateTime(e.at)}</span>
          </p>
          {changes(e).length > 0 && (
            <ul className="mt-1 space-y-0.5 text-slate-600">
              {changes(e).map(([label, from, to]) => (
                <li key={label}>
                  {label}：{String(from)} → {String(to)}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

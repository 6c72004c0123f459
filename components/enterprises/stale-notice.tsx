"use client";
import { useTranslations } from "next-intl";

const FIELDS = ["name", "uscc", "ownershipType", "headquarters", "industryCode", "tags", "website", "notes"] as const;

const plain = (v: unknown) => (Array.isArray(v) ? v.join("、") : v === null || v === undefined ? "" : String(v));

/**
 * After a refused stale save: the fields the other person changed since this form was
 * opened, with what they saved, so the user can decide whether to save over it.
 */
export function StaleNotice({ original, current }: { original: Record<string, unknown>; current: Record<string, unknown> }) {
  const t = useTranslations();
  const changed = FIELDS.filter((f) => plain(original[f]) !== plain(current[f]));
  if (changed.length === 0) return null;
  const show = (field: string, value: unknown) => {
    const s = plain(value);
    if (!s) return t("enterprises.none");
    return field === "ownershipType" ? t(`ownershipTypes.${s as "other"}`) : s;
  };
  return (
    <div className="mt-1">
      <p className="font-medium">{t("enterprises.changedFields")}</p>
      <ul className="mt-0.5 list-disc pl-5">
        {changed.map((f) => (
          <li key={f}>
            {t(`enterprises.${f}`)}：{show(f, current[f])}
          </li>
        ))}
      </ul>
    </div>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/input";
import type { ImportKind } from "@/db/schema/enums";
import { fieldKeys, requiredFields } from "@/lib/imports/fields";
import type { Mapping } from "@/lib/imports/validation";

/**
 * Each column of the file with a few of its values, and the field it imports into (or none).
 * Rows of three on a wide screen; on a phone each column is a small card (name, values, choice).
 */
export function MappingTable({
  kind,
  headers,
  samples,
  mapping,
  errors,
  onChange,
}: {
  kind: ImportKind;
  headers: string[];
  samples: string[][];
  mapping: Mapping;
  errors?: Record<string, string>;
  onChange: (header: string, field: string) => void;
}) {
  const t = useTranslations("imports");
  const required = new Set(requiredFields(kind));
  const used = new Map(Object.entries(mapping).filter(([, f]) => f).map(([h, f]) => [f, h]));
  const label = (f: string) => t(`fields.${kind}.${f}` as never) + (required.has(f) ? t("required") : "");
  const grid = "grid gap-x-4 gap-y-1.5 sm:grid-cols-[minmax(8rem,14rem)_minmax(0,1fr)_16rem] sm:items-center";
  return (
    <div className="rounded-md border border-slate-200">
      <div className={`${grid} hidden border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm font-medium text-slate-600 sm:grid`} aria-hidden="true">
        <span>{t("column")}</span>
        <span>{t("sample")}</span>
        <span>{t("target")}</span>
      </div>
      <ul aria-label={t("stepMapping")} className="divide-y divide-slate-100">
        {headers.map((h, i) => {
          const id = `map-${i}`;
          const error = errors?.[h];
          const sample = samples.map((s) => s[i]).filter(Boolean).join(" / ");
          return (
            <li key={h} className={`${grid} px-3 py-2 text-sm`}>
              <label htmlFor={id} className="font-medium break-words text-slate-900">
                {h}
              </label>
              <span className="min-w-0 truncate text-slate-600" title={sample}>
                <span className="sr-only">{t("sample")}：</span>
                {sample || "—"}
              </span>
              <div>
                <Select
                  id={id}
                  value={mapping[h] ?? ""}
                  aria-invalid={Boolean(error)}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onChange={(e) => onChange(h, e.target.value)}
                >
                  <option value="">{t("skip")}</option>
                  {fieldKeys(kind).map((f) => (
                    <option key={f} value={f} disabled={used.has(f) && used.get(f) !== h}>
                      {label(f)}
                    </option>
                  ))}
                </Select>
                {error && (
                  <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
                    {error}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/input";
import type { ImportKind } from "@/db/schema/enums";
import { fieldKeys, requiredFields } from "@/lib/imports/fields";
import type { Mapping } from "@/lib/imports/validation";

/** Each column of the file with a few of its values, and the field it imports into (or none). */
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
  return (
    <div className="overflow-x-auto" role="region" aria-label={t("stepMapping")} tabIndex={0}>
      <table className="w-full min-w-[36rem] border-collapse text-sm">
        <thead>
          <tr>
            <th scope="col" className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-medium text-slate-600">{t("column")}</th>
            <th scope="col" className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-medium text-slate-600">{t("sample")}</th>
            <th scope="col" className="w-64 border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-medium text-slate-600">{t("target")}</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((h, i) => {
            const id = `map-${i}`;
            const error = errors?.[h];
            return (
              <tr key={h}>
                <th scope="row" className="border-b border-slate-100 px-3 py-2 text-left font-medium text-slate-900">
                  <label htmlFor={id}>{h}</label>
                </th>
                <td className="max-w-xs truncate border-b border-slate-100 px-3 py-2 text-slate-600" title={samples.map((s) => s[i]).filter(Boolean).join(" / ")}>
                  {samples.map((s) => s[i]).filter(Boolean).join(" / ")}
                </td>
                <td className="border-b border-slate-100 px-3 py-1.5">
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
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

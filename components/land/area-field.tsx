"use client";
import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { AreaUnit } from "@/db/schema/enums";
import { areaToMu, formatMu, formatSqm } from "@/lib/land/area";

/**
 * An area typed in 亩 or ㎡ (a switch beside the number), with the other unit shown live
 * underneath, computed exactly as the server will store it.
 */
export function AreaField({
  id,
  label,
  value,
  unit,
  error,
  input,
  unitInput,
}: {
  id: string;
  label: string;
  value: string;
  unit: AreaUnit;
  error?: string;
  input: UseFormRegisterReturn;
  unitInput: UseFormRegisterReturn;
}) {
  const t = useTranslations("parcels");
  const mu = value ? areaToMu(value, unit) : null;
  const other = mu === null ? t("areaEquivalentNone") : unit === "mu" ? t("areaInSqm", { sqm: formatSqm(mu) }) : t("areaInMu", { mu: formatMu(mu), exact: mu });
  const segment =
    "inline-flex min-h-10 cursor-pointer items-center px-3 text-sm has-checked:bg-brand-600 has-checked:text-white has-focus-visible:ring-2 has-focus-visible:ring-brand-600/40";
  return (
    <Field id={id} label={label} error={error} required>
      {(aria) => (
        <div className="space-y-1">
          <div className="flex gap-2">
            <Input {...aria} {...input} inputMode="decimal" autoComplete="off" className="flex-1" />
            <div role="radiogroup" aria-label={t("areaUnit")} className="inline-flex shrink-0 overflow-hidden rounded-md border border-slate-300 bg-white">
              <label className={segment}>
                <input type="radio" value="mu" {...unitInput} className="sr-only" />
                {t("unitMu")}
              </label>
              <label className={`${segment} border-l border-slate-300`}>
                <input type="radio" value="sqm" {...unitInput} className="sr-only" />
                {t("unitSqm")}
              </label>
            </div>
          </div>
          <p className="text-xs text-slate-600 tabular-nums" aria-live="polite" data-testid={`${id}-equivalent`}>
            {other}
          </p>
        </div>
      )}
    </Field>
  );
}

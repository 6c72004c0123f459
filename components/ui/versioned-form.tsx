"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { FieldValues, Path, PathValue, UseFormReturn } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { changedSince, mergeThreeWay, sameValue, type Merge, type VersionedValues as Values } from "@/lib/versioned";

/**
 * Every versioned form's save and its merge after a stale refusal, in one place (the server
 * side is parseVersionedSave in lib/validation.ts):
 * - a save sends the version loaded and only the fields changed since, so it never writes back
 *   a field this user did not touch;
 * - after a refusal the form takes the newest value of each field the user left alone, keeps
 *   what they typed, and for a field both people changed offers both values to choose from.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any transformed (parsed) value type
export function useVersionedForm<T extends FieldValues>(form: UseFormReturn<T, unknown, any>, loaded: Values | undefined) {
  const [base, setBase] = useState(loaded);
  const [merge, setMerge] = useState<Merge>();
  return {
    merge,
    /** The body of the save: the version loaded and the fields changed since. */
    changes(): Values {
      return changedSince(base!, form.getValues());
    },
    /** After a stale refusal with the record as it now is (`current`, in the form's shape). */
    adopt(current: Record<string, unknown>) {
      if (!base) return;
      const result = mergeThreeWay(base, form.getValues(), current);
      for (const k of [...result.adopted.map((a) => a.field), "version"]) form.setValue(k as Path<T>, result.values[k] as PathValue<T, Path<T>>);
      setBase(Object.fromEntries(Object.keys(base).map((k) => [k, k in current ? current[k] : base[k]])) as Values);
      setMerge({ adopted: result.adopted, conflicts: result.conflicts });
    },
    /** The value kept for a field both people changed. */
    choose(field: string, value: unknown) {
      form.setValue(field as Path<T>, value as PathValue<T, Path<T>>, { shouldDirty: true });
    },
  };
}

/** What the merge did, and a choice for each field both people changed (mine is kept until the user picks theirs). */
export function ConflictNotice({
  merge,
  label,
  show,
  onChoose,
  className,
}: {
  merge: Merge;
  label: (field: string) => string;
  show: (field: string, value: unknown) => string;
  onChoose: (field: string, value: unknown) => void;
  className?: string;
}) {
  const t = useTranslations("conflict");
  const [picked, setPicked] = useState<Record<string, "mine" | "theirs">>({});
  const text = (field: string, value: unknown) => (sameValue(value, "") ? t("none") : show(field, value));
  return (
    <Alert tone="info" className={className}>
      <p>{merge.adopted.length ? t("adopted") : t("noAdopted")}</p>
      {merge.adopted.length > 0 && (
        <ul className="mt-1 list-disc pl-5" data-testid="conflict-adopted">
          {merge.adopted.map((a) => (
            <li key={a.field}>
              {label(a.field)}：{text(a.field, a.value)}
            </li>
          ))}
        </ul>
      )}
      {merge.conflicts.length > 0 && (
        <>
          <p className="mt-2 font-medium">{t("both")}</p>
          {merge.conflicts.map((c) => (
            <fieldset key={c.field} className="mt-1">
              <legend className="font-medium">{label(c.field)}</legend>
              {(["mine", "theirs"] as const).map((side) => (
                <label key={side} className="mr-4 inline-flex items-center gap-1.5">
                  <input
                    type="radio"
                    name={`conflict-${c.field}`}
                    className="h-4 w-4 accent-brand-600"
                    checked={(picked[c.field] ?? "mine") === side}
                    onChange={() => {
                      setPicked((p) => ({ ...p, [c.field]: side }));
                      onChoose(c.field, c[side]);
                    }}
                  />
                  {t(side, { value: text(c.field, c[side]) })}
                </label>
              ))}
            </fieldset>
          ))}
        </>
      )}
      <p className="mt-2">{t("again")}</p>
    </Alert>
  );
}

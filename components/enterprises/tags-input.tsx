"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/field";
import { SUGGESTED_TAGS } from "@/lib/enterprises/validation";

/**
 * 企业标签: a checkbox for each usual tag, plus free tags typed in (Enter or the button adds
 * one; "、" "," "，" separate several). A group with a legend, so it reads as one field.
 */
export function TagsInput({ id, value, onChange, error }: { id: string; value: string[]; onChange: (tags: string[]) => void; error?: string }) {
  const t = useTranslations("enterprises");
  const errorText = useErrorText()(error);
  const [draft, setDraft] = useState("");
  const custom = value.filter((tag) => !(SUGGESTED_TAGS as readonly string[]).includes(tag));

  const toggle = (tag: string, on: boolean) => onChange(on ? [...value, tag] : value.filter((v) => v !== tag));
  const addDraft = () => {
    const typed = draft
      .split(/[,，、;；]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (typed.length) onChange([...new Set([...value, ...typed])]);
    setDraft("");
  };

  return (
    <fieldset className="space-y-2" aria-describedby={[`${id}-hint`, errorText && `${id}-error`].filter(Boolean).join(" ")}>
      <legend className="block text-sm font-medium text-slate-800">{t("tags")}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {SUGGESTED_TAGS.map((tag) => (
          <label key={tag} className="inline-flex min-h-10 items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-brand-600" checked={value.includes(tag)} onChange={(e) => toggle(tag, e.target.checked)} />
            {tag}
          </label>
        ))}
      </div>
      {custom.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label={t("addedTags")}>
          {custom.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-1 rounded bg-slate-100 py-0.5 pl-2 text-sm text-slate-800">
              {tag}
              <button
                type="button"
                className="inline-flex size-8 items-center justify-center rounded text-slate-600 hover:bg-slate-200"
                aria-label={t("removeTag", { tag })}
                onClick={() => toggle(tag, false)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex max-w-md gap-2">
        <label htmlFor={`${id}-other`} className="sr-only">
          {t("otherTag")}
        </label>
        <Input
          id={`${id}-other`}
          value={draft}
          placeholder={t("otherTag")}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={addDraft}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              addDraft();
            }
          }}
        />
        <Button type="button" variant="secondary" className="whitespace-nowrap" onClick={addDraft}>
          {t("addTag")}
        </Button>
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {t("tagsHint")}
      </p>
      {errorText && (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {errorText}
        </p>
      )}
    </fieldset>
  );
}

"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState } from "react";
import { searchEnterprisesAction } from "@/app/(app)/enterprises/actions";
import { useErrorText } from "@/components/ui/field";
import { callAction } from "@/components/ui/form-result";
import { controlClass } from "@/components/ui/input";
import { cn } from "@/lib/utils";

export type PickedEnterprise = { id: string; name: string };
type Option = { id: string; name: string; uscc: string | null };

const DEBOUNCE_MS = 250;

/**
 * Chooses one of the enterprises the viewer may see (an ARIA 1.2 combobox with a listbox
 * popup): type to search by name or credit code, ↑/↓ to move, Enter to choose, Esc to close.
 * Works with react-hook-form through a Controller: `value` / `onChange(v)`.
 */
export function EnterprisePicker({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: PickedEnterprise | null;
  onChange: (v: PickedEnterprise | null) => void;
  error?: string;
}) {
  const t = useTranslations("enterprises");
  const errorText = useErrorText()(error);
  // What the user is typing; null shows the chosen enterprise's name.
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<Option[] | null>(null);
  // The highlighted option by id, so fresh results that still hold it keep it highlighted.
  const [activeId, setActiveId] = useState<string | null>(null);
  const active = options?.findIndex((o) => o.id === activeId) ?? -1;
  const text = typed ?? value?.name ?? "";
  const query = typed ?? "";
  const listId = `${id}-listbox`;
  const describedBy = [errorText && `${id}-error`, value && `${id}-selected`].filter(Boolean).join(" ") || undefined;

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await callAction(searchEnterprisesAction(query));
      if (cancelled) return;
      setOptions(result.ok ? result.data : []);
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [open, query]);

  const choose = (o: Option) => {
    onChange({ id: o.id, name: o.name });
    setTyped(null);
    setOpen(false);
    setActiveId(null);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const count = options?.length ?? 0;
    const move = (index: number) => setActiveId(options?.[index]?.id ?? null);
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!open) setOpen(true);
      else if (count) move((active + 1) % count);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) setOpen(true);
      else if (count) move(active <= 0 ? count - 1 : active - 1);
    } else if (e.key === "Enter") {
      if (open && options && active >= 0 && options[active]) {
        e.preventDefault(); // choosing is not submitting the surrounding form
        choose(options[active]);
      }
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setActiveId(null);
      } else if (typed !== null) setTyped(null);
    }
  };

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        <span className="ml-0.5 text-red-600" aria-hidden="true">
          *
        </span>
      </label>
      <div className="flex gap-2">
        <div className="relative min-w-0 flex-1">
          <input
            id={id}
            type="text"
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && active >= 0 ? `${id}-option-${active}` : undefined}
            aria-invalid={Boolean(errorText)}
            aria-describedby={describedBy}
            autoComplete="off"
            className={controlClass}
            placeholder={t("pickerPlaceholder")}
            value={text}
            onChange={(e) => {
              setTyped(e.target.value);
              setOpen(true);
              if (value) onChange(null);
            }}
            onFocus={() => setOpen(true)}
            onClick={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label={label}
            hidden={!open}
            className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
          >
            {open && options?.length === 0 && (
              <li role="option" aria-selected={false} aria-disabled="true" className="px-3 py-2 text-slate-500">
                {t("pickerNoResults")}
              </li>
            )}
            {open &&
              options?.map((o, i) => (
                <li
                  key={o.id}
                  id={`${id}-option-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={cn("cursor-pointer px-3 py-2", i === active ? "bg-brand-50 text-brand-900" : "hover:bg-slate-50")}
                  // mousedown would blur the input (closing the list) before the click lands
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(o)}
                >
                  <span className="block">{o.name}</span>
                  {o.uscc && <span className="block font-mono text-xs text-slate-500">{o.uscc}</span>}
                </li>
              ))}
          </ul>
        </div>
        <Link
          href="/enterprises/new"
          target="_blank"
          rel="noopener noreferrer"
          className="inline-flex min-h-10 shrink-0 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          {t("newInline")}
          <span className="sr-only">{t("opensInNewTab")}</span>
        </Link>
      </div>
      {value && (
        <p id={`${id}-selected`} className="sr-only">
          {t("pickerSelected", { name: value.name })}
        </p>
      )}
      <p className="sr-only" aria-live="polite">
        {open && options ? (options.length ? t("pickerResults", { count: options.length }) : t("pickerNoResults")) : ""}
      </p>
      {errorText && (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {errorText}
        </p>
      )}
    </div>
  );
}

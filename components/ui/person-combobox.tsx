"use client";
import * as Ariakit from "@ariakit/react";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { matchPeople, type Person } from "@/lib/users/person-match";
import { cn } from "@/lib/utils";
import { controlClass } from "./input";

/**
 * A searchable person picker (Ariakit's ARIA combobox) for long lists of people: type part of
 * a name, its pinyin initials ("lzq") or spelling, ↑/↓ and Enter to choose, Escape to close.
 * People come grouped by unit, the viewer's own unit first (see pickablePeople).
 *
 * Controlled (`value` + `onChange`, for react-hook-form's Controller) or, in a plain GET
 * filter form, uncontrolled with `defaultValue` and `name`: the choice is then a hidden input.
 */
export function PersonCombobox({
  id,
  people,
  value,
  defaultValue = "",
  onChange,
  onBlur,
  name,
  emptyLabel,
  "aria-invalid": ariaInvalid,
  "aria-describedby": ariaDescribedBy,
}: {
  id: string;
  people: Person[];
  value?: string;
  defaultValue?: string;
  onChange?: (id: string) => void;
  onBlur?: () => void;
  name?: string;
  /** The choice for no one ("全部", "暂不指定"); without it a person must be chosen. */
  emptyLabel?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}) {
  const t = useTranslations("picker");
  const [own, setOwn] = useState(defaultValue);
  const chosen = value ?? own;
  const [search, setSearch] = useState<string>();
  const [open, setOpen] = useState(false);
  const selected = people.find((p) => p.id === chosen);
  const shown = selected ? `${selected.name}（${selected.unitName}）` : (emptyLabel ?? "");
  const groups = useMemo(() => matchPeople(people, search ?? ""), [people, search]);
  const hintId = `${id}-picker-hint`;

  const choose = (next: string) => {
    if (value === undefined) setOwn(next);
    onChange?.(next);
    setSearch(undefined);
  };

  return (
    <>
      <Ariakit.ComboboxProvider
        value={search ?? shown}
        setValue={(v) => setSearch(v)}
        selectedValue={chosen}
        setSelectedValue={(v) => choose(String(v))}
        open={open}
        setOpen={(o) => {
          setOpen(o);
          if (!o) setSearch(undefined);
        }}
      >
        <Ariakit.Combobox
          id={id}
          autoSelect
          autoComplete="list"
          className={controlClass}
          placeholder={t("hint")}
          aria-invalid={ariaInvalid || undefined}
          aria-describedby={[ariaDescribedBy, hintId].filter(Boolean).join(" ")}
          onFocus={(e) => e.currentTarget.select()}
          onBlur={onBlur}
        />
        <span id={hintId} className="sr-only">
          {t("hint")}
        </span>
        <Ariakit.ComboboxPopover
          gutter={4}
          sameWidth
          portal={false}
          unmountOnHide
          className="z-50 max-h-72 overflow-y-auto rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
        >
          {emptyLabel && !search && (
            <Ariakit.ComboboxItem value="" setValueOnClick={false} className={itemClass}>
              {emptyLabel}
            </Ariakit.ComboboxItem>
          )}
          {groups.map((g) => (
            <Ariakit.ComboboxGroup key={g.unitId} className="py-1">
              <Ariakit.ComboboxGroupLabel className="px-2 py-1 text-xs font-medium text-slate-500">
                {g.unitName}
                {g.people[0]?.own ? `（${t("ownUnit")}）` : null}
              </Ariakit.ComboboxGroupLabel>
              {g.people.map((p) => (
                <Ariakit.ComboboxItem key={p.id} value={p.id} setValueOnClick={false} className={itemClass}>
                  {p.name}
                </Ariakit.ComboboxItem>
              ))}
            </Ariakit.ComboboxGroup>
          ))}
          {groups.length === 0 && <p className="px-2 py-2 text-slate-500">{t("noMatch")}</p>}
        </Ariakit.ComboboxPopover>
      </Ariakit.ComboboxProvider>
      {name && <input type="hidden" name={name} value={chosen} />}
    </>
  );
}

const itemClass = cn(
  "flex min-h-9 cursor-default items-center rounded px-2 text-slate-900 data-[active-item]:bg-brand-50 data-[active-item]:text-brand-800 aria-selected:font-semibold",
);

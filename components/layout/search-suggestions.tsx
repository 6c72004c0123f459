"use client";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";
import type { SearchKind } from "@/lib/search/validation";

export type SuggestionOption = { id: string; href: string; title: string; context: string };
export type SuggestionGroup = { kind: SearchKind; total: number; options: SuggestionOption[] };

/**
 * The listbox under the search box: options grouped by kind (each group names its count), then
 * one option for the full results page. The input keeps focus; the active option is announced
 * through aria-activedescendant. Options are chosen with the mouse too (pressing does not blur
 * the input).
 */
export function SearchSuggestions({
  listboxId,
  groups,
  seeAll,
  activeId,
  onChoose,
}: {
  listboxId: string;
  groups: SuggestionGroup[];
  seeAll: SuggestionOption | null;
  activeId: string | null;
  onChoose: (option: SuggestionOption) => void;
}) {
  const t = useTranslations("search");
  const empty = groups.length === 0 && !seeAll;
  const option = (o: SuggestionOption, extra?: string) => (
    <div
      key={o.id}
      id={o.id}
      role="option"
      aria-selected={o.id === activeId}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onChoose(o)}
      className={cn("cursor-pointer px-3 py-2 text-sm", o.id === activeId ? "bg-brand-50 text-brand-800" : "text-slate-900 hover:bg-slate-50", extra)}
    >
      <span className="block truncate font-medium">{o.title}</span>
      {o.context && <span className="block truncate text-xs text-slate-600">{o.context}</span>}
    </div>
  );
  return (
    <div id={listboxId} role="listbox" aria-label={t("suggestions")} hidden={empty} className="max-h-[min(70vh,32rem)] overflow-y-auto py-1">
      {groups.map((g) => (
        <div key={g.kind} role="group" aria-labelledby={`${listboxId}-${g.kind}`} className="py-1">
          <div id={`${listboxId}-${g.kind}`} role="presentation" className="px-3 pt-1 pb-0.5 text-xs font-semibold text-slate-600">
            {t("groupTotal", { label: t(`groups.${g.kind}`), count: g.total })}
          </div>
          {g.options.map((o) => option(o))}
        </div>
      ))}
      {seeAll && option(seeAll, "border-t border-slate-200 text-brand-700")}
    </div>
  );
}

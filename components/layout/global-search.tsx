"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { SearchOut } from "@/lib/api-v1/search";
import { hitContext, hitsOf, hitTitle, type Translate } from "@/lib/search/context";
import { latestOnly } from "@/lib/search/latest";
import type { SearchGroup } from "@/lib/search/queries";
import { isSearchable, MIN_SEARCH_LENGTH, recordHref, resultsHref, SUGGESTION_LIMIT } from "@/lib/search/validation";
import { cn } from "@/lib/utils";
import { SearchSuggestions, type SuggestionGroup, type SuggestionOption } from "./search-suggestions";

const DEBOUNCE_MS = 200;

type State = { status: "idle" | "short" | "loading" | "error" } | { status: "done"; result: SearchOut };

/** Typing in a field, "/" is a character, not the shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function SearchIcon({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className={className} fill="currentColor">
      <path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.83l3.65 3.64-1.06 1.06-3.64-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" />
    </svg>
  );
}

/**
 * The top bar's global search (ARIA combobox with a listbox): suggestions as one types, grouped
 * by kind; ↑/↓ move, Enter opens the chosen record — or, with none chosen, the results page —
 * and Escape closes. "/" anywhere but in a field focuses it. On a phone it is an icon that
 * opens the box over the bar.
 */
export function GlobalSearch() {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const listboxId = `${id}-listbox`;
  const inputRef = useRef<HTMLInputElement>(null);
  const latest = useRef(latestOnly());
  const [text, setText] = useState("");
  const [state, setState] = useState<State>({ status: "idle" });
  const [open, setOpen] = useState(false);
  const [phoneOpen, setPhoneOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const inFlight = useRef<AbortController | null>(null);

  // Each keystroke: wait for a pause, then ask; a newer keystroke aborts the older request and
  // its ticket makes sure an older answer that still arrives is dropped.
  function change(value: string) {
    setText(value);
    setActive(-1);
    clearTimeout(timer.current);
    inFlight.current?.abort();
    const ticket = latest.current.next();
    const q = value.trim();
    if (!isSearchable(q)) {
      setState({ status: q ? "short" : "idle" });
      return;
    }
    setState({ status: "loading" });
    const controller = new AbortController();
    inFlight.current = controller;
    timer.current = setTimeout(async () => {
      try {
        const params = new URLSearchParams({ q, limit: String(SUGGESTION_LIMIT) });
        const res = await fetch(`/api/v1/search?${params}`, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!res.ok) throw new Error(String(res.status));
        const { data } = (await res.json()) as { data: SearchOut };
        if (latest.current.isLatest(ticket)) setState({ status: "done", result: data });
      } catch {
        if (!controller.signal.aborted && latest.current.isLatest(ticket)) setState({ status: "error" });
      }
    }, DEBOUNCE_MS);
  }

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
    },
    [],
  );

  // "/" focuses the box, unless one is typing somewhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      setPhoneOpen(true);
      inputRef.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    if (phoneOpen) inputRef.current?.focus();
  }, [phoneOpen]);

  const q = text.trim();
  const { groups, seeAll, options } = useMemo(() => {
    const tr = t as unknown as Translate;
    const groups: SuggestionGroup[] =
      state.status === "done"
        ? state.result.groups
            .filter((g) => g.items.length > 0)
            .map((g) => ({
              kind: g.kind,
              total: g.total,
              options: hitsOf(g as SearchGroup).map((hit) => ({
                id: `${id}-${hit.kind}-${hit.item.id}`,
                href: recordHref(hit.kind, hit.item.id),
                title: hitTitle(hit),
                context: hitContext(hit, tr),
              })),
            }))
        : [];
    const seeAll: SuggestionOption | null = groups.length ? { id: `${id}-all`, href: resultsHref(q), title: t("search.seeAll", { q }), context: "" } : null;
    return { groups, seeAll, options: [...groups.flatMap((g) => g.options), ...(seeAll ? [seeAll] : [])] };
  }, [state, id, q, t]);
  const total = state.status === "done" ? state.result.groups.reduce((s, g) => s + g.total, 0) : 0;
  const activeOption = options[active] ?? null;
  const expanded = open && options.length > 0;

  function go(href: string) {
    setOpen(false);
    setPhoneOpen(false);
    change("");
    inputRef.current?.blur();
    router.push(href);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      if (!options.length) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i < 0 ? (step > 0 ? 0 : options.length - 1) : (i + step + options.length) % options.length));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (activeOption && open) go(activeOption.href);
      else if (q) go(resultsHref(q));
    } else if (e.key === "Escape") {
      e.preventDefault();
      if (open && (options.length || state.status !== "idle")) setOpen(false);
      else if (text) change("");
      else {
        setPhoneOpen(false);
        inputRef.current?.blur();
      }
    }
  }

  const message =
    state.status === "short"
      ? t("search.tooShort", { min: MIN_SEARCH_LENGTH })
      : state.status === "loading"
        ? t("search.loading")
        : state.status === "error"
          ? t("search.failed")
          : state.status === "done" && total === 0
            ? t("search.none", { q: state.result.q })
            : null;
  const announcement = state.status === "done" && total > 0 ? t("search.found", { count: total }) : (message ?? "");

  return (
    <div className="min-w-0 flex-1">
      <button
        type="button"
        onClick={() => setPhoneOpen(true)}
        aria-expanded={phoneOpen}
        className="flex h-10 w-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 sm:hidden"
      >
        <span className="sr-only">{t("search.open")}</span>
        <SearchIcon className="h-5 w-5" />
      </button>
      <form
        role="search"
        aria-label={t("search.label")}
        action="/search"
        onSubmit={(e) => e.preventDefault()}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
        }}
        className={cn(
          "items-center gap-2 sm:relative sm:flex sm:max-w-md",
          phoneOpen ? "fixed inset-x-0 top-0 z-40 flex h-14 border-b border-slate-200 bg-white px-3 sm:static sm:h-auto sm:border-0 sm:px-0" : "hidden",
        )}
      >
        <label htmlFor={`${id}-input`} className="sr-only">
          {t("search.label")}
        </label>
        <div className="relative min-w-0 flex-1">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 h-4 w-4 -translate-y-1/2 text-slate-500" />
          <input
            ref={inputRef}
            id={`${id}-input`}
            name="q"
            type="search"
            role="combobox"
            autoComplete="off"
            enterKeyHint="search"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listboxId}
            aria-activedescendant={expanded && activeOption ? activeOption.id : undefined}
            aria-describedby={`${id}-hint`}
            placeholder={t("search.placeholder")}
            value={text}
            onChange={(e) => {
              change(e.target.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onKeyDown={onKeyDown}
            className="block min-h-10 w-full rounded-md border border-slate-300 bg-slate-50 pr-8 pl-8 text-sm text-slate-900 placeholder:text-slate-500 focus:border-brand-600 focus:bg-white focus:ring-2 focus:ring-brand-600/20 focus:outline-none"
          />
          <kbd aria-hidden="true" className={cn(
              "pointer-events-none absolute top-1/2 right-2 hidden -translate-y-1/2 rounded border border-slate-300 px-1.5 text-xs text-slate-500",
              !text && "sm:block",
            )}>
            /
          </kbd>
          <span id={`${id}-hint`} className="sr-only">
            {t("search.shortcut")}
          </span>
          <div
            className={cn(
              "absolute top-full right-0 left-0 z-40 mt-1 rounded-md border border-slate-200 bg-white shadow-lg sm:min-w-[26rem]",
              open && (message || options.length) ? "block" : "hidden",
            )}
          >
            {message && <p className="px-3 py-2 text-sm text-slate-600">{message}</p>}
            <SearchSuggestions listboxId={listboxId} groups={groups} seeAll={seeAll} activeId={expanded ? (activeOption?.id ?? null) : null} onChoose={(o) => go(o.href)} />
          </div>
        </div>
        <button
          type="button"
          onClick={() => {
            setPhoneOpen(false);
            setOpen(false);
          }}
          className="flex h-10 shrink-0 items-center rounded-md px-2 text-sm text-slate-700 hover:bg-slate-100 sm:hidden"
        >
          {t("search.close")}
        </button>
      </form>
      <p role="status" className="sr-only">
        {open ? announcement : ""}
      </p>
    </div>
  );
}

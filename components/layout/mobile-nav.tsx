"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { NavLinks } from "./nav-links";
import type { NavItem } from "./nav-items";

/** The left navigation as a drawer on narrow screens; Escape or a link closes it. */
export function MobileNav({ items }: { items: NavItem[] }) {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="lg:hidden">
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-expanded={open}
        aria-controls="mobile-nav"
        className="flex h-10 w-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
      >
        <span className="sr-only">{t("openMenu")}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
          <path d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
        </svg>
      </button>
      {open && (
        <div className="fixed inset-0 z-40 flex">
          <div className="absolute inset-0 bg-slate-900/50" onClick={() => setOpen(false)} aria-hidden="true" />
          <nav id="mobile-nav" aria-label={t("label")} className="relative z-10 w-64 bg-slate-900 p-3">
            <div className="mb-3 flex justify-end">
              <button
                ref={closeRef}
                type="button"
                onClick={() => setOpen(false)}
                className="flex h-10 w-10 items-center justify-center rounded-md text-slate-200 hover:bg-white/10"
              >
                <span className="sr-only">{t("closeMenu")}</span>
                <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
                  <path d="M5.3 4 4 5.3 8.7 10 4 14.7 5.3 16 10 11.3 14.7 16 16 14.7 11.3 10 16 5.3 14.7 4 10 8.7z" />
                </svg>
              </button>
            </div>
            <NavLinks items={items} onNavigate={() => setOpen(false)} />
          </nav>
        </div>
      )}
    </div>
  );
}

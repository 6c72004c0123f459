"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "./button";

/**
 * On a phone, a list's filters fold behind a 筛选 button that says how many are in use, so the
 * list starts on the first screen; from the sm breakpoint up they are always shown.
 */
export function FilterFold({ count, children }: { count: number; children: React.ReactNode }) {
  const t = useTranslations("filtersToggle");
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <div className="border-b border-slate-200 px-4 py-3 sm:hidden">
        <Button type="button" variant="secondary" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {t("show")}
          {count > 0 && t("active", { count })}
          <span aria-hidden="true">{open ? "▴" : "▾"}</span>
        </Button>
      </div>
      <div id={id} className={open ? undefined : "hidden sm:block"}>
        {children}
      </div>
    </>
  );
}

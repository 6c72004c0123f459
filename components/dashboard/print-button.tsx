"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/form";

/** Prints the dashboard (the print stylesheet drops the navigation and the filters). */
export function PrintButton() {
  const t = useTranslations("dashboard");
  const hydrated = useHydrated();
  return (
    <Button type="button" variant="secondary" className="no-print" disabled={!hydrated} onClick={() => window.print()}>
      {t("print")}
    </Button>
  );
}

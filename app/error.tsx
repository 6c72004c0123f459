"use client";
import { useTranslations } from "next-intl";

/** Shown instead of any server error: a plain explanation, never a stack trace. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">{t("pageTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("pageBody")}</p>
      <button type="button" onClick={reset} className="mt-6 min-h-10 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
        {t("retry")}
      </button>
    </main>
  );
}

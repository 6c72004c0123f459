"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { findDuplicatesAction } from "@/app/(app)/enterprises/actions";
import { callAction } from "@/components/ui/form-result";
import type { Duplicates } from "@/lib/enterprises/queries";

const DEBOUNCE_MS = 400;

/**
 * "可能重复的企业": while the user types the name or the USCC, the visible enterprises with
 * the same code or a similar name, each a link that opens in a new tab so the form keeps
 * its input. A warning only: the user may still save.
 */
export function DuplicateWarning({ name, uscc, excludeId, skip = false }: { name: string; uscc: string; excludeId?: string; skip?: boolean }) {
  const t = useTranslations("enterprises");
  const [found, setFound] = useState<{ key: string; result: Duplicates }>();
  const query = { name: name.trim(), uscc: uscc.trim() };
  const key = `${query.name}\u0000${query.uscc}`;
  const active = !skip && (query.name.length >= 2 || query.uscc.length === 18);

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await callAction(findDuplicatesAction({ ...query, excludeId }));
      if (!cancelled && result.ok) setFound({ key, result: result.data });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // `query` is rebuilt each render; `key` is its identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, active, excludeId]);

  // Results for what was typed a moment ago stay up until the new ones arrive, so the list does not flicker.
  const result = active ? found?.result : undefined;
  const show = Boolean(result && (result.matches.length > 0 || result.usccTakenElsewhere));

  return (
    <div aria-live="polite" className="sm:col-span-2">
      {show && result && (
        <section aria-labelledby="duplicates-heading" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <h2 id="duplicates-heading" className="font-semibold">
            {t("duplicatesTitle")}
          </h2>
          {result.usccTakenElsewhere && <p className="mt-1">{t("usccTakenElsewhere")}</p>}
          {result.matches.length > 0 && (
            <>
              <p className="mt-1">{t("duplicatesHint")}</p>
              <ul className="mt-2 space-y-1">
                {result.matches.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-baseline gap-x-2">
                    <a href={`/enterprises/${m.id}`} target="_blank" rel="noopener noreferrer" className="font-medium text-brand-800 underline underline-offset-2">
                      {m.name}
                      <span className="sr-only">{t("opensInNewTab")}</span>
                    </a>
                    <span className="text-xs text-amber-900">
                      {m.reason === "uscc" ? t("duplicateSameUscc") : t("duplicateSimilarName")}
                      {m.uscc ? ` · ${m.uscc}` : ""}
                      {m.headquarters ? ` · ${m.headquarters}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}

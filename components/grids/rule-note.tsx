import { getTranslations } from "next-intl/server";

/** The 1510 rule as lib/grids/clock.ts defines it, in words, for the pages that show the clocks. */
export async function RuleNote() {
  const t = await getTranslations("grids");
  return (
    <details className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
      <summary className="cursor-pointer font-medium text-slate-900">{t("rule")}</summary>
      <p className="mt-2">{t("ruleIntro")}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        <li>{t("ruleStart")}</li>
        <li>{t("ruleAccept")}</li>
        <li>{t("ruleReply")}</li>
        <li>{t("ruleResolve")}</li>
      </ul>
      <p className="mt-2">{t("ruleColours")}</p>
    </details>
  );
}

import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db";
import { listStageLabels, stageMessages, type StageLabelRow } from "@/lib/reference/stage-labels";
import { LOCALE_COOKIE, resolveLocale, TIME_ZONE, type Locale } from "./config";
import { MESSAGES } from "./messages";

/** The district's stage labels (admin → 阶段名称), once per request; the built-in ones when the database is out of reach. */
const districtStages = cache(async (): Promise<StageLabelRow[]> => {
  try {
    return await listStageLabels(getDb());
  } catch {
    return [];
  }
});

async function messagesFor(locale: Locale) {
  const base = MESSAGES[locale];
  const rows = await districtStages();
  if (!rows.some((r) => r.labelZh || r.labelEn)) return base;
  return { ...base, stages: stageMessages(rows, locale, base.stages as Record<string, string>) };
}

// Locale comes from a cookie (no /en/ prefixes in URLs): Chinese unless the user switched.
export default getRequestConfig(async () => {
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: await messagesFor(locale), timeZone: TIME_ZONE };
});

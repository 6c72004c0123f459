import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, resolveLocale, TIME_ZONE } from "./config";
import { MESSAGES } from "./messages";

// Locale comes from a cookie (no /en/ prefixes in URLs): Chinese unless the user switched.
export default getRequestConfig(async () => {
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});

import { TIME_ZONE } from "./config";

// Made once: building an Intl.DateTimeFormat costs far more than using one (an import checks a
// signing date against today for every row).
const CHINA_TIME = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** YYYY-MM-DD HH:mm in China time, as government tables write it, whatever the UI language. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "";
  const d = typeof value === "string" ? new Date(value) : value;
  const parts = CHINA_TIME.formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

export function formatTime(value: Date): string {
  return formatDateTime(value).slice(11);
}

/** Today's date (YYYY-MM-DD) in China, where the work happens, whatever the server's zone. */
export function todayInChina(now: Date = new Date()): string {
  return formatDateTime(now).slice(0, 10);
}

/**
 * The working-day calendar of the 1510 clocks, in China time (Asia/Shanghai). A day is a
 * working day when it is Monday to Friday, unless the holidays table marks it as a day off
 * (放假); a weekend day the table marks as a working day (调休上班) is one too.
 *
 * Days are "YYYY-MM-DD" strings: calendar dates, with no time or zone of their own. An instant
 * becomes a day through `chinaDay`, so 00:30 in Qingdao is already that day, whatever the
 * server's zone.
 *
 * The same rule is written in SQL in lib/grids/queries.ts (clockCtes); tests/integration
 * checks the two agree.
 */
import { todayInChina } from "@/lib/i18n/format";

export type HolidayRow = { day: string; isWorkday: boolean };

export type Calendar = {
  isWorkingDay(day: string): boolean;
};

const DAY_MS = 86_400_000;
// A year of consecutive days off cannot happen; a loop that finds one stops instead of hanging.
const MAX_SCAN = 3_660;

/** The calendar with these holiday rows (days off and 调休 make-up working days). */
export function makeCalendar(rows: readonly HolidayRow[]): Calendar {
  const overrides = new Map(rows.map((r) => [r.day, r.isWorkday]));
  return {
    isWorkingDay(day) {
      const override = overrides.get(day);
      if (override !== undefined) return override;
      const dow = dayOfWeek(day);
      return dow >= 1 && dow <= 5;
    },
  };
}

/** The date of an instant in China. */
export function chinaDay(instant: Date): string {
  return todayInChina(instant);
}

function toUtc(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(day: string): number {
  return new Date(toUtc(day)).getUTCDay();
}

export function addDays(day: string, n: number): string {
  return new Date(toUtc(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

function scan(cal: Calendar, from: string, step: 1 | -1, accept: (day: string) => boolean): string {
  let day = from;
  for (let i = 0; i < MAX_SCAN; i++) {
    if (cal.isWorkingDay(day) && accept(day)) return day;
    day = addDays(day, step);
  }
  throw new Error(`no working day within ${MAX_SCAN} days of ${from}`);
}

/** `day` itself when it is a working day, else the next working day. */
export function workingDayOnOrAfter(cal: Calendar, day: string): string {
  return scan(cal, day, 1, () => true);
}

/** The first working day strictly after `day`. */
export function nextWorkingDay(cal: Calendar, day: string): string {
  return scan(cal, addDays(day, 1), 1, () => true);
}

/** The `n`th working day after `day` (not counting `day` itself); `day` for n = 0. */
export function addWorkingDays(cal: Calendar, day: string, n: number): string {
  let d = day;
  for (let i = 0; i < n; i++) d = nextWorkingDay(cal, d);
  return d;
}

/** The `n`th working day before `day` (not counting `day` itself); `day` for n = 0. */
export function subtractWorkingDays(cal: Calendar, day: string, n: number): string {
  let d = day;
  for (let i = 0; i < n; i++) d = scan(cal, addDays(d, -1), -1, () => true);
  return d;
}

/** How many working days lie after `from` up to and including `to` (0 when to ≤ from). */
export function workingDaysBetween(cal: Calendar, from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
  return n;
}

/**
 * The dashboard's periods, in plain calendar arithmetic on YYYY-MM-DD strings (China dates):
 * a year, a quarter of it, or a custom range. Pure: the page, the queries and the tests share it.
 */

export type PeriodKind = "year" | "quarter" | "custom";
export type Period = { kind: PeriodKind; from: string; to: string; year: number; quarter?: number };

const pad = (n: number) => String(n).padStart(2, "0");

/** The last day of a month (1–12). */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthRange(year: number, month: number): { from: string; to: string } {
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}` };
}

export function yearRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const first = (quarter - 1) * 3 + 1;
  return { from: monthRange(year, first).from, to: monthRange(year, first + 2).to };
}

/** The quarter (1–4) a date falls in. */
export function quarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

/** The day `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The same day a number of years earlier (29 February becomes the 28th). */
export function yearsBefore(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) - years;
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), lastDayOfMonth(year, month));
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The period the URL asks for: a custom range (from ≤ to, both given), else a quarter of the
 * year, else the whole year — this year by default. A range given backwards is turned round.
 */
export function resolvePeriod(params: { year?: number; quarter?: number; from?: string; to?: string }, today: string): Period {
  if (params.from && params.to) {
    const [from, to] = params.from <= params.to ? [params.from, params.to] : [params.to, params.from];
    return { kind: "custom", from, to, year: Number(to.slice(0, 4)) };
  }
  const year = params.year ?? Number(today.slice(0, 4));
  if (params.quarter) return { kind: "quarter", ...quarterRange(year, params.quarter), year, quarter: params.quarter };
  return { kind: "year", ...yearRange(year), year };
}

/**
 * The period as of an earlier day: a period that runs past it ends on it (everything counted over
 * the period is then as of that day — a signing after it had not happened yet). `cut` is the end
 * chosen, so the page can say so. As of today nothing is cut: nothing is dated after today.
 */
export function periodAsOf(period: Period, asOf: string, today: string): Period & { cut?: string } {
  return asOf < today && asOf < period.to ? { ...period, to: asOf, cut: period.to } : period;
}

/** The year up to the as-of day (the whole year when the day is after it). */
export function yearUpTo(year: number, asOf: string): { from: string; to: string } {
  const y = yearRange(year);
  return { from: y.from, to: asOf < y.to ? asOf : y.to };
}

/** The twelve months of a year with their date ranges. */
export function monthsOf(year: number): { month: number; from: string; to: string }[] {
  return Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...monthRange(year, i + 1) }));
}

/**
 * A date range as the summary tables store it: whole months (read from the month rows, each
 * keyed by its first day: `months.from` ≤ d < `months.until`) and the days at either end (read
 * from the day rows). Both ends are included.
 */
export function splitPeriod(from: string, to: string): { months: { from: string; until: string } | null; days: [string, string][] } {
  if (from > to) return { months: null, days: [] };
  const firstFull = from.endsWith("-01") ? from : nextMonthStart(from);
  const lastDay = monthRange(Number(to.slice(0, 4)), Number(to.slice(5, 7))).to;
  const until = to === lastDay ? nextMonthStart(to) : `${to.slice(0, 7)}-01`;
  if (firstFull >= until) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < firstFull) days.push([from, addDays(firstFull, -1)]);
  if (until <= to) days.push([until, to]);
  return { months: { from: firstFull, until }, days };
}

/** The first day of the month after the one `date` is in. */
export function nextMonthStart(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
}

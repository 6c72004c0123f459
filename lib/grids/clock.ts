/**
 * The "1510" clocks of an enterprise's request (诉求): accept (受理) the same working day,
 * reply (答复) within 5 and resolve (办结) within 10 working days.
 *
 * Precisely, in China time:
 * - The request's start day is the day it was received, or the next working day when it was
 *   received on a day off (a weekend or holiday).
 * - Accept by the end of the start day.
 * - Reply by the end of the 5th working day after the start day.
 * - Resolve by the end of the 10th working day after the start day.
 * E.g. received Monday 2026-03-02 → accept by Mon 03-02, reply by Mon 03-09, resolve by
 * Mon 03-16; received Saturday 2026-03-07 → start Mon 03-09, reply by 03-16, resolve by 03-23.
 *
 * Each clock is
 * - green: done by the end of its due day, or not done and due later than the next working day;
 * - yellow: not done and due today or on the next working day;
 * - red: not done and its due day has passed, or done after its due day.
 * A request's overall colour is the worst of the clocks of the steps still to do; once
 * resolved, red if any step was done late, else green.
 *
 * The same rules are written in SQL in lib/grids/queries.ts (clockCtes), for lists and
 * per-grid figures; tests/integration/grids.test.ts checks both agree.
 */
import { addWorkingDays, chinaDay, nextWorkingDay, workingDayOnOrAfter, type Calendar } from "./calendar";

export const REPLY_DAYS = 5;
export const RESOLVE_DAYS = 10;

export const STEPS = ["accept", "reply", "resolve"] as const;
export type Step = (typeof STEPS)[number];

export const COLOURS = ["red", "yellow", "green"] as const;
export type Colour = (typeof COLOURS)[number];

/** Where one clock stands: done on time or late; open and not yet near, due soon, or overdue. */
export const CLOCK_STATES = ["on_time", "late", "pending", "due_soon", "overdue"] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export const STATE_COLOUR: Record<ClockState, Colour> = {
  on_time: "green",
  late: "red",
  pending: "green",
  due_soon: "yellow",
  overdue: "red",
};

export type Deadlines = { start: string } & Record<Step, string>;

/** The due day of each step of a request received at `receivedAt`. */
export function deadlines(cal: Calendar, receivedAt: Date): Deadlines {
  const start = workingDayOnOrAfter(cal, chinaDay(receivedAt));
  return { start, accept: start, reply: addWorkingDays(cal, start, REPLY_DAYS), resolve: addWorkingDays(cal, start, RESOLVE_DAYS) };
}

/** One clock: a step due by the end of `due`, done at `doneAt` (or not yet), seen at `now`. */
export function clockState(cal: Calendar, due: string, doneAt: Date | null, now: Date): ClockState {
  if (doneAt) return chinaDay(doneAt) <= due ? "on_time" : "late";
  const today = chinaDay(now);
  if (today > due) return "overdue";
  return due <= nextWorkingDay(cal, today) ? "due_soon" : "pending";
}

const RANK: Record<Colour, number> = { green: 0, yellow: 1, red: 2 };

export function worstColour(colours: Colour[]): Colour {
  return colours.reduce<Colour>((w, c) => (RANK[c] > RANK[w] ? c : w), "green");
}

export type RequestTimes = { receivedAt: Date; acceptedAt: Date | null; repliedAt: Date | null; resolvedAt: Date | null };
export type Clock = { due: string; doneAt: Date | null; state: ClockState; colour: Colour };

/** The overall colour from the three clocks (see the rules above). */
export function overallColour(clocks: Record<Step, Pick<Clock, "doneAt" | "colour">>): Colour {
  const resolved = clocks.resolve.doneAt !== null;
  return worstColour(STEPS.filter((s) => resolved || clocks[s].doneAt === null).map((s) => clocks[s].colour));
}

export function requestClocks(cal: Calendar, r: RequestTimes, now: Date) {
  const due = deadlines(cal, r.receivedAt);
  const done: Record<Step, Date | null> = { accept: r.acceptedAt, reply: r.repliedAt, resolve: r.resolvedAt };
  const clocks = Object.fromEntries(
    STEPS.map((s) => {
      const state = clockState(cal, due[s], done[s], now);
      return [s, { due: due[s], doneAt: done[s], state, colour: STATE_COLOUR[state] }];
    }),
  ) as Record<Step, Clock>;
  return { start: due.start, clocks, overall: overallColour(clocks) };
}

/**
 * A rate as a percentage with one decimal (98.2 for 98.2 %), or null when nothing was counted.
 * 办结率 = resolved ÷ received; on-time rate = resolved by the resolve deadline ÷ resolved.
 */
export function rate(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((1000 * numerator) / denominator) / 10;
}

export function formatRate(value: number | null): string {
  return value === null ? "—" : `${value.toFixed(1)}%`;
}

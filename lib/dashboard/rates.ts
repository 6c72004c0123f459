/**
 * Rates as the dashboards report them (glossary, "Rates that dashboards report"): a count over
 * a count, shown as a percentage to one decimal, rounded half up, in integer arithmetic. A rate
 * over nothing (an empty cohort, no target) is null and shown as "—". Pure.
 */
import { percentOf } from "@/lib/money";

/** `part` ÷ `whole` as "37.5%", or null when `whole` is 0. */
export function rate(part: number, whole: number, decimals = 1): string | null {
  if (!Number.isInteger(part) || !Number.isInteger(whole)) throw new Error("rate() takes whole counts");
  if (whole === 0) return null;
  const scale = 10 ** decimals;
  // Half up on exact integers: round(part * 100 * scale / whole).
  const scaled = Math.floor((part * 100 * scale * 2 + whole) / (whole * 2));
  const whole_ = Math.floor(scaled / scale);
  const frac = decimals > 0 ? "." + String(scaled % scale).padStart(decimals, "0") : "";
  return `${whole_}${frac}%`;
}

/** Σ part ÷ Σ whole of two 元 amounts (资金到位率), or null when the whole is 0. */
export function amountRate(part: string, whole: string, decimals = 1): string | null {
  return percentOf(part, whole, decimals);
}

/** Progress against a target for a bar: 0–100 (capped), or null with no target. */
export function progress(actual: number, target: number): number | null {
  if (target <= 0) return null;
  return Math.min(100, Math.floor((actual * 100) / target));
}

/** Progress of an amount (元 strings) against its target, 0–100 (capped), or null with no target. */
export function amountProgress(actual: string, target: string): number | null {
  const p = percentOf(actual, target, 0);
  if (p === null) return null;
  return Math.min(100, Number(p.replace("%", "")));
}

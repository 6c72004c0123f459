/**
 * Land area: stored in 亩 as an exact decimal (numeric(18,6), a string in JS), typed in 亩 or
 * ㎡ and shown in both. 1 亩 = 10000/15 ㎡, so 1 ㎡ = 0.0015 亩 exactly: an area typed in ㎡
 * with 2 decimals is a whole number of millionths of a 亩 (micro-亩) and is stored without
 * rounding. The other way, ㎡ = 亩 × 2000/3, is rounded (half up) to 2 decimals for display.
 * Everything is done on integers (BigInt), never in floating point.
 */
import type { AreaUnit } from "@/db/schema/enums";

/** 亩 as typed: up to 6 decimals (what numeric(18,6) keeps). */
export const MU_PATTERN = /^\d{1,11}(\.\d{1,6})?$/;
/** ㎡ as typed: up to 2 decimals. */
export const SQM_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;

/** Removes thousands separators and spaces people paste from documents ("50,000.00 ㎡"). */
export function cleanNumber(input: string): string {
  return input.trim().replace(/[,，\s]/g, "");
}

/** A decimal string with `scale` decimals → an integer of 10^-scale units. */
function toScaled(value: string, scale: number): bigint {
  const [whole, frac = ""] = value.split(".");
  return BigInt(whole || "0") * 10n ** BigInt(scale) + BigInt(frac.padEnd(scale, "0").slice(0, scale) || "0");
}

function fromScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const base = 10n ** BigInt(scale);
  const whole = (abs / base).toString();
  const frac = scale > 0 ? "." + (abs % base).toString().padStart(scale, "0") : "";
  return `${negative ? "-" : ""}${whole}${frac}`;
}

/** Rounds a non-negative integer `units` of 10^-from to 10^-to (to < from), half up. */
function roundTo(units: bigint, from: number, to: number): bigint {
  const f = 10n ** BigInt(from - to);
  return (units * 2n + f) / (2n * f);
}

/** Stored 亩 (any number of decimals) → micro-亩. Null for anything that is not a plain amount. */
export function muToMicro(mu: string): bigint | null {
  const v = cleanNumber(mu);
  if (!/^\d+(\.\d+)?$/.test(v)) return null;
  const [whole, frac = ""] = v.split(".");
  const micro = toScaled(`${whole}.${frac.slice(0, 6)}`, 6);
  // Beyond 6 decimals only when someone passes more than numeric(18,6) keeps: round half up.
  return frac.length > 6 && Number(frac[6]) >= 5 ? micro + 1n : micro;
}

/** ㎡ (up to 2 decimals) → 亩, exact: "50000" → "75.000000", "12345.67" → "18.518505". */
export function sqmToMu(sqm: string): string | null {
  const v = cleanNumber(sqm);
  if (!SQM_PATTERN.test(v)) return null;
  const cents = toScaled(v, 2);
  return fromScaled(cents * 15n, 6);
}

/** 亩 → ㎡ rounded to 2 decimals (half up): "1" → "666.67", "75" → "50000.00". */
export function muToSqm(mu: string): string | null {
  const micro = muToMicro(mu);
  if (micro === null) return null;
  // ㎡ in cents = micro-亩 × (2000/3) × 100 / 10^6 = micro-亩 / 15.
  return fromScaled((micro * 2n + 15n) / 30n, 2);
}

/**
 * An area as typed (number + unit) → 亩 for storage, exact. Null when the number is not a
 * plain amount with at most 6 (亩) or 2 (㎡) decimals.
 */
export function areaToMu(value: string, unit: AreaUnit): string | null {
  const v = cleanNumber(value);
  if (unit === "sqm") return sqmToMu(v);
  if (!MU_PATTERN.test(v)) return null;
  return fromScaled(toScaled(v, 6), 6);
}

/**
 * A stored 亩 value back into the unit it was typed in, for an edit form: exact, without
 * trailing zeros. An area typed in ㎡ comes back as those ㎡ (it is a whole number of
 * 0.0015-亩 steps); any other is shown in 亩.
 */
export function muToInput(mu: string, unit: AreaUnit): string {
  const micro = muToMicro(mu) ?? 0n;
  if (unit === "sqm" && micro % 15n === 0n) return trimZeros(fromScaled(micro / 15n, 2));
  return trimZeros(fromScaled(micro, 6));
}

export function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/** Groups the whole part with commas: "4000.50" → "4,000.50". */
export function groupThousands(s: string): string {
  const [whole, frac] = s.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac !== undefined ? `${grouped}.${frac}` : grouped;
}

/** 亩 for display: 2 decimals, rounded half up, with thousands separators ("1,071.00"). */
export function formatMu(mu: string | null | undefined, { group = true } = {}): string {
  const micro = mu ? (muToMicro(mu) ?? 0n) : 0n;
  const s = fromScaled(roundTo(micro, 6, 2), 2);
  return group ? groupThousands(s) : s;
}

/** 亩 for headline figures that read like the field reports: "4,000", "2,500.5" (no trailing zeros). */
export function formatMuShort(mu: string | null | undefined): string {
  return groupThousands(trimZeros(formatMu(mu, { group: false })));
}

/** ㎡ for display: 2 decimals with thousands separators ("50,000.00"). */
export function formatSqm(mu: string | null | undefined): string {
  return groupThousands(muToSqm(mu ?? "0") ?? "0.00");
}

/** Exact sum of 亩 values (as stored), 6 decimals. */
export function sumMu(values: (string | null | undefined)[]): string {
  return fromScaled(
    values.reduce<bigint>((acc, v) => acc + (v ? (muToMicro(v) ?? 0n) : 0n), 0n),
    6,
  );
}

/** Compares two 亩 values exactly: negative, zero or positive. */
export function compareMu(a: string, b: string): number {
  const d = (muToMicro(a) ?? 0n) - (muToMicro(b) ?? 0n);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Used for ranking only (never stored): the ratio of two areas. */
export function muRatio(a: string, b: string): number {
  const y = muToMicro(b) ?? 0n;
  if (y === 0n) return Number.POSITIVE_INFINITY;
  // Ten-thousandths are plenty for a percentage shown rounded to whole numbers.
  return Number(((muToMicro(a) ?? 0n) * 10_000n) / y) / 10_000;
}

/**
 * Money is stored in 元 as exact decimals (PostgreSQL numeric, a string in JS) and typed
 * and shown in 亿元. Conversions are done on integers (BigInt), never in floating point.
 */
const YUAN_PER_YI = 100_000_000n;
const CENTS_PER_YI = 10_000_000_000n;

/**
 * Up to 4 decimals of 亿元 (万元 precision, which is how amounts are reported), at most
 * MAX_YI: far above any real project, and small enough that sums over millions of projects
 * stay exact in the summaries.
 */
export const MAX_YI = 100_000;
const YI_BODY = "(?:100000(?:\\.0{1,4})?|\\d{1,5}(?:\\.\\d{1,4})?)";
export const YI_PATTERN = new RegExp(`^${YI_BODY}$`);
/** The same, negative allowed (a correcting entry of 到位资金). */
export const SIGNED_YI_PATTERN = new RegExp(`^-?${YI_BODY}$`);

/** "60.5" 亿元 → "6050000000" 元. Returns null for anything that is not a plain amount. */
export function yiToYuan(input: string): string | null {
  const value = input.trim();
  if (!YI_PATTERN.test(value)) return null;
  const [whole, frac = ""] = value.split(".");
  const yuan = BigInt(whole!) * YUAN_PER_YI + BigInt(frac.padEnd(8, "0"));
  return yuan.toString();
}

function toCents(yuan: string | number | bigint): bigint {
  const s = String(yuan).trim();
  const negative = s.startsWith("-");
  const [whole, frac = ""] = (negative ? s.slice(1) : s).split(".");
  const cents = BigInt(whole || "0") * 100n + BigInt(frac.padEnd(2, "0").slice(0, 2));
  return negative ? -cents : cents;
}

/** 元 → 亿元 with `decimals` places, rounded half away from zero: "6050000000.00" → "60.50". */
export function yuanToYi(yuan: string | number | bigint, decimals = 2): string {
  const cents = toCents(yuan);
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const scale = 10n ** BigInt(decimals);
  const scaled = (abs * scale * 2n + CENTS_PER_YI) / (CENTS_PER_YI * 2n);
  const whole = (scaled / scale).toString();
  const frac = decimals > 0 ? "." + (scaled % scale).toString().padStart(decimals, "0") : "";
  return `${negative && scaled > 0n ? "-" : ""}${whole}${frac}`;
}

/** 元 → 亿元 for an input field: exact, no trailing zeros ("6050000000" → "60.5"). */
export function yuanToYiInput(yuan: string | number | bigint): string {
  const exact = yuanToYi(yuan, 10);
  return exact.includes(".") ? exact.replace(/0+$/, "").replace(/\.$/, "") : exact;
}

/** 亿元以上项目: total investment of at least 1 亿元. */
export function isOver100m(yuan: string | number | bigint): boolean {
  return toCents(yuan) >= CENTS_PER_YI;
}

/** Sums 元 amounts exactly. */
export function sumYuan(values: (string | number | bigint)[]): string {
  const cents = values.reduce<bigint>((acc, v) => acc + toCents(v), 0n);
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** `part` as a percentage of `whole` (both 元), rounded half up to `decimals` places: "37.5%". Null when `whole` is 0. */
export function percentOf(part: string | number | bigint, whole: string | number | bigint, decimals = 1): string | null {
  const w = toCents(whole);
  if (w === 0n) return null;
  const scale = 10n ** BigInt(decimals);
  const p = toCents(part);
  const negative = p < 0n !== w < 0n && p !== 0n;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const scaled = (abs(p) * 100n * scale * 2n + abs(w)) / (abs(w) * 2n);
  const frac = decimals > 0 ? "." + (scaled % scale).toString().padStart(decimals, "0") : "";
  return `${negative ? "-" : ""}${scaled / scale}${frac}%`;
}

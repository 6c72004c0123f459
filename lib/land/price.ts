/**
 * 出让金 is stored in 元 (numeric, like every amount) and typed and shown in 万元, the unit
 * land prices are reported in. Exact, on BigInt.
 */
import { groupThousands, trimZeros } from "./area";

/** Up to 4 decimals of 万元, i.e. whole 元. */
export const WAN_PATTERN = /^\d{1,12}(\.\d{1,4})?$/;

/** "1234.5" 万元 → "12345000" 元; null for anything that is not a plain amount. */
export function wanToYuan(input: string): string | null {
  const v = input.trim().replace(/[,，\s]/g, "");
  if (!WAN_PATTERN.test(v)) return null;
  const [whole, frac = ""] = v.split(".");
  return (BigInt(whole!) * 10_000n + BigInt(frac.padEnd(4, "0"))).toString();
}

function yuanToCents(yuan: string): bigint {
  const [whole, frac = ""] = yuan.trim().split(".");
  return BigInt(whole || "0") * 100n + BigInt(frac.padEnd(2, "0").slice(0, 2) || "0");
}

/** 元 → 万元 for an input field: exact, no trailing zeros ("12345000.00" → "1234.5"). */
export function yuanToWanInput(yuan: string): string {
  const cents = yuanToCents(yuan);
  const s = `${cents / 1_000_000n}.${(cents % 1_000_000n).toString().padStart(6, "0")}`;
  return trimZeros(s);
}

/** 元 → 万元 with 2 decimals (half up) and thousands separators: "12345000.00" → "1,234.50". */
export function formatWan(yuan: string): string {
  const cents = yuanToCents(yuan);
  const hundredths = (cents * 2n + 10_000n) / 20_000n;
  return groupThousands(`${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, "0")}`);
}

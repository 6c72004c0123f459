/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from an alphabet without I, O, S, V, Z;
 * the 18th is a check character over the first 17 (weights 3^i mod 31).
 */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function normaliseUscc(value: string): string {
  return value.trim().toUpperCase();
}

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type UsccCheck = "valid" | "bad_pattern" | "bad_checksum";

/**
 * A wrong pattern is an error; a failed checksum only a warning, because some early pilot
 * codes (e.g. 91350203M0001QAY9B) fail it and are real.
 */
export function checkUscc(value: string): UsccCheck {
  const code = normaliseUscc(value);
  if (!USCC_PATTERN.test(code)) return "bad_pattern";
  return usccCheckChar(code.slice(0, 17)) === code[17] ? "valid" : "bad_checksum";
}

import { describe, expect, it } from "vitest";
import { checkUscc, normaliseUscc, USCC_PATTERN, usccCheckChar } from "@/lib/enterprises/uscc";

// GB 32100-2015, as the glossary states it.
const VALID = ["91350200776049653A", "913502000728319549", "91440101MA5CJQ4N59"];
const PILOT = "91350203M0001QAY9B";

describe("统一社会信用代码 (GB 32100-2015)", () => {
  it.each(VALID)("accepts the glossary's valid example %s", (code) => {
    expect(checkUscc(code)).toBe("valid");
  });

  it("only warns on the early pilot code whose check character fails", () => {
    expect(USCC_PATTERN.test(PILOT)).toBe(true);
    expect(checkUscc(PILOT)).toBe("bad_checksum");
  });

  it.each([
    ["too short", "91350200776049653"],
    ["too long", "91350200776049653AA"],
    ["I is not in the alphabet", "9135020077604965IA"],
    ["O is not in the alphabet", "91350200776049653O"],
    ["S is not in the alphabet", "S1350200776049653A"],
    ["V is not in the alphabet", "913502007760V9653A"],
    ["Z is not in the alphabet", "91350200776049653Z"],
    ["a letter in the region code", "9135A200776049653A"],
    ["punctuation", "913502-0776049653A"],
    ["empty", ""],
  ])("rejects a wrong pattern: %s", (_why, code) => {
    expect(checkUscc(code)).toBe("bad_pattern");
  });

  it("normalises case and surrounding spaces before checking", () => {
    expect(normaliseUscc("  91440101ma5cjq4n59 ")).toBe("91440101MA5CJQ4N59");
    expect(checkUscc("91440101ma5cjq4n59")).toBe("valid");
    expect(checkUscc(" 91350200776049653a ")).toBe("valid");
  });

  it("computes the check character from the first 17 characters", () => {
    expect(usccCheckChar("91350200776049653")).toBe("A");
    expect(usccCheckChar("91440101MA5CJQ4N5")).toBe("9");
    expect(usccCheckChar("91350203M0001QAY9")).not.toBe("B");
  });

  it("check characters make any 17-character body valid, and a changed one invalid", () => {
    const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (const body of ["91370212MA3C000X0", "12370200000000001", "5137020300000000Y"]) {
      const check = usccCheckChar(body);
      expect(alphabet).toContain(check);
      expect(checkUscc(body + check)).toBe("valid");
      const other = alphabet[(alphabet.indexOf(check) + 1) % 31];
      expect(checkUscc(body + other)).toBe("bad_checksum");
    }
  });
});

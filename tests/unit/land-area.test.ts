import { describe, expect, it } from "vitest";
import { areaToMu, compareMu, formatMu, formatMuShort, formatSqm, muToInput, muToSqm, sqmToMu, sumMu } from "@/lib/land/area";
import { formatWan, wanToYuan, yuanToWanInput } from "@/lib/land/price";

describe("亩 ↔ ㎡", () => {
  it("converts ㎡ to 亩 exactly: 1 ㎡ = 0.0015 亩", () => {
    expect(sqmToMu("1")).toBe("0.001500");
    expect(sqmToMu("666.67")).toBe("1.000005");
    expect(sqmToMu("50000")).toBe("75.000000");
    expect(sqmToMu("12345.67")).toBe("18.518505");
    expect(sqmToMu("0.01")).toBe("0.000015");
    expect(sqmToMu("50,000.00")).toBe("75.000000");
  });

  it("converts 亩 to ㎡ as 10000/15, rounded half up to 2 decimals", () => {
    expect(muToSqm("1")).toBe("666.67");
    expect(muToSqm("75")).toBe("50000.00");
    expect(muToSqm("383")).toBe("255333.33");
    expect(muToSqm("0.000015")).toBe("0.01");
    // 2.5 ㎡ cents exactly halfway never happens (÷15 leaves thirds and fifths); 0.5 亩 = 333.333… ㎡.
    expect(muToSqm("0.5")).toBe("333.33");
    expect(muToSqm("1071")).toBe("714000.00");
  });

  it("round-trips every ㎡ value with 2 decimals exactly", () => {
    for (const sqm of ["0.01", "1.00", "333.33", "666.67", "12345.67", "99999999.99", "42200.00"]) {
      expect(muToSqm(sqmToMu(sqm)!)).toBe(sqm);
    }
  });

  it("keeps what was typed: an area typed in ㎡ comes back in ㎡, one typed in 亩 in 亩", () => {
    expect(muToInput(sqmToMu("12345.67")!, "sqm")).toBe("12345.67");
    expect(muToInput("75.000000", "sqm")).toBe("50000");
    expect(muToInput("12.500000", "mu")).toBe("12.5");
    expect(muToInput("471.000000", "mu")).toBe("471");
  });

  it("accepts 亩 with up to 6 decimals and ㎡ with up to 2, nothing else", () => {
    expect(areaToMu("12.5", "mu")).toBe("12.500000");
    expect(areaToMu("0.123456", "mu")).toBe("0.123456");
    expect(areaToMu("0.1234567", "mu")).toBeNull();
    expect(areaToMu("12.345", "sqm")).toBeNull();
    expect(areaToMu("1,071", "mu")).toBe("1071.000000");
    for (const bad of ["", "-1", "1e3", "abc", "1.2.3", "１２"]) {
      expect(areaToMu(bad, "mu"), bad).toBeNull();
      expect(areaToMu(bad, "sqm"), bad).toBeNull();
    }
  });

  it("shows 亩 and ㎡ with 2 decimals and thousands separators, headline figures without trailing zeros", () => {
    expect(formatMu("1071.000000")).toBe("1,071.00");
    expect(formatMu("18.518505")).toBe("18.52");
    expect(formatMu("0.004999")).toBe("0.00");
    expect(formatMu("0.005")).toBe("0.01");
    expect(formatSqm("1071")).toBe("714,000.00");
    expect(formatMuShort("4000.000000")).toBe("4,000");
    expect(formatMuShort("2500.500000")).toBe("2,500.5");
    expect(formatMu(null)).toBe("0.00");
  });

  it("sums and compares exactly, where floats would drift", () => {
    expect(sumMu(["0.1", "0.2"])).toBe("0.300000");
    expect(sumMu(["98.5", "86.2", "75", "63.3", "60"])).toBe("383.000000");
    expect(sumMu([sqmToMu("0.01"), sqmToMu("0.02"), null])).toBe("0.000045");
    expect(compareMu("0.300000", sumMu(["0.1", "0.2"]))).toBe(0);
    expect(compareMu("12.5", "10")).toBe(1);
    expect(compareMu("9.999999", "10")).toBe(-1);
  });
});

describe("出让金 in 万元", () => {
  it("converts 万元 to 元 exactly and back", () => {
    expect(wanToYuan("1234.5")).toBe("12345000");
    expect(wanToYuan("0.0001")).toBe("1");
    expect(wanToYuan("12,000")).toBe("120000000");
    expect(wanToYuan("1.23456")).toBeNull();
    expect(wanToYuan("-3")).toBeNull();
    expect(yuanToWanInput("12345000.00")).toBe("1234.5");
    expect(yuanToWanInput("1.00")).toBe("0.0001");
    expect(formatWan("12345000.00")).toBe("1,234.50");
    expect(formatWan("150.00")).toBe("0.02");
  });
});

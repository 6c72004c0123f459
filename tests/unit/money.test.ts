import { describe, expect, it } from "vitest";
import { isOver100m, percentOf, sumYuan, yiToYuan, yuanToYi, yuanToYiInput } from "@/lib/money";

describe("亿元 → 元", () => {
  it.each([
    ["60", "6000000000"],
    ["60.5", "6050000000"],
    ["0.0001", "10000"],
    ["5", "500000000"],
    ["102", "10200000000"],
    [" 1.2345 ", "123450000"],
    ["99999.9999", "9999999990000"],
    ["100000", "10000000000000"],
    ["100000.0000", "10000000000000"],
  ])("%s 亿元 is %s 元", (yi, yuan) => {
    expect(yiToYuan(yi)).toBe(yuan);
  });

  it.each([["1.23456"], ["-1"], ["1e3"], ["abc"], [""], ["1,5"], [".5"], ["12345678901"], ["100000.0001"], ["100001"], ["9999999999.9999"]])("refuses %j", (yi) => {
    expect(yiToYuan(yi)).toBeNull();
  });

  it("does not pick up floating-point error where floats would", () => {
    // 0.1 + 0.2 style traps: 1.1 亿元 × 10^8 in floats is 110000000.00000001.
    expect(yiToYuan("1.1")).toBe("110000000");
    expect(yiToYuan("0.0003")).toBe("30000");
  });
});

describe("元 → 亿元", () => {
  it.each([
    ["6000000000.00", 2, "60.00"],
    ["6050000000", 2, "60.50"],
    ["12345", 2, "0.00"],
    ["500000", 2, "0.01"],
    ["499999.99", 2, "0.00"],
    ["150000000", 0, "2"],
    ["149999999.99", 0, "1"],
    ["1234560000.00", 4, "12.3456"],
  ] as const)("%s 元 with %i decimals is %s", (yuan, decimals, yi) => {
    expect(yuanToYi(yuan, decimals)).toBe(yi);
  });

  it("gives input fields the exact value without trailing zeros", () => {
    expect(yuanToYiInput("6050000000.00")).toBe("60.5");
    expect(yuanToYiInput("10000")).toBe("0.0001");
    expect(yuanToYiInput("100000000")).toBe("1");
    expect(yiToYuan(yuanToYiInput("1234560000.00"))).toBe("1234560000");
  });

  it("derives 亿元以上 from the amount", () => {
    expect(isOver100m("99999999.99")).toBe(false);
    expect(isOver100m("100000000.00")).toBe(true);
  });

  it("sums exactly", () => {
    expect(sumYuan(["0.10", "0.20"])).toBe("0.30");
    expect(sumYuan(["6000000000.00", "500000000", "1234560000.00"])).toBe("7734560000.00");
    expect(sumYuan([])).toBe("0.00");
  });
});

describe("percentOf", () => {
  it("is exact on 元 amounts and rounds half up", () => {
    expect(percentOf("1500000000", "6000000000")).toBe("25.0%");
    expect(percentOf("1", "3")).toBe("33.3%");
    expect(percentOf("2", "3")).toBe("66.7%");
    expect(percentOf("0.01", "0.08", 2)).toBe("12.50%");
    expect(percentOf("-100", "400")).toBe("-25.0%");
    expect(percentOf("100", "0")).toBeNull();
  });
});

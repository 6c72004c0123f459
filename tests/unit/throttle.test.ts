import { describe, expect, it } from "vitest";
import { lockedUntil, normaliseUsername, THROTTLE } from "@/lib/auth/throttle";

const T0 = Date.parse("2026-03-02T01:00:00.000Z");
const MIN = 60_000;
const at = (ms: number) => new Date(T0 + ms);
const minutes = (...list: number[]) => list.map((m) => at(m * MIN));
const MAX = THROTTLE.maxFailuresPerUsername;

describe("throttle rules", () => {
  it("locks for 15 minutes after 5 failures within 15 minutes", () => {
    expect(THROTTLE).toMatchObject({ windowMs: 15 * MIN, lockMs: 15 * MIN, maxFailuresPerUsername: 5, maxFailuresPerIp: 20 });
  });
});

describe("lockedUntil", () => {
  it("does not lock after 4 failures", () => {
    expect(lockedUntil(minutes(0, 1, 2, 3), MAX, at(3 * MIN))).toBeNull();
  });

  it("does not lock with no failures", () => {
    expect(lockedUntil([], MAX, at(0))).toBeNull();
  });

  it("locks until 15 minutes after the 5th failure when 5 fall within 15 minutes", () => {
    expect(lockedUntil(minutes(0, 1, 2, 3, 4), MAX, at(4 * MIN))).toEqual(at(19 * MIN));
  });

  it("counts the window inclusively: 5 failures exactly 15 minutes apart lock", () => {
    expect(lockedUntil(minutes(0, 5, 10, 14, 15), MAX, at(15 * MIN))).toEqual(at(30 * MIN));
  });

  it("does not lock when 5 failures are spread over more than 15 minutes", () => {
    expect(lockedUntil(minutes(0, 4, 8, 12, 16), MAX, at(16 * MIN))).toBeNull();
    expect(lockedUntil([...minutes(0, 5, 10, 14), at(15 * MIN + 1)], MAX, at(15 * MIN + 1))).toBeNull();
  });

  it("sorts the failure times itself", () => {
    expect(lockedUntil(minutes(4, 0, 3, 1, 2), MAX, at(4 * MIN))).toEqual(at(19 * MIN));
  });

  it("expires exactly 15 minutes after the failure that completed the run", () => {
    const failures = minutes(0, 1, 2, 3, 4);
    expect(lockedUntil(failures, MAX, at(19 * MIN - 1))).toEqual(at(19 * MIN));
    expect(lockedUntil(failures, MAX, at(19 * MIN))).toBeNull();
    expect(lockedUntil(failures, MAX, at(40 * MIN))).toBeNull();
  });

  it("takes the latest run when several runs of 5 exist", () => {
    // 0..4 completes a run at 4; 1..5 completes one at 10 (span 9 min): the lock runs from 10.
    expect(lockedUntil(minutes(0, 1, 2, 3, 4, 10), MAX, at(10 * MIN))).toEqual(at(25 * MIN));
  });

  it("ignores an old run whose lock has ended even if newer failures exist", () => {
    // Run at 0..4 locked until 19; the two failures at 30 and 31 do not make a new run.
    expect(lockedUntil(minutes(0, 1, 2, 3, 4, 30, 31), MAX, at(31 * MIN))).toBeNull();
  });

  it("uses the given maximum (20 per IP)", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => at(i * 30_000));
    expect(lockedUntil(twenty.slice(0, 19), THROTTLE.maxFailuresPerIp, at(10 * MIN))).toBeNull();
    expect(lockedUntil(twenty, THROTTLE.maxFailuresPerIp, at(10 * MIN))).toEqual(at(19 * 30_000 + 15 * MIN));
  });
});

describe("normaliseUsername", () => {
  it("trims and lower-cases", () => {
    expect(normaliseUsername("  Admin ")).toBe("admin");
    expect(normaliseUsername("WANG.Jian_Guo")).toBe("wang.jian_guo");
    expect(normaliseUsername("\tstaff2\n")).toBe("staff2");
  });
});

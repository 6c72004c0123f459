import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loginAttempts } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { countAttempts, getThrottleState, recordAttempt } from "@/lib/auth/throttle";
import { createTestDb } from "../support/db";
import { DEFAULT_PASSWORD, insertUnit, insertUser } from "./fixtures";

const { db } = await createTestDb();

const MIN = 60_000;
const WRONG = "not-the-password";
let unitId: string;

beforeAll(async () => {
  unitId = (await insertUnit(db)).id;
});

/** Each test has its own clock start, far apart, so their attempts never share a window. */
function clock(iso: string) {
  const t0 = Date.parse(iso);
  return (ms: number) => new Date(t0 + ms);
}

async function outcomes(username: string) {
  const rows = await db
    .select({ outcome: loginAttempts.outcome, at: loginAttempts.at })
    .from(loginAttempts)
    .where(eq(loginAttempts.username, username))
    .orderBy(asc(loginAttempts.at), asc(loginAttempts.id));
  return rows.map((r) => r.outcome);
}

describe("throttling by username", () => {
  it("refuses the right password after 5 failures, until 15 minutes after the 5th", async () => {
    await insertUser(db, { unitId, username: "alice" });
    const at = clock("2026-04-01T02:00:00Z");
    const ip = "198.51.100.1";
    for (let i = 0; i < 5; i++) {
      expect(await authenticate(db, "alice", WRONG, ip, at(i * MIN))).toEqual({ ok: false, reason: "invalid" });
    }
    const fifth = at(4 * MIN);

    const refused = await authenticate(db, "alice", DEFAULT_PASSWORD, ip, at(5 * MIN));
    expect(refused).toEqual({ ok: false, reason: "throttled", until: new Date(fifth.getTime() + 15 * MIN) });
    expect(await getThrottleState(db, "alice", "203.0.113.99", at(5 * MIN))).toEqual({
      locked: true,
      until: new Date(fifth.getTime() + 15 * MIN),
      by: "username",
    });

    // One millisecond before the lock ends it still holds; at the end the right password works.
    const stillLocked = await authenticate(db, "alice", DEFAULT_PASSWORD, ip, new Date(fifth.getTime() + 15 * MIN - 1));
    expect(stillLocked).toMatchObject({ ok: false, reason: "throttled" });
    const ok = await authenticate(db, "alice", DEFAULT_PASSWORD, ip, new Date(fifth.getTime() + 15 * MIN));
    expect(ok).toMatchObject({ ok: true, viewer: { username: "alice" } });

    expect(await outcomes("alice")).toEqual(["failure", "failure", "failure", "failure", "failure", "throttled", "throttled", "success"]);
  });

  it("records refused attempts as throttled without extending the lock", async () => {
    await insertUser(db, { unitId, username: "bob" });
    const at = clock("2026-04-03T02:00:00Z");
    const ip = "198.51.100.2";
    for (let i = 0; i < 5; i++) await authenticate(db, "bob", WRONG, ip, at(i * 10_000));
    const until = new Date(at(4 * 10_000).getTime() + 15 * MIN);

    // Keep hammering, wrong and right passwords alike, all through the lock.
    for (let m = 1; m <= 14; m += 1) {
      const result = await authenticate(db, "bob", m % 2 ? WRONG : DEFAULT_PASSWORD, ip, at(m * MIN));
      expect(result).toEqual({ ok: false, reason: "throttled", until });
    }
    expect(await outcomes("bob")).toEqual([...Array(5).fill("failure"), ...Array(14).fill("throttled")]);
    expect(await authenticate(db, "bob", DEFAULT_PASSWORD, ip, until)).toMatchObject({ ok: true });
  });

  it("a success clears earlier failures for that username", async () => {
    await insertUser(db, { unitId, username: "carol" });
    const at = clock("2026-04-05T02:00:00Z");
    const ip = "198.51.100.3";
    for (let i = 0; i < 4; i++) await authenticate(db, "carol", WRONG, ip, at(i * MIN));
    expect(await authenticate(db, "carol", DEFAULT_PASSWORD, ip, at(4 * MIN))).toMatchObject({ ok: true });

    // Four more failures: eight in the window, but only four since the success.
    for (let i = 5; i < 9; i++) expect(await authenticate(db, "carol", WRONG, ip, at(i * MIN))).toEqual({ ok: false, reason: "invalid" });
    expect(await getThrottleState(db, "carol", ip, at(9 * MIN))).toEqual({ locked: false });
    expect(await authenticate(db, "carol", DEFAULT_PASSWORD, ip, at(9 * MIN))).toMatchObject({ ok: true });

    // The success at 9 clears those four too; five new ones lock again.
    for (let i = 10; i < 15; i++) await authenticate(db, "carol", WRONG, ip, at(i * MIN));
    expect(await getThrottleState(db, "carol", ip, at(15 * MIN))).toEqual({ locked: true, until: at(29 * MIN), by: "username" });
  });

  it("does not count failures spread over more than the window", async () => {
    const at = clock("2026-04-07T02:00:00Z");
    const ip = "198.51.100.4";
    for (const m of [0, 4, 8, 12, 16]) await recordAttempt(db, "dora", ip, "failure", at(m * MIN));
    expect(await getThrottleState(db, "dora", ip, at(16 * MIN))).toEqual({ locked: false });
    await recordAttempt(db, "dora", ip, "failure", at(17 * MIN));
    // 4, 8, 12, 16, 17 fall within 13 minutes.
    expect(await getThrottleState(db, "dora", ip, at(17 * MIN))).toEqual({ locked: true, until: at(32 * MIN), by: "username" });
    expect(await countAttempts(db, "DORA")).toBe(6);
  });

  it("treats usernames case-insensitively", async () => {
    await insertUser(db, { unitId, username: "Erik.W" });
    const at = clock("2026-04-09T02:00:00Z");
    const ip = "198.51.100.5";
    expect(await authenticate(db, " ERIK.w ", DEFAULT_PASSWORD, ip, at(0))).toMatchObject({ ok: true, viewer: { username: "Erik.W" } });

    const spellings = ["erik.w", "ERIK.W", "Erik.W", " erik.W", "eRiK.w "];
    for (const [i, name] of spellings.entries()) await authenticate(db, name, WRONG, ip, at((i + 1) * MIN));
    expect(await authenticate(db, "Erik.w", DEFAULT_PASSWORD, ip, at(6 * MIN))).toEqual({
      ok: false,
      reason: "throttled",
      until: at(20 * MIN),
    });
    expect(await outcomes("erik.w")).toEqual(["success", "failure", "failure", "failure", "failure", "failure", "throttled"]);
    expect(await countAttempts(db, "ERIK.W")).toBe(7);
  });
});

describe("parallel guesses", () => {
  it("cannot slip past the lock by arriving at the same moment", async () => {
    await insertUser(db, { unitId, username: "racer" });
    const now = new Date("2026-06-01T02:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => authenticate(db, "racer", `${WRONG}-${i}`, "198.51.100.77", now)),
    );
    // Exactly five are checked against the password; the rest are refused unchecked.
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(7);
  });
});

describe("throttling by IP address", () => {
  it("20 failures from one IP across usernames lock a 21st username from that IP only", async () => {
    await insertUser(db, { unitId, username: "frank" });
    const at = clock("2026-04-11T02:00:00Z");
    const ip = "203.0.113.7";
    for (let i = 0; i < 20; i++) {
      // Every username fails only once: it is the address that is locked, not the accounts.
      expect(await authenticate(db, `guess${i}`, WRONG, ip, at(i * 30_000))).toEqual({ ok: false, reason: "invalid" });
    }
    const twentieth = at(19 * 30_000);
    const until = new Date(twentieth.getTime() + 15 * MIN);

    expect(await getThrottleState(db, "frank", ip, at(10 * MIN))).toEqual({ locked: true, until, by: "ip" });
    expect(await authenticate(db, "frank", DEFAULT_PASSWORD, ip, at(10 * MIN))).toEqual({ ok: false, reason: "throttled", until });
    expect(await authenticate(db, "frank", DEFAULT_PASSWORD, "203.0.113.8", at(10 * MIN))).toMatchObject({ ok: true });
    expect(await authenticate(db, "frank", DEFAULT_PASSWORD, ip, until)).toMatchObject({ ok: true });
  });

  it("19 failures from one IP do not lock it", async () => {
    await insertUser(db, { unitId, username: "gina" });
    const at = clock("2026-04-13T02:00:00Z");
    const ip = "203.0.113.9";
    for (let i = 0; i < 19; i++) await recordAttempt(db, `nobody${i}`, ip, "failure", at(i * 30_000));
    expect(await getThrottleState(db, "gina", ip, at(10 * MIN))).toEqual({ locked: false });
    expect(await authenticate(db, "gina", DEFAULT_PASSWORD, ip, at(10 * MIN))).toMatchObject({ ok: true });
  });
});

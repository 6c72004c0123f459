import { describe, expect, it } from "vitest";
import {
  addDays,
  addWorkingDays,
  chinaDay,
  dayOfWeek,
  makeCalendar,
  nextWorkingDay,
  subtractWorkingDays,
  workingDayOnOrAfter,
  workingDaysBetween,
} from "@/lib/grids/calendar";
import { clockState, deadlines, formatRate, overallColour, rate, requestClocks, worstColour, type Clock } from "@/lib/grids/clock";
import { officialHolidayRows, OFFICIAL_HOLIDAYS } from "@/lib/grids/official-holidays";
import { holidaySchema, parseChinaTime, periodOf, stepSchema } from "@/lib/grids/validation";

const cal = makeCalendar([...officialHolidayRows(2025), ...officialHolidayRows(2026)]);
const plain = makeCalendar([]);
/** An instant given as China local time. */
const at = (local: string) => new Date(`${local}+08:00`);

describe("working-day calendar", () => {
  it("has Monday to Friday as working days, weekends off", () => {
    expect(dayOfWeek("2026-03-02")).toBe(1);
    expect(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"].map((d) => plain.isWorkingDay(d))).toEqual([true, true, true, true, true]);
    expect(plain.isWorkingDay("2026-03-07")).toBe(false);
    expect(plain.isWorkingDay("2026-03-08")).toBe(false);
  });

  it("takes holidays off and works the 调休 weekend days", () => {
    // 国庆节 2026: 10-01 (Thu) to 10-07 (Wed) off; Sunday 09-20 and Saturday 10-10 worked.
    for (let d = "2026-10-01"; d <= "2026-10-07"; d = addDays(d, 1)) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay("2026-09-20")).toBe(true);
    expect(cal.isWorkingDay("2026-10-10")).toBe(true);
    expect(cal.isWorkingDay("2026-10-11")).toBe(false);
    // 元旦 2025 is one day, a Wednesday, with no make-up day.
    expect(cal.isWorkingDay("2025-01-01")).toBe(false);
    expect(cal.isWorkingDay("2025-01-02")).toBe(true);
  });

  it("counts across a weekend", () => {
    // Friday + 1 working day = Monday.
    expect(addWorkingDays(plain, "2026-03-06", 1)).toBe("2026-03-09");
    expect(addWorkingDays(plain, "2026-03-06", 5)).toBe("2026-03-13");
    expect(addWorkingDays(plain, "2026-03-06", 0)).toBe("2026-03-06");
    expect(nextWorkingDay(plain, "2026-03-07")).toBe("2026-03-09");
    expect(workingDayOnOrAfter(plain, "2026-03-08")).toBe("2026-03-09");
    expect(workingDayOnOrAfter(plain, "2026-03-09")).toBe("2026-03-09");
    expect(subtractWorkingDays(plain, "2026-03-09", 1)).toBe("2026-03-06");
    expect(workingDaysBetween(plain, "2026-03-06", "2026-03-16")).toBe(6);
    expect(workingDaysBetween(plain, "2026-03-16", "2026-03-06")).toBe(0);
  });

  it("counts across the 2026 Spring Festival and its make-up Saturdays", () => {
    // Friday 02-13, then Saturday 02-14 worked, 02-15..02-23 off, 02-24 back.
    expect(nextWorkingDay(cal, "2026-02-13")).toBe("2026-02-14");
    expect(nextWorkingDay(cal, "2026-02-14")).toBe("2026-02-24");
    expect(addWorkingDays(cal, "2026-02-12", 5)).toBe("2026-02-26");
    // 02-24..02-27 (4), Saturday 02-28 worked (5), 03-02 (6).
    expect(addWorkingDays(cal, "2026-02-23", 6)).toBe("2026-03-02");
    expect(subtractWorkingDays(cal, "2026-02-24", 1)).toBe("2026-02-14");
    expect(workingDaysBetween(cal, "2026-02-13", "2026-02-24")).toBe(2);
  });

  it("reads an instant's day in China time", () => {
    expect(chinaDay(new Date("2026-03-01T16:30:00Z"))).toBe("2026-03-02"); // 00:30 in Qingdao
    expect(chinaDay(new Date("2026-03-01T15:59:00Z"))).toBe("2026-03-01");
  });

  it("seeds both years' official holidays, every day of each holiday", () => {
    const rows2026 = officialHolidayRows(2026);
    expect(rows2026.filter((r) => r.isWorkday).map((r) => r.day)).toEqual(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]);
    expect(rows2026.filter((r) => r.name === "春节").length).toBe(9);
    expect(officialHolidayRows(2025).filter((r) => !r.isWorkday).length).toBe(1 + 8 + 3 + 5 + 3 + 8);
    // Every make-up day is a weekend day; every row's day is unique.
    for (const year of Object.keys(OFFICIAL_HOLIDAYS).map(Number)) {
      const rows = officialHolidayRows(year);
      expect(new Set(rows.map((r) => r.day)).size).toBe(rows.length);
      for (const r of rows.filter((x) => x.isWorkday)) expect([0, 6]).toContain(dayOfWeek(r.day));
    }
    expect(officialHolidayRows(2031)).toEqual([]);
  });
});

describe("1510 deadlines", () => {
  it("accepts the day received, replies 5 and resolves 10 working days after", () => {
    expect(deadlines(plain, at("2026-03-02T09:00:00"))).toEqual({ start: "2026-03-02", accept: "2026-03-02", reply: "2026-03-09", resolve: "2026-03-16" });
  });

  it("starts a request received on a day off on the next working day", () => {
    expect(deadlines(plain, at("2026-03-07T11:00:00"))).toEqual({ start: "2026-03-09", accept: "2026-03-09", reply: "2026-03-16", resolve: "2026-03-23" });
    // Received late on Friday evening China time: still Friday.
    expect(deadlines(plain, at("2026-03-06T23:30:00")).start).toBe("2026-03-06");
    // Received on the first day of 国庆节 2026: starts Thursday 10-08; 09, Saturday 10 (worked), 12, 13, 14.
    expect(deadlines(cal, at("2026-10-01T10:00:00"))).toEqual({ start: "2026-10-08", accept: "2026-10-08", reply: "2026-10-14", resolve: "2026-10-21" });
  });

  it("counts a 调休 Saturday as a working day", () => {
    // Received Wednesday 09-16: 17, 18, (Sun 20 worked), 21, 22 → reply 09-22; resolve skips 国庆.
    expect(deadlines(cal, at("2026-09-16T10:00:00"))).toEqual({ start: "2026-09-16", accept: "2026-09-16", reply: "2026-09-22", resolve: "2026-09-30" });
    // A request received on the make-up Sunday starts that day.
    expect(deadlines(cal, at("2026-09-20T10:00:00")).start).toBe("2026-09-20");
  });
});

describe("clock colours at the boundaries", () => {
  const due = "2026-03-11"; // a Wednesday
  it("is green when done by the end of the due day, red when done the day after", () => {
    expect(clockState(plain, due, at("2026-03-11T23:59:00"), at("2026-03-20T10:00:00"))).toBe("on_time");
    expect(clockState(plain, due, at("2026-03-12T00:00:00"), at("2026-03-20T10:00:00"))).toBe("late");
  });

  it("is yellow when open and due today or the next working day, green before, red after", () => {
    expect(clockState(plain, due, null, at("2026-03-09T10:00:00"))).toBe("pending"); // two working days ahead
    expect(clockState(plain, due, null, at("2026-03-10T00:00:00"))).toBe("due_soon"); // due the next working day
    expect(clockState(plain, due, null, at("2026-03-11T23:59:00"))).toBe("due_soon"); // due today
    expect(clockState(plain, due, null, at("2026-03-12T00:00:00"))).toBe("overdue");
  });

  it("looks past a weekend for the next working day", () => {
    // Due Monday 03-09: yellow from Friday 03-06 (its next working day), green on Thursday.
    expect(clockState(plain, "2026-03-09", null, at("2026-03-05T12:00:00"))).toBe("pending");
    expect(clockState(plain, "2026-03-09", null, at("2026-03-06T12:00:00"))).toBe("due_soon");
    expect(clockState(plain, "2026-03-09", null, at("2026-03-07T12:00:00"))).toBe("due_soon");
    // …and past a holiday: due Thursday 10-08 2026 is already yellow on Wednesday 09-30.
    expect(clockState(cal, "2026-10-08", null, at("2026-09-30T12:00:00"))).toBe("due_soon");
    expect(clockState(cal, "2026-10-08", null, at("2026-09-29T12:00:00"))).toBe("pending");
  });
});

describe("a request's overall colour", () => {
  const received = at("2026-03-02T09:00:00"); // accept 03-02, reply 03-09, resolve 03-16

  it("is the worst of the clocks still open", () => {
    // Accepted late (red, but done), reply due tomorrow (yellow): yellow.
    const r = requestClocks(plain, { receivedAt: received, acceptedAt: at("2026-03-03T09:00:00"), repliedAt: null, resolvedAt: null }, at("2026-03-06T10:00:00"));
    expect(r.clocks.accept.state).toBe("late");
    expect(r.clocks.reply.state).toBe("due_soon");
    expect(r.clocks.resolve.state).toBe("pending");
    expect(r.overall).toBe("yellow");
    // Not accepted on the day: red at once the next day.
    expect(requestClocks(plain, { receivedAt: received, acceptedAt: null, repliedAt: null, resolvedAt: null }, at("2026-03-03T08:00:00")).overall).toBe("red");
    // Accepted in time, everything ahead: green.
    expect(requestClocks(plain, { receivedAt: received, acceptedAt: at("2026-03-02T11:00:00"), repliedAt: null, resolvedAt: null }, at("2026-03-03T08:00:00")).overall).toBe("green");
    // Received today and not yet accepted: yellow (due today).
    expect(requestClocks(plain, { receivedAt: received, acceptedAt: null, repliedAt: null, resolvedAt: null }, at("2026-03-02T10:00:00")).overall).toBe("yellow");
  });

  it("once resolved, is red if any step was late, else green", () => {
    const onTime = { receivedAt: received, acceptedAt: at("2026-03-02T10:00:00"), repliedAt: at("2026-03-09T17:00:00"), resolvedAt: at("2026-03-16T17:00:00") };
    expect(requestClocks(plain, onTime, at("2026-04-01T10:00:00")).overall).toBe("green");
    expect(requestClocks(plain, { ...onTime, repliedAt: at("2026-03-10T09:00:00") }, at("2026-04-01T10:00:00")).overall).toBe("red");
    expect(requestClocks(plain, { ...onTime, resolvedAt: at("2026-03-17T09:00:00") }, at("2026-04-01T10:00:00")).overall).toBe("red");
  });

  it("combines colours worst first", () => {
    expect(worstColour([])).toBe("green");
    expect(worstColour(["green", "yellow"])).toBe("yellow");
    expect(worstColour(["yellow", "red", "green"])).toBe("red");
    const c = (colour: Clock["colour"], doneAt: Date | null) => ({ colour, doneAt });
    expect(overallColour({ accept: c("red", at("2026-03-03T09:00:00")), reply: c("green", null), resolve: c("green", null) })).toBe("green");
  });
});

describe("rates", () => {
  it("are percentages with one decimal, none without a denominator", () => {
    expect(rate(546, 557)).toBe(98);
    expect(rate(2729, 2785)).toBe(98);
    expect(rate(1, 3)).toBe(33.3);
    expect(rate(2, 3)).toBe(66.7);
    expect(rate(1, 8)).toBe(12.5);
    expect(rate(0, 5)).toBe(0);
    expect(rate(5, 5)).toBe(100);
    expect(rate(0, 0)).toBeNull();
    expect(formatRate(98)).toBe("98.0%");
    expect(formatRate(null)).toBe("—");
  });
});

describe("grid validation", () => {
  it("reads a typed time as China time and refuses the future", () => {
    expect(parseChinaTime("2026-03-02T09:30")?.toISOString()).toBe("2026-03-02T01:30:00.000Z");
    expect(parseChinaTime("2026-02-30T09:30")).toBeNull();
    expect(parseChinaTime("2026-03-02T25:00")).toBeNull();
    const future = new Date(Date.now() + 86_400_000 * 2);
    const local = `${chinaDay(future)}T12:00`;
    const r = stepSchema.safeParse({ step: "reply", at: local, reply: "已答复", version: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("grids.errors.futureTime");
    expect(stepSchema.safeParse({ step: "reply", at: "", reply: "已答复", version: 1 }).data?.at).toBeNull();
    expect(stepSchema.safeParse({ step: "resolve", at: "", resolution: " ", version: 1 }).success).toBe(false);
  });

  it("allows a make-up working day only on a weekend", () => {
    expect(holidaySchema.safeParse({ day: "2026-10-10", name: "国庆节调休上班", isWorkday: true }).success).toBe(true);
    const weekday = holidaySchema.safeParse({ day: "2026-10-09", name: "调休", isWorkday: true });
    expect(weekday.error?.issues[0]?.message).toBe("grids.errors.workdayNotWeekend");
    expect(holidaySchema.safeParse({ day: "2026-10-09", name: "临时休假", isWorkday: false }).success).toBe(true);
  });

  it("defaults the period to this year up to today, in order", () => {
    const now = at("2026-06-15T10:00:00");
    expect(periodOf({}, now)).toEqual({ from: "2026-01-01", to: "2026-06-15" });
    expect(periodOf({ from: "2026-05-01", to: "2026-04-01" }, now)).toEqual({ from: "2026-04-01", to: "2026-05-01" });
  });
});

import { describe, expect, it } from "vitest";
import { pickablePeople } from "@/lib/users/people";
import { matchPeople } from "@/lib/users/person-match";

const rows = [
  { id: "1", name: "王建国", unitId: "hq", unitName: "投资促进部" },
  { id: "2", name: "刘志强", unitId: "bio", unitName: "生物医药招商组" },
  { id: "3", name: "李娜", unitId: "bio", unitName: "生物医药招商组" },
  { id: "4", name: "周振宇", unitId: "land", unitName: "项目落地服务专班" },
  { id: "5", name: "刘洋", unitId: "hq", unitName: "投资促进部" },
];

describe("pickablePeople", () => {
  it("adds pinyin initials and spelling, and puts the viewer's own unit first", () => {
    const people = pickablePeople(rows, "bio");
    expect(people.map((p) => p.name)).toEqual(["刘志强", "李娜", "王建国", "周振宇", "刘洋"]);
    expect(people[0]).toMatchObject({ initials: "lzq", spelled: "liuzhiqiang", own: true });
    expect(people[2]!.own).toBeUndefined();
  });
});

describe("matchPeople", () => {
  const people = pickablePeople(rows, "bio");
  const names = (q: string) => matchPeople(people, q).map((g) => [g.unitName, g.people.map((p) => p.name)]);

  it("groups everyone by unit, own unit first, when nothing is typed", () => {
    expect(names("")).toEqual([
      ["生物医药招商组", ["刘志强", "李娜"]],
      ["投资促进部", ["王建国", "刘洋"]],
      ["项目落地服务专班", ["周振宇"]],
    ]);
  });

  it("finds by pinyin initials, spelling (any case, spaces ignored) or part of the name", () => {
    expect(names("lzq")).toEqual([["生物医药招商组", ["刘志强"]]]);
    expect(names("LIU")).toEqual([
      ["生物医药招商组", ["刘志强"]],
      ["投资促进部", ["刘洋"]],
    ]);
    expect(names("zhou zhen")).toEqual([["项目落地服务专班", ["周振宇"]]]);
    expect(names("建国")).toEqual([["投资促进部", ["王建国"]]]);
    expect(names("xyz")).toEqual([]);
  });

  it("puts the best match first, so Enter takes it: an exact spelling or initials before a prefix", () => {
    const more = pickablePeople([...rows, { id: "6", name: "廖美玲", unitId: "bio", unitName: "生物医药招商组" }, { id: "7", name: "李明", unitId: "land", unitName: "项目落地服务专班" }], "bio");
    const groups = matchPeople(more, "lm");
    expect(groups[0]!.people[0]!.name).toBe("李明");
    expect(groups.map((g) => [g.unitName, g.people.map((p) => p.name)])).toEqual([
      ["项目落地服务专班", ["李明"]],
      ["生物医药招商组", ["廖美玲"]],
    ]);
  });

  it("finds everyone of a unit by its name", () => {
    expect(names("专班")).toEqual([["项目落地服务专班", ["周振宇"]]]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/roles";
import { ValidationError } from "@/lib/errors";
import { projectFormOptions } from "@/lib/projects/options";
import { signingFormOptions } from "@/lib/signings/queries";
import { TABLES } from "@/lib/tables/columns";
import { saveTableColumns, tableColumnsOf } from "@/lib/tables/service";
import { createTestDb } from "../support/db";
import { insertUnit, insertUser, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();
let alice: Viewer, bob: Viewer;

beforeAll(async () => {
  const zone = await insertUnit(db, { name: "高新区投资促进部" });
  const group = await insertUnit(db, { name: "生物医药招商组", parentId: zone.id });
  alice = await insertViewer(db, "manager", group.id);
  bob = await insertViewer(db, "staff", group.id);
  await insertUser(db, { unitId: zone.id, displayName: "王建国" });
  await insertUser(db, { unitId: group.id, displayName: "刘志强" });
});

describe("a user's columns for a wide list", () => {
  it("start at the defaults, are kept per user and per list, in the list's order, with the name always shown", async () => {
    expect(await tableColumnsOf(db, alice, "signed")).toEqual(TABLES.signed.defaults);
    await saveTableColumns(db, alice, { table: "signed", columns: ["steward", "totalInvestment", "event"] });
    expect(await tableColumnsOf(db, alice, "signed")).toEqual(["name", "event", "totalInvestment", "steward"]);
    // Another user and another list keep their own.
    expect(await tableColumnsOf(db, bob, "signed")).toEqual(TABLES.signed.defaults);
    expect(await tableColumnsOf(db, alice, "projects")).toEqual(TABLES.projects.defaults);
    // Saving again replaces the choice; an empty one goes back to the defaults.
    await saveTableColumns(db, alice, { table: "signed", columns: ["name", "owner"] });
    expect(await tableColumnsOf(db, alice, "signed")).toEqual(["name", "owner"]);
    await saveTableColumns(db, alice, { table: "signed", columns: [] });
    expect(await tableColumnsOf(db, alice, "signed")).toEqual(TABLES.signed.defaults);
  });

  it("refuses a list or a column that does not exist", async () => {
    expect(await rejection(saveTableColumns(db, alice, { table: "users", columns: ["name"] }))).toBeInstanceOf(ValidationError);
    expect(await rejection(saveTableColumns(db, alice, { table: "projects", columns: ["name", "passwordHash"] }))).toBeInstanceOf(ValidationError);
  });
});

describe("the people pickers' options", () => {
  it("carry unit names and pinyin keys, the viewer's own unit first", async () => {
    // The owner picker: people in the manager's scope only.
    const owners = (await projectFormOptions(db, alice)).people;
    expect(owners.find((p) => p.name === "刘志强")).toMatchObject({ initials: "lzq", unitName: "生物医药招商组", own: true });
    expect(owners.some((p) => p.name === "王建国")).toBe(false);
    // 项目服务管家: anyone active, the viewer's own unit before the unit above it.
    const stewards = (await signingFormOptions(db, alice)).people;
    expect(stewards[0]).toMatchObject({ unitName: "生物医药招商组", own: true });
    expect(stewards.find((p) => p.name === "王建国")).toMatchObject({ initials: "wjg", unitName: "高新区投资促进部" });
    expect(stewards.findIndex((p) => p.name === "王建国")).toBeGreaterThan(stewards.findIndex((p) => p.name === "刘志强"));
  });
});

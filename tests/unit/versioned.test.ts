import { describe, expect, it } from "vitest";
import { changedSince, mergeThreeWay } from "@/lib/versioned";

const base = { name: "国药科技城", responsibleLeader: "王建国", description: "", isKey: false, tags: ["央企"], version: 3 };

describe("a versioned form's save", () => {
  it("sends the version loaded and only the fields changed since", () => {
    expect(changedSince(base, { ...base, description: "补充", isKey: true })).toEqual({ version: 3, description: "补充", isKey: true });
    expect(changedSince(base, { ...base, tags: ["央企"] })).toEqual({ version: 3 });
    expect(changedSince(base, { ...base, tags: ["央企", "上市公司"] })).toEqual({ version: 3, tags: ["央企", "上市公司"] });
  });

  it("after a refusal takes theirs where the user did not touch, keeps mine, and asks where both changed", () => {
    const mine = { ...base, name: "国药科技城（一期）", description: "我的说明" };
    const theirs = { ...base, responsibleLeader: "刘志强", description: "他的说明", version: 4 };
    const merged = mergeThreeWay(base, mine, theirs);
    expect(merged.values).toMatchObject({ name: "国药科技城（一期）", responsibleLeader: "刘志强", description: "我的说明", version: 4 });
    expect(merged.adopted).toEqual([{ field: "responsibleLeader", value: "刘志强" }]);
    expect(merged.conflicts).toEqual([{ field: "description", mine: "我的说明", theirs: "他的说明" }]);
    // Both typed the same: no question to ask.
    expect(mergeThreeWay(base, { ...base, description: "同" }, { ...base, description: "同", version: 4 }).conflicts).toEqual([]);
  });
});

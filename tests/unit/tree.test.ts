import { describe, expect, it } from "vitest";
import { buildTree, flattenTree, subtreeIds, wouldCycle } from "@/lib/units/tree";

type Row = { id: string; parentId: string | null; name: string };

// A ─┬─ B ── D
//    └─ C
// E ── F
// (rows arrive in display order for siblings, parents not necessarily first)
const rows: Row[] = [
  { id: "A", parentId: null, name: "市局" },
  { id: "D", parentId: "B", name: "招商组" },
  { id: "E", parentId: null, name: "区局" },
  { id: "B", parentId: "A", name: "高新区" },
  { id: "F", parentId: "E", name: "专班" },
  { id: "C", parentId: "A", name: "市北区" },
];

describe("buildTree / flattenTree", () => {
  it("builds roots with nested children and depths", () => {
    const roots = buildTree(rows);
    expect(roots.map((r) => r.id)).toEqual(["A", "E"]);
    const a = roots[0]!;
    expect(a.children.map((c) => c.id)).toEqual(["B", "C"]);
    expect(a.children[0]!.children.map((c) => c.id)).toEqual(["D"]);
    expect(a.children[0]!.children[0]!.depth).toBe(2);
  });

  it("flattens depth-first, keeping sibling order from the input", () => {
    const flat = flattenTree(buildTree(rows));
    expect(flat.map((n) => [n.id, n.depth])).toEqual([
      ["A", 0],
      ["B", 1],
      ["D", 2],
      ["C", 1],
      ["E", 0],
      ["F", 1],
    ]);
  });

  it("keeps the row's own fields", () => {
    const flat = flattenTree(buildTree(rows));
    expect(flat.find((n) => n.id === "D")).toMatchObject({ name: "招商组", parentId: "B" });
  });

  it("treats a unit whose parent is missing as a root", () => {
    const flat = flattenTree(buildTree([{ id: "X", parentId: "gone" }, { id: "Y", parentId: "X" }]));
    expect(flat.map((n) => [n.id, n.depth])).toEqual([
      ["X", 0],
      ["Y", 1],
    ]);
  });

  it("returns nothing for no rows", () => {
    expect(flattenTree(buildTree([]))).toEqual([]);
  });
});

describe("subtreeIds", () => {
  it("is the unit and everything below it", () => {
    expect([...subtreeIds(rows, "A")].sort()).toEqual(["A", "B", "C", "D"]);
    expect([...subtreeIds(rows, "B")].sort()).toEqual(["B", "D"]);
    expect([...subtreeIds(rows, "E")].sort()).toEqual(["E", "F"]);
  });

  it("is just the unit for a leaf", () => {
    expect([...subtreeIds(rows, "D")]).toEqual(["D"]);
  });
});

describe("wouldCycle", () => {
  it("refuses moving a unit under itself or a descendant", () => {
    expect(wouldCycle(rows, "A", "A")).toBe(true);
    expect(wouldCycle(rows, "A", "B")).toBe(true);
    expect(wouldCycle(rows, "A", "D")).toBe(true);
    expect(wouldCycle(rows, "B", "D")).toBe(true);
  });

  it("allows moves elsewhere and to the top level", () => {
    expect(wouldCycle(rows, "B", "C")).toBe(false);
    expect(wouldCycle(rows, "B", "F")).toBe(false);
    expect(wouldCycle(rows, "D", "A")).toBe(false);
    expect(wouldCycle(rows, "A", null)).toBe(false);
    expect(wouldCycle(rows, "E", "A")).toBe(false);
  });
});

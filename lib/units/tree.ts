/** Pure helpers over the unit tree (单位/部门), shared by queries, pages and tests. */
export type UnitNode<T extends { id: string; parentId: string | null }> = T & { children: UnitNode<T>[]; depth: number };

export function buildTree<T extends { id: string; parentId: string | null }>(rows: T[]): UnitNode<T>[] {
  const nodes = new Map<string, UnitNode<T>>(rows.map((r) => [r.id, { ...r, children: [], depth: 0 }]));
  const roots: UnitNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (list: UnitNode<T>[], depth: number) => {
    for (const n of list) {
      n.depth = depth;
      setDepth(n.children, depth + 1);
    }
  };
  setDepth(roots, 0);
  return roots;
}

/** Depth-first order with depth, for indented lists and <select> options. */
export function flattenTree<T extends { id: string; parentId: string | null }>(roots: UnitNode<T>[]): UnitNode<T>[] {
  const out: UnitNode<T>[] = [];
  const walk = (list: UnitNode<T>[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}

/** The unit and everything below it. */
export function subtreeIds(rows: { id: string; parentId: string | null }[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of rows) {
      if (r.parentId && ids.has(r.parentId) && !ids.has(r.id)) {
        ids.add(r.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Moving `unitId` under `newParentId` would make a cycle when the new parent is inside its subtree. */
export function wouldCycle(rows: { id: string; parentId: string | null }[], unitId: string, newParentId: string | null): boolean {
  return newParentId !== null && subtreeIds(rows, unitId).has(newParentId);
}

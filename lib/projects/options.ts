import type { DbOrTx } from "@/db/client";
import { scopeOf } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { listChains } from "@/lib/reference/queries";
import { listStageLabels, shownStages } from "@/lib/reference/stage-labels";
import { listEventOptions } from "@/lib/events/queries";
import { getUnitTree } from "@/lib/units/queries";
import { pickablePeople } from "@/lib/users/people";
import { assignableUsers } from "./service";

/** What the project filters and form offer the viewer: chains, the units and people in their scope, the stages in use. */
export async function projectFormOptions(db: DbOrTx, viewer: Viewer) {
  const [scope, chains, tree, people, events, stageRows] = await Promise.all([
    scopeOf(db, viewer),
    listChains(db),
    getUnitTree(db),
    assignableUsers(db, viewer),
    listEventOptions(db),
    listStageLabels(db),
  ]);
  const unitNames = new Map(tree.map((u) => [u.id, u.name]));
  const units = tree
    .filter((u) => scope.all || scope.unitIds.includes(u.id))
    .map(({ id, name, depth }) => ({ id, name, depth }));
  // Indent relative to the shallowest unit shown, so a manager's own unit starts at the left.
  const minDepth = Math.min(...units.map((u) => u.depth));
  return {
    chains,
    units: units.map((u) => ({ ...u, depth: u.depth - minDepth })),
    // Searchable by pinyin, the viewer's unit first (the owner pickers and filters).
    people: pickablePeople(
      people.map(({ id, displayName, unitId }) => ({ id, name: displayName, unitId, unitName: unitNames.get(unitId) ?? "" })),
      viewer.unitId,
    ),
    events,
    // The stages the district uses (admin → 阶段名称 hides the others from the stage filters).
    stages: shownStages(stageRows),
  };
}
export type ProjectFormOptions = Awaited<ReturnType<typeof projectFormOptions>>;

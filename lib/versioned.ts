// The client half of a versioned save (the server half is parseVersionedSave in lib/validation.ts):
// what a form sends, and how it merges after a stale refusal. Pure, so it is unit-tested.

export type VersionedValues = Record<string, unknown> & { version: number };
type Values = VersionedValues;
export type Conflict = { field: string; mine: unknown; theirs: unknown };
export type Merge = { adopted: { field: string; value: unknown }[]; conflicts: Conflict[] };

const norm = (v: unknown) => (v === null || v === undefined ? "" : Array.isArray(v) ? JSON.stringify(v) : String(v));
export const sameValue = (a: unknown, b: unknown) => norm(a) === norm(b);

/** Pure: what changed since `base` (to send), always with the version loaded. */
export function changedSince(base: Values, values: Record<string, unknown>): Values {
  const out: Values = { version: base.version };
  for (const [k, v] of Object.entries(values)) if (k !== "version" && k in base && !sameValue(v, base[k])) out[k] = v;
  return out;
}

/** Pure: the three-way merge of the loaded values, the user's and the newest saved. */
export function mergeThreeWay(base: Values, mine: Record<string, unknown>, theirs: Record<string, unknown>): Merge & { values: Record<string, unknown> } {
  const values: Record<string, unknown> = { ...mine, version: theirs.version };
  const adopted: Merge["adopted"] = [];
  const conflicts: Conflict[] = [];
  for (const k of Object.keys(base)) {
    if (k === "version" || !(k in theirs)) continue;
    const touched = !sameValue(mine[k], base[k]);
    const moved = !sameValue(theirs[k], base[k]);
    if (!touched && moved) {
      values[k] = theirs[k];
      adopted.push({ field: k, value: theirs[k] });
    } else if (touched && moved && !sameValue(mine[k], theirs[k])) conflicts.push({ field: k, mine: mine[k], theirs: theirs[k] });
  }
  return { values, adopted, conflicts };
}


/** A person as the searchable pickers offer them (see pickablePeople for the pinyin keys). */
export type Person = { id: string; name: string; unitId: string; unitName: string; initials: string; spelled: string; own?: boolean };
export type PersonGroup<P extends Person = Person> = { unitId: string; unitName: string; people: P[] };

/** How well a person matches what was typed: 0 exactly, 1 from the start, 2 inside; null not at all. */
function rank(p: Person, q: string): number | null {
  const name = p.name.toLowerCase();
  if (name === q || p.initials === q || p.spelled === q) return 0;
  if (name.startsWith(q) || p.initials.startsWith(q) || p.spelled.startsWith(q)) return 1;
  if (name.includes(q) || p.unitName.includes(q)) return 2;
  return null;
}

/**
 * The people whose name, pinyin initials or pinyin spelling matches what was typed (case and
 * spaces ignored), grouped by unit. With nothing typed: everyone, in the order the list gives
 * them (the viewer's own unit first). With a search: the best matches first ("lm" puts 李明
 * before 廖美玲), so Enter takes the likeliest person; ties keep the list's order.
 */
export function matchPeople<P extends Person>(people: P[], query: string): PersonGroup<P>[] {
  const q = query.replace(/\s+/g, "").toLowerCase();
  const ranked = people.flatMap((p, i) => {
    const r = q ? rank(p, q) : 0;
    return r === null ? [] : [{ p, r, i }];
  });
  ranked.sort((a, b) => a.r - b.r || a.i - b.i);
  const groups = new Map<string, PersonGroup<P>>();
  for (const { p } of ranked) {
    const g = groups.get(p.unitId) ?? { unitId: p.unitId, unitName: p.unitName, people: [] };
    g.people.push(p);
    groups.set(p.unitId, g);
  }
  return [...groups.values()];
}

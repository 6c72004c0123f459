/** A person as the searchable pickers offer them (see pickablePeople for the pinyin keys). */
export type Person = { id: string; name: string; unitId: string; unitName: string; initials: string; spelled: string; own?: boolean };
export type PersonGroup<P extends Person = Person> = { unitId: string; unitName: string; people: P[] };

/**
 * The people whose name, pinyin initials or pinyin spelling matches what was typed (case and
 * spaces ignored; empty matches everyone), grouped by unit in the order the list gives them.
 */
export function matchPeople<P extends Person>(people: P[], query: string): PersonGroup<P>[] {
  const q = query.replace(/\s+/g, "").toLowerCase();
  const groups = new Map<string, PersonGroup<P>>();
  for (const p of people) {
    if (q && !(p.name.toLowerCase().includes(q) || p.initials.startsWith(q) || p.spelled.startsWith(q) || p.unitName.includes(q))) continue;
    const g = groups.get(p.unitId) ?? { unitId: p.unitId, unitName: p.unitName, people: [] };
    g.people.push(p);
    groups.set(p.unitId, g);
  }
  return [...groups.values()];
}

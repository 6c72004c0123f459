export type UnitOption = { id: string; name: string; depth: number };

/** Units as <option>s, indented by depth so the tree reads in a plain select. */
export function UnitOptions({ units, exclude }: { units: UnitOption[]; exclude?: Set<string> }) {
  return units
    .filter((u) => !exclude?.has(u.id))
    .map((u) => (
      <option key={u.id} value={u.id}>
        {"\u3000".repeat(u.depth)}
        {u.name}
      </option>
    ));
}

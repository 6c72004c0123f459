/**
 * What every row of an import is checked against, read once per import: the viewer's scope,
 * and the names a spreadsheet uses for references (people, units, chains, parks, events),
 * each resolved to exactly one record or reported.
 */
import { asc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { events, industryChains, parks, units, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/roles";
import { scopeOf, type Scope } from "@/lib/auth/scope";

type Named = { id: string; name: string };
type Person = Named & { unitId: string; active: boolean; username: string };

export type Lookup<T extends Named> = (name: string) => { ok: true; value: T } | { ok: false; reason: "missing" | "ambiguous" };

function lookup<T extends Named>(rows: T[], alsoBy?: (r: T) => string): Lookup<T> {
  const byName = new Map<string, T[]>();
  const add = (key: string, r: T) => byName.set(key, [...(byName.get(key) ?? []), r]);
  for (const r of rows) {
    add(r.name, r);
    if (alsoBy) add(alsoBy(r), r);
  }
  return (name) => {
    const found = [...new Set(byName.get(name.trim()) ?? [])];
    if (found.length === 1) return { ok: true, value: found[0]! };
    return { ok: false, reason: found.length ? "ambiguous" : "missing" };
  };
}

export type ImportContext = {
  viewer: Viewer;
  scope: Scope;
  /** Active users by display name (or username). */
  person: Lookup<Person>;
  unit: Lookup<Named>;
  chain: Lookup<Named>;
  park: Lookup<Named>;
  /** Events that are not archived. */
  event: Lookup<Named>;
  units: Map<string, Named>;
  /** Names of people (active or not), units, chains, parks and events by id, to show what a row changes. */
  names: Map<string, string>;
};

export async function importContext(tx: Tx, viewer: Viewer): Promise<ImportContext> {
  // One after another: a transaction has one connection.
  const scope = await scopeOf(tx, viewer);
  const people = await tx
    .select({ id: users.id, name: users.displayName, username: users.username, unitId: users.unitId, active: users.active })
    .from(users)
    .where(eq(users.active, true));
  const unitRows = await tx.select({ id: units.id, name: units.name }).from(units);
  const chains = await tx.select({ id: industryChains.id, name: industryChains.name }).from(industryChains).orderBy(asc(industryChains.sortOrder));
  const parkRows = await tx.select({ id: parks.id, name: parks.name }).from(parks);
  const eventRows = await tx.select({ id: events.id, name: events.name }).from(events).where(isNull(events.archivedAt));
  const everyone = await tx.select({ id: users.id, name: users.displayName }).from(users);
  return {
    viewer,
    scope,
    person: lookup(people, (p) => p.username),
    unit: lookup(unitRows),
    chain: lookup(chains),
    park: lookup(parkRows),
    event: lookup(eventRows),
    units: new Map(unitRows.map((u) => [u.id, u])),
    names: new Map([...everyone, ...unitRows, ...chains, ...parkRows, ...eventRows].map((r) => [r.id, r.name])),
  };
}

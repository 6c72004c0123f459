/**
 * Import slots: one import (inspect, dry run, commit or error report) at a time per user, and at
 * most IMPORT_CONCURRENCY (default 2) per instance, so uploads cannot pile up reading workers and
 * temporary files. A refused one is a 429 with Retry-After (lib/imports/refusal.ts).
 *
 * Per instance: a counter and a set of users in memory, taken and given back synchronously. Per
 * user across instances: a PostgreSQL session advisory lock on the user's id, held on a pooled
 * connection of its own for the import's length (a lock left by a finished request is released
 * just after its answer, so a next request of the same user waits for it briefly first).
 */
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/roles";
import { importLimits } from "./limits";
import { busyServer, busyUser } from "./refusal";

type Pool = { connect(): Promise<PoolClient> };
type PoolClient = { query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>; release(destroy?: boolean): void };

let running = 0;
const users = new Set<string>();

/** How long a request waits for the same user's lock held by another instance (or a request just answered). */
const LOCK_WAIT_MS = 2_000;

export type ImportSlot = { release: () => Promise<void> };

/** Takes a slot for `viewer`'s import, or refuses (429). Give it back with `release` (idempotent). */
export async function takeImportSlot(db: Db, viewer: Viewer): Promise<ImportSlot> {
  const { concurrency } = importLimits();
  if (users.has(viewer.id)) throw busyUser();
  if (running >= concurrency) throw busyServer();
  users.add(viewer.id);
  running++;
  let client: PoolClient | null = null;
  let released = false;
  const giveBack = () => {
    if (released) return;
    released = true;
    users.delete(viewer.id);
    running--;
  };
  try {
    client = await ((db as unknown as { $client: Pool }).$client).connect();
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      const { rows } = await client.query("select pg_try_advisory_lock(hashtext('crm:import-user'), hashtext($1)) as locked", [viewer.id]);
      if (rows[0]?.locked) break;
      if (Date.now() >= deadline) throw busyUser();
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) {
    client?.release();
    giveBack();
    throw e;
  }
  const held = client;
  return {
    release: async () => {
      if (released) return;
      giveBack();
      try {
        await held.query("select pg_advisory_unlock(hashtext('crm:import-user'), hashtext($1))", [viewer.id]);
        held.release();
      } catch {
        // The lock goes with the connection.
        held.release(true);
      }
    },
  };
}

/** Runs `fn` in a slot of `viewer`'s, given back when it settles. */
export async function withImportSlot<T>(db: Db, viewer: Viewer, fn: () => Promise<T>): Promise<T> {
  const slot = await takeImportSlot(db, viewer);
  try {
    return await fn();
  } finally {
    await slot.release();
  }
}

/** For the tests: imports in this instance now. */
export const runningImports = () => running;

/**
 * Grid test data for the e2e specs, written through the same service functions the app uses
 * (so a request made here is scoped, validated and audited like one logged in the UI).
 */
import { and, asc, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import { enterprises, grids, serviceRequests } from "../../db/schema";
import { addDays, chinaDay, subtractWorkingDays } from "../../lib/grids/calendar";
import { loadCalendar } from "../../lib/grids/queries";
import { assignEnterprise, createRequest } from "../../lib/grids/service";
import { viewerOf, withDb } from "./factories";

export async function gridByCode(code: string) {
  return withDb(async (db) => {
    const [row] = await db.select({ id: grids.id, name: grids.name }).from(grids).where(eq(grids.code, code));
    if (!row) throw new Error(`no grid ${code}`);
    return row;
  });
}

/**
 * A request of the grid's first enterprise, received at 10:00 China time `workingDaysAgo`
 * working days before the last working day up to today, logged by `username` and left open.
 */
export async function createRequestDaysAgo(username: string, gridCode: string, workingDaysAgo: number, title: string) {
  return withDb(async (db) => {
    const viewer = await viewerOf(db, username);
    const [grid] = await db.select({ id: grids.id }).from(grids).where(eq(grids.code, gridCode));
    const [enterprise] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.gridId, grid!.id)).orderBy(asc(enterprises.name)).limit(1);
    const today = chinaDay(new Date());
    const cal = await loadCalendar(db, addDays(today, -60), addDays(today, 30));
    const last = cal.isWorkingDay(today) ? today : subtractWorkingDays(cal, today, 1);
    const day = subtractWorkingDays(cal, last, workingDaysAgo);
    const request = await createRequest(db, viewer, grid!.id, { enterpriseId: enterprise!.id, category: "approval", title, description: "e2e", receivedAt: `${day}T10:00` });
    return { id: request.id, gridId: grid!.id, day };
  });
}

/** Received and resolved requests of a grid received from `from` to `to` (China days), counted row by row. */
export async function countRequests(gridId: string, from: string, to: string) {
  return withDb(async (db) => {
    const inPeriod = and(
      eq(serviceRequests.gridId, gridId),
      gte(serviceRequests.receivedAt, sql`${from}::date::timestamp at time zone 'Asia/Shanghai'`),
      lt(serviceRequests.receivedAt, sql`(${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`),
    );
    const received = await db.select({ id: serviceRequests.id }).from(serviceRequests).where(inPeriod);
    const resolved = await db.select({ id: serviceRequests.id }).from(serviceRequests).where(and(inPeriod, isNotNull(serviceRequests.resolvedAt)));
    return { received: received.length, resolved: resolved.length };
  });
}

/** Puts an enterprise into a grid as `username` would on the grid's page (audited as the enterprise's change). */
export async function assignToGridAs(username: string, gridCode: string, enterpriseId: string) {
  return withDb(async (db) => {
    const viewer = await viewerOf(db, username);
    const [grid] = await db.select({ id: grids.id, name: grids.name }).from(grids).where(eq(grids.code, gridCode));
    if (!grid) throw new Error(`no grid ${gridCode}`);
    await assignEnterprise(db, viewer, grid.id, { enterpriseId });
    return grid;
  });
}

import { or, sql, type SQL } from "drizzle-orm";
import { enterprises, projects } from "@/db/schema";
import { inScope, type Scope } from "@/lib/auth/scope";

/**
 * Enterprises a viewer may see: those registered by a unit in their scope (staff: also the
 * ones they registered themselves), and those behind any project they may see.
 */
export function visibleEnterprises(scope: Scope): SQL | undefined {
  if (scope.all) return undefined;
  const viaProject = sql`exists (select 1 from ${projects} where ${projects.enterpriseId} = ${enterprises.id} and ${inScope(scope, projects.unitId, projects.ownerId)})`;
  return or(inScope(scope, enterprises.unitId, enterprises.createdById), viaProject);
}

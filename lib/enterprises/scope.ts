import { and, isNull, or, sql, type SQL } from "drizzle-orm";
import { enterprises, projects } from "@/db/schema";
import { inScope, type Scope } from "@/lib/auth/scope";

/**
 * Enterprises a viewer may see: those registered by a unit in their scope (staff: also the
 * ones they registered themselves), and those behind any project they may see — never an
 * archived (归档) one, whoever asks (an admin restores it through lib/archive).
 */
export function visibleEnterprises(scope: Scope): SQL {
  const live = isNull(enterprises.archivedAt);
  if (scope.all) return live;
  const viaProject = sql`exists (select 1 from ${projects} where ${projects.enterpriseId} = ${enterprises.id} and ${projects.archivedAt} is null and ${inScope(scope, projects.unitId, projects.ownerId)})`;
  return and(live, or(inScope(scope, enterprises.unitId, enterprises.createdById), viaProject))!;
}

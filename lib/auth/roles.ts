import type { Role } from "@/db/schema/enums";
import { ForbiddenError } from "@/lib/errors";

export const ROLES = ["admin", "manager", "staff"] as const satisfies readonly Role[];

/** Who is asking: resolved from the session and the database on every request. */
export type Viewer = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  unitName: string;
};

const RANK: Record<Role, number> = { staff: 1, manager: 2, admin: 3 };

/** Roles are ordered: an admin may do what a manager may, a manager what staff may. */
export function hasRole(viewer: Pick<Viewer, "role">, least: Role): boolean {
  return RANK[viewer.role] >= RANK[least];
}

export function assertRole(viewer: Pick<Viewer, "role">, least: Role): void {
  if (!hasRole(viewer, least)) throw new ForbiddenError();
}

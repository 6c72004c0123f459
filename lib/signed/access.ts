import { hasRole, type Viewer } from "@/lib/auth/roles";
import { ForbiddenError } from "@/lib/errors";

/**
 * Who may export the 签约项目清单: managers and admins (what they can see); staff only when
 * EXPORT_ALLOW_STAFF=1, and then what they can see. Checked by the route on every request.
 */
export function canExportSigned(viewer: Pick<Viewer, "role">, env: Record<string, string | undefined> = process.env): boolean {
  return hasRole(viewer, "manager") || env.EXPORT_ALLOW_STAFF === "1";
}

export function assertCanExportSigned(viewer: Pick<Viewer, "role">, env?: Record<string, string | undefined>): void {
  if (!canExportSigned(viewer, env)) throw new ForbiddenError();
}

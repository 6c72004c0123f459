import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Role } from "@/db/schema/enums";
import { getViewer } from "./index";
import { hasRole, type Viewer } from "./roles";

/**
 * For pages: the viewer, or a redirect to sign in (returning here afterwards).
 * A page the viewer's role may not open is a 404, which leaks less than a 403.
 */
export async function requirePageViewer(least: Role = "staff"): Promise<Viewer> {
  const viewer = await getViewer();
  // proxy.ts already sends signed-out requests to /login with their callbackUrl; this
  // catches a session that ended between the proxy and the page.
  if (!viewer) redirect("/login");
  if (!hasRole(viewer, least)) notFound();
  return viewer;
}

import { requirePageViewer } from "@/lib/auth/page";

/**
 * Under /admin each page checks its own role: 目标管理 is open to managers (they set their
 * units' targets), every other page to administrators only (a 404 for anyone else). Here only
 * a signed-in viewer is required.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageViewer("staff");
  return children;
}

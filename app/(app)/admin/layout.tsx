import { requirePageViewer } from "@/lib/auth/page";

/** Everything under /admin is for administrators; anyone else gets a 404. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageViewer("admin");
  return children;
}

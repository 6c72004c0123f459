import { redirect } from "next/navigation";
import { requirePageViewer } from "@/lib/auth/page";

export default async function AdminIndex() {
  await requirePageViewer("admin");
  redirect("/admin/users");
}

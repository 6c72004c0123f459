import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { enterpriseGrid } from "@/lib/grids/queries";

/** On the enterprise page: the grid that serves it, linked when the viewer may open the grid. */
export async function EnterpriseGrid({ enterpriseId }: { enterpriseId: string }) {
  const viewer = await requirePageViewer();
  const [t, grid] = await Promise.all([getTranslations("grids"), enterpriseGrid(getDb(), viewer, enterpriseId)]);
  if (!grid) return <>{t("noGrid")}</>;
  return grid.visible ? (
    <Link href={`/grids/${grid.id}`} className="text-brand-700 underline underline-offset-2">
      {grid.name}
    </Link>
  ) : (
    <>{grid.name}</>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { GridForm } from "@/components/grids/grid-form";
import { Card, CardBody } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { getGridAccess, gridFormOptions, listOfficers } from "@/lib/grids/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("grids"))("edit") };
}

/** Only the managers above the grid (and admins) edit it; anyone else gets a 404. */
export default async function EditGridPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("manager");
  const { id } = await params;
  const db = getDb();
  const access = await getGridAccess(db, viewer, id);
  if (!access?.canManage) notFound();
  const [t, options, officers] = await Promise.all([getTranslations("grids"), gridFormOptions(db, viewer), listOfficers(db, [id])]);
  const { grid } = access;
  // People already serving on the grid stay choosable, even from a unit outside the viewer's scope.
  const people = [...options.people];
  for (const o of officers) if (!people.some((p) => p.id === o.userId)) people.push({ id: o.userId, name: o.displayName, username: o.username, unitName: o.unitName });
  return (
    <div className="space-y-4">
      <BackLink href={`/grids/${grid.id}`}>{t("backToGrid")}</BackLink>
      <PageHeader title={t("editTitle", { name: grid.name })} />
      <Card>
        <CardBody>
          <GridForm
            options={{ ...options, people }}
            grid={{
              id: grid.id,
              name: grid.name,
              code: grid.code,
              area: grid.area,
              unitId: grid.unitId,
              sortOrder: grid.sortOrder,
              version: grid.version,
              officers: officers.map((o) => ({ userId: o.userId, role: o.role })),
            }}
          />
        </CardBody>
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { GridForm } from "@/components/grids/grid-form";
import { Card, CardBody } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { gridFormOptions } from "@/lib/grids/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("grids"))("new") };
}

/** Managers and admins create grids (others get a 404). */
export default async function NewGridPage() {
  const viewer = await requirePageViewer("manager");
  const t = await getTranslations("grids");
  const options = await gridFormOptions(getDb(), viewer);
  return (
    <div className="space-y-4">
      <BackLink href="/grids">{t("back")}</BackLink>
      <PageHeader title={t("new")} />
      <Card>
        <CardBody>
          <GridForm options={options} />
        </CardBody>
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RequestForm } from "@/components/grids/request-form";
import { Card, CardBody } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { getGridAccess, listGridEnterprises } from "@/lib/grids/queries";
import { formatDateTime } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("grids"))("newRequest") };
}

/** The grid's officers and the managers above it log requests; anyone else gets a 404. */
export default async function NewRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer();
  const { id } = await params;
  const db = getDb();
  const access = await getGridAccess(db, viewer, id);
  if (!access?.canHandle) notFound();
  const [t, enterprises] = await Promise.all([getTranslations("grids"), listGridEnterprises(db, viewer, id)]);
  return (
    <div className="space-y-4">
      <BackLink href={`/grids/${id}`}>{t("backToGrid")}</BackLink>
      <PageHeader title={t("newRequest")} description={access.grid.name} />
      <Card>
        <CardBody>
          {enterprises.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noEnterprisesToLog")}</p>
          ) : (
            <RequestForm gridId={id} enterprises={enterprises.map((e) => ({ id: e.id, name: e.name }))} nowLocal={formatDateTime(new Date()).replace(" ", "T")} />
          )}
        </CardBody>
      </Card>
    </div>
  );
}

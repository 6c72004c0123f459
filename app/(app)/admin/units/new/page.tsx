import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { UnitForm } from "@/components/admin/unit-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { getUnitTree } from "@/lib/units/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("units"))("new") };
}

export default async function NewUnitPage() {
  await requirePageViewer("admin");
  const t = await getTranslations("units");
  const units = await getUnitTree(getDb());
  return (
    <div>
      <Link href="/admin/units" className="text-sm text-brand-700 underline underline-offset-2">← {t("back")}</Link>
      <div className="mt-3">
        <PageHeader title={t("new")} />
      </div>
      <Card>
        <CardBody>
          <UnitForm units={units.map(({ id, name, depth }) => ({ id, name, depth }))} />
        </CardBody>
      </Card>
    </div>
  );
}

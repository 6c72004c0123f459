import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HistoryList, show } from "@/components/admin/history-list";
import { UnitForm } from "@/components/admin/unit-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { listEntityHistory } from "@/lib/audit/queries";
import { requirePageViewer } from "@/lib/auth/page";
import { unitFormValues } from "@/lib/units/validation";
import { getUnitTree } from "@/lib/units/queries";
import { subtreeIds } from "@/lib/units/tree";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("units"))("edit") };
}

export default async function EditUnitPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageViewer("admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const [units, history] = await Promise.all([getUnitTree(db), listEntityHistory(db, "unit", id)]);
  const unit = units.find((u) => u.id === id);
  if (!unit) notFound();
  const t = await getTranslations("units");
  const names = new Map(units.map((u) => [u.id, u.name]));
  return (
    <div className="space-y-5">
      <BackLink href="/admin/units">{t("back")}</BackLink>
      <PageHeader title={unit.name} />
      <Card>
        <CardBody>
          <UnitForm
            units={units.map(({ id, name, depth }) => ({ id, name, depth }))}
            exclude={[...subtreeIds(units, unit.id)]}
            unit={{ id: unit.id, ...unitFormValues(unit) }}
          />
        </CardBody>
      </Card>
      <Card aria-labelledby="history-heading">
        <CardHeader id="history-heading" title={(await getTranslations("users"))("history")} />
        <CardBody>
          <HistoryList
            entries={history}
            fieldLabels={{ name: t("name"), code: t("code"), parentId: t("parent"), sortOrder: t("sortOrder") }}
            format={(v, field) => (field === "parentId" && typeof v === "string" ? (names.get(v) ?? v) : show(v))}
          />
        </CardBody>
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StageLabelsForm } from "@/components/admin/stage-labels-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { MESSAGES } from "@/lib/i18n/messages";
import { listStageLabels } from "@/lib/reference/stage-labels";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stageLabels"))("title") };
}

/** Administrators rename the pipeline stages to the district's usage and hide those it does not use; keys stay fixed. */
export default async function StageLabelsPage() {
  await requirePageViewer("admin");
  const t = await getTranslations("stageLabels");
  const rows = await listStageLabels(getDb());
  const builtIn = MESSAGES["zh-CN"].stages as Record<string, string>;
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        <CardBody>
          <StageLabelsForm rows={rows.map((r) => ({ ...r, builtIn: builtIn[r.stage]! }))} />
        </CardBody>
      </Card>
    </div>
  );
}

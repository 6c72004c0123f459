import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { formatDateTime } from "@/lib/i18n/format";
import { reviewQueue } from "@/lib/milestones/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reviews"))("title") };
}

/** 待审核: stage reports from the units below the viewer's, waiting for approval, oldest first. */
export default async function ReviewsPage() {
  const viewer = await requirePageViewer("manager");
  const [t, items] = await Promise.all([getTranslations(), reviewQueue(getDb(), viewer)]);
  return (
    <div>
      <PageHeader title={t("reviews.title")} description={t("reviews.description")} />
      <Card>
        <p className="px-4 py-2 text-sm text-slate-600" role="status">
          {t("reviews.count", { count: items.length })}
        </p>
        {items.length === 0 ? (
          <p className="px-4 pb-8 pt-4 text-center text-sm text-slate-500">{t("reviews.empty")}</p>
        ) : (
          <Table label={t("reviews.title")}>
            <thead>
              <tr>
                <Th>{t("reviews.project")}</Th>
                <Th>{t("reviews.unit")}</Th>
                <Th>{t("reviews.stage")}</Th>
                <Th>{t("reviews.actualDate")}</Th>
                <Th>{t("reviews.submitted")}</Th>
                <Th>
                  <span className="sr-only">{t("reviews.open")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} className="hover:bg-slate-50">
                  <Td className="min-w-48">
                    <Link href={`/projects/${r.projectId}`} className="font-medium text-brand-700 hover:underline">
                      {r.projectName}
                    </Link>
                    <p className="text-xs text-slate-500">{r.enterpriseName}</p>
                  </Td>
                  <Td className="whitespace-nowrap">{r.unitName}</Td>
                  <Td className="whitespace-nowrap">
                    {t(`stages.${r.projectStage}`)} → <strong>{t(`stages.${r.stage}`)}</strong>
                  </Td>
                  <Td className="whitespace-nowrap tabular-nums">{r.actualDate}</Td>
                  <Td className="whitespace-nowrap text-slate-600">
                    {r.submittedBy} · {formatDateTime(r.submittedAt)}
                  </Td>
                  <Td className="whitespace-nowrap">
                    <Link href={`/projects/${r.projectId}#milestones-heading`} className="text-brand-700 hover:underline">
                      {t("reviews.open")}
                    </Link>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}

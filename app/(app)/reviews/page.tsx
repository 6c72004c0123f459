import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReviewQueue } from "@/components/milestones/review-queue";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { reviewQueue } from "@/lib/milestones/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reviews"))("title") };
}

/** 待审核: stage reports from the units below the viewer's, waiting for approval, oldest first; several may be approved at once. */
export default async function ReviewsPage() {
  const viewer = await requirePageViewer("manager");
  const [t, items] = await Promise.all([getTranslations(), reviewQueue(getDb(), viewer)]);
  return (
    <div>
      <PageHeader title={t("reviews.title")} description={t("reviews.description")} />
      <Card>
        <ReviewQueue items={items} />
      </Card>
    </div>
  );
}

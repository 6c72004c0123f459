import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ParkForm } from "@/components/land/park-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { listChains } from "@/lib/reference/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("parks"))("new") };
}

export default async function NewParkPage() {
  await requirePageViewer("admin");
  const [t, chains] = await Promise.all([getTranslations("parks"), listChains(getDb())]);
  return (
    <div>
      <Link href="/parks" className="text-sm text-brand-700 underline underline-offset-2">
        ← {t("back")}
      </Link>
      <div className="mt-3">
        <PageHeader title={t("new")} />
      </div>
      <Card>
        <CardBody>
          <ParkForm chains={chains} />
        </CardBody>
      </Card>
    </div>
  );
}

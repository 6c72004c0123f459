import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ChainForm } from "@/components/admin/chain-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chains"))("new") };
}

export default async function NewChainPage() {
  await requirePageViewer("admin");
  const t = await getTranslations("chains");
  return (
    <div>
      <Link href="/admin/chains" className="text-sm text-brand-700 underline underline-offset-2">
        ← {t("back")}
      </Link>
      <div className="mt-3">
        <PageHeader title={t("new")} />
      </div>
      <Card>
        <CardBody>
          <ChainForm />
        </CardBody>
      </Card>
    </div>
  );
}

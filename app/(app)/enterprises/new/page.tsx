import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { EnterpriseForm } from "@/components/enterprises/enterprise-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("enterprises"))("new") };
}

export default async function NewEnterprisePage() {
  await requirePageViewer();
  const t = await getTranslations("enterprises");
  return (
    <div>
      <Link href="/enterprises" className="text-sm text-brand-700 underline underline-offset-2">← {t("back")}</Link>
      <div className="mt-3">
        <PageHeader title={t("new")} />
      </div>
      <Card>
        <CardBody>
          <EnterpriseForm />
        </CardBody>
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { TemplateForm } from "@/components/workflows/template-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templates"))("new") };
}

export default async function NewTemplatePage() {
  await requirePageViewer("admin");
  const t = await getTranslations("templates");
  return (
    <div>
      <Link href="/admin/templates" className="text-sm text-brand-700 underline underline-offset-2">
        ← {t("back")}
      </Link>
      <div className="mt-3">
        <PageHeader title={t("new")} description={t("newIntro")} />
      </div>
      <Card>
        <CardBody>
          <TemplateForm />
        </CardBody>
      </Card>
    </div>
  );
}

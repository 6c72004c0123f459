import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TemplateForm } from "@/components/workflows/template-form";
import { FormPage } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templates"))("new") };
}

export default async function NewTemplatePage() {
  await requirePageViewer("admin");
  const t = await getTranslations("templates");
  return (
    <FormPage back="/admin/templates" backLabel={t("back")} title={t("new")} description={t("newIntro")}>
      <TemplateForm />
    </FormPage>
  );
}

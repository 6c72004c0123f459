import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EnterpriseForm } from "@/components/enterprises/enterprise-form";
import { FormPage } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("enterprises"))("new") };
}

export default async function NewEnterprisePage() {
  await requirePageViewer();
  const t = await getTranslations("enterprises");
  return (
    <FormPage back="/enterprises" backLabel={t("back")} title={t("new")}>
      <EnterpriseForm />
    </FormPage>
  );
}

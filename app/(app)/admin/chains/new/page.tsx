import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChainForm } from "@/components/admin/chain-form";
import { FormPage } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chains"))("new") };
}

export default async function NewChainPage() {
  await requirePageViewer("admin");
  const t = await getTranslations("chains");
  return (
    <FormPage back="/admin/chains" backLabel={t("back")} title={t("new")}>
      <ChainForm />
    </FormPage>
  );
}

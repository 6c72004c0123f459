import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EnterpriseForm } from "@/components/enterprises/enterprise-form";
import { enterpriseFormValues } from "@/lib/enterprises/validation";
import { FormPage } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { getEnterprise } from "@/lib/enterprises/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("enterprises"))("edit") };
}

export default async function EditEnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const e = await getEnterprise(getDb(), viewer, id);
  if (!e) notFound();
  const t = await getTranslations("enterprises");
  return (
    <FormPage back={`/enterprises/${e.id}`} backLabel={t("backToDetail")} title={`${t("edit")}：${e.name}`}>
      <EnterpriseForm
        enterprise={{ id: e.id, ...enterpriseFormValues(e) }}
      />
    </FormPage>
  );
}

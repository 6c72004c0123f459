import type { Metadata } from "next";
import { eq } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ChainForm } from "@/components/admin/chain-form";
import { FormPage } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { industryChains } from "@/db/schema";
import { requirePageViewer } from "@/lib/auth/page";
import { chainFormValues } from "@/lib/reference/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chains"))("edit") };
}

export default async function EditChainPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageViewer("admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [chain] = await getDb().select().from(industryChains).where(eq(industryChains.id, id));
  if (!chain) notFound();
  const t = await getTranslations("chains");
  return (
    <FormPage back="/admin/chains" backLabel={t("back")} title={chain.name}>
      <ChainForm chain={{ id: chain.id, ...chainFormValues(chain) }} />
    </FormPage>
  );
}

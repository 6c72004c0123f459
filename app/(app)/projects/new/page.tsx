import type { Metadata } from "next";
import { and, eq } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ProjectForm } from "@/components/projects/project-form";
import { FormPage } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { enterprises } from "@/db/schema";
import { requirePageViewer } from "@/lib/auth/page";
import { scopeOf } from "@/lib/auth/scope";
import { visibleEnterprises } from "@/lib/enterprises/scope";
import { projectFormOptions } from "@/lib/projects/options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("projects"))("new") };
}

/** ?enterprise=<id> (from an enterprise's page) starts the form with that investor chosen. */
export default async function NewProjectPage({ searchParams }: { searchParams: Promise<{ enterprise?: string }> }) {
  const viewer = await requirePageViewer();
  const db = getDb();
  const t = await getTranslations("projects");
  const { enterprise: enterpriseId } = await searchParams;
  const [options, scope] = await Promise.all([projectFormOptions(db, viewer), scopeOf(db, viewer)]);
  const [enterprise] =
    enterpriseId && z.uuid().safeParse(enterpriseId).success
      ? await db
          .select({ id: enterprises.id, name: enterprises.name })
          .from(enterprises)
          .where(and(eq(enterprises.id, enterpriseId), visibleEnterprises(scope)))
      : [];
  return (
    <FormPage back="/projects" backLabel={t("back")} title={t("new")}>
      <ProjectForm options={options} defaults={{ ownerId: viewer.id, unitId: viewer.unitId, enterprise: enterprise ?? null }} />
    </FormPage>
  );
}

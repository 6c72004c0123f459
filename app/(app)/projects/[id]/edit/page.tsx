import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ProjectForm } from "@/components/projects/project-form";
import { FormPage } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { yuanToYiInput } from "@/lib/money";
import { projectFormOptions } from "@/lib/projects/options";
import { getProject } from "@/lib/projects/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("projects"))("edit") };
}

export default async function EditProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const [project, options] = await Promise.all([getProject(db, viewer, id), projectFormOptions(db, viewer)]);
  if (!project) notFound();
  const t = await getTranslations("projects");
  return (
    <FormPage back={`/projects/${id}`} backLabel={project.name} title={t("edit")}>
      <ProjectForm
        options={options}
        defaults={{ ownerId: project.ownerId, unitId: project.unitId }}
        project={{
          id: project.id,
          name: project.name,
          enterpriseId: project.enterpriseId,
          enterpriseName: project.enterpriseName,
          industryChainId: project.industryChainId ?? "",
          sourceEventId: project.sourceEventId ?? "",
          source: project.source,
          totalInvestmentYi: yuanToYiInput(project.totalInvestment),
          capitalOrigin: project.capitalOrigin,
          ownerId: project.ownerId,
          unitId: project.unitId,
          responsibleLeader: project.responsibleLeader,
          isKey: project.isKey,
          expectedSigningDate: project.expectedSigningDate ?? "",
          description: project.description,
          version: project.version,
        }}
      />
    </FormPage>
  );
}

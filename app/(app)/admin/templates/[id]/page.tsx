import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { ProgressBar } from "@/components/workflows/progress";
import { TemplateForm } from "@/components/workflows/template-form";
import { TemplateItems } from "@/components/workflows/template-items";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { checklistsOfTemplate, getTemplate } from "@/lib/workflows/queries";
import { percentDone } from "@/lib/workflows/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templates"))("edit") };
}

/** One template: its fields, its items edited in place, and the checklists started from it (each keeping its revision). */
export default async function TemplatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  await requirePageViewer("admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const [template, used] = await Promise.all([getTemplate(db, id), checklistsOfTemplate(db, id)]);
  if (!template) notFound();
  const t = await getTranslations();
  const { created } = await searchParams;
  return (
    <div className="space-y-5">
      <BackLink href="/admin/templates">{t("templates.back")}</BackLink>
      <PageHeader
        title={template.name}
        description={t(`templateKinds.${template.kind}`)}
        actions={
          <span className="flex flex-wrap gap-2">
            <Badge tone="blue" data-testid="template-revision">
              {t("templates.revisionN", { revision: template.revision })}
            </Badge>
            <Badge tone={template.active ? "green" : "grey"}>{template.active ? t("templates.active") : t("templates.inactive")}</Badge>
          </span>
        }
      />
      {created && <Alert tone="success">{t("templates.created")}</Alert>}
      <Alert tone="info">{t("templates.versioning", { revision: template.revision })}</Alert>
      <Card aria-labelledby="template-fields-heading">
        <CardHeader id="template-fields-heading" title={t("templates.fields")} />
        <CardBody>
          <TemplateForm
            template={{ id: template.id, name: template.name, code: template.code, kind: template.kind, description: template.description, phases: template.phases, active: template.active, version: template.version }}
          />
        </CardBody>
      </Card>
      <Card aria-labelledby="template-items-heading">
        <CardHeader id="template-items-heading" title={t("templates.itemsHeading", { count: template.items.length })} />
        <CardBody>
          <TemplateItems
            templateId={template.id}
            phases={template.phases}
            items={template.items.map((i) => ({
              id: i.id,
              phase: i.phase,
              category: i.category,
              title: i.title,
              description: i.description,
              responsibleDepartment: i.responsibleDepartment,
              dueOffsetDays: i.dueOffsetDays,
              dueAnchor: i.dueAnchor,
              evidenceRequired: i.evidenceRequired,
              version: i.version,
            }))}
          />
        </CardBody>
      </Card>
      <Card aria-labelledby="template-used-heading">
        <CardHeader id="template-used-heading" title={t("templates.usedBy", { count: used.length })} />
        {used.length === 0 ? (
          <CardBody>
            <p className="text-sm text-slate-500">{t("templates.notUsed")}</p>
          </CardBody>
        ) : (
          <Table label={t("templates.usedBy", { count: used.length })}>
            <thead>
              <tr>
                <Th>{t("checklists.target")}</Th>
                <Th>{t("checklists.startedFrom")}</Th>
                <Th>{t("checklists.startedOn")}</Th>
                <Th className="min-w-40">{t("checklists.progress")}</Th>
              </tr>
            </thead>
            <tbody>
              {used.map((c) => (
                <tr key={c.id}>
                  <Td>
                    <Link href={`/checklists/${c.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {c.projectName ?? [c.parkName, c.zoneName].filter(Boolean).join(" · ")}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap">
                    {t("templates.revisionN", { revision: c.templateRevision })}
                    {c.templateRevision < template.revision && <span className="ml-1 text-xs text-slate-500">{t("templates.keepsOwn")}</span>}
                  </Td>
                  <Td className="tabular-nums">{c.startedOn}</Td>
                  <Td>
                    <ProgressBar percent={percentDone(c.done, c.total)} label={t("checklists.progressOf", { name: c.projectName ?? c.parkName ?? c.name })} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}

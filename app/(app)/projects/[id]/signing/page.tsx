import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HistoryList } from "@/components/admin/history-list";
import { SigningForm } from "@/components/signings/signing-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { auditNames } from "@/lib/audit/log";
import { listEntityHistory } from "@/lib/audit/queries";
import { requirePageViewer } from "@/lib/auth/page";
import { getProject } from "@/lib/projects/queries";
import { getSigning, signingFormOptions } from "@/lib/signings/queries";
import { signingHistoryFields } from "@/lib/signings/history-fields";
import { signingFormValues } from "@/lib/signings/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signing"))("edit") };
}

export default async function EditSigningPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const project = await getProject(db, viewer, id);
  if (!project) notFound();
  const [signing, options, history, t] = await Promise.all([getSigning(db, id), signingFormOptions(db, viewer), listEntityHistory(db, "signing", id, 50), getTranslations()]);
  if (!signing) notFound();

  const { labels, format } = signingHistoryFields(t, await auditNames(db, history));

  return (
    <div>
      <BackLink href={`/projects/${id}`}>{project.name}</BackLink>
      <div className="mt-3">
        <PageHeader title={t("signing.editTitle", { name: project.name })} />
      </div>
      <div className="grid gap-5 lg:grid-cols-[1fr_22rem]">
        <Card>
          <CardBody>
            <SigningForm
              projectId={id}
              options={options}
              values={signingFormValues(signing, project.responsibleLeader)}
            />
          </CardBody>
        </Card>
        <Card aria-labelledby="signing-history">
          <CardHeader id="signing-history" title={t("signing.history")} />
          <CardBody>
            {history.length ? <HistoryList entries={history} fieldLabels={labels} format={format} /> : <p className="text-sm text-slate-500">{t("signing.noHistory")}</p>}
          </CardBody>
        </Card>
      </div>
    </div>
  );
}

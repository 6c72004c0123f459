import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HistoryList } from "@/components/admin/history-list";
import { SigningForm } from "@/components/signings/signing-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { listEntityHistory } from "@/lib/audit/queries";
import { requirePageViewer } from "@/lib/auth/page";
import { yuanToYi } from "@/lib/money";
import { getProject } from "@/lib/projects/queries";
import { getSigning, signingFormOptions } from "@/lib/signings/queries";
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

  const names = new Map<string, string>([...options.events.map((e) => [e.id, e.name] as const), ...options.people.map((p) => [p.id, p.name] as const), ...options.units.map((u) => [u.id, u.name] as const)]);
  const format = (value: unknown, field: string) => {
    if (value === null || value === undefined || value === "") return t("projects.none");
    if (field === "contractInvestment" || field === "phase1Investment") return `${yuanToYi(String(value))} ${t("projects.yi")}`;
    if (field === "agreementType") return t(`agreementTypes.${value as "investment"}`);
    if (typeof value === "string" && names.has(value)) return names.get(value)!;
    return String(value);
  };
  const labels = {
    signingDate: t("signing.signingDate"),
    agreementType: t("signing.agreementType"),
    contractInvestment: t("projects.contractAmount"),
    phase1Investment: t("signing.phase1Investment"),
    eventId: t("signing.event"),
    stewardId: t("signing.steward"),
    responsibleUnitId: t("signing.responsibleUnit"),
    responsibleLeader: t("signing.responsibleLeader"),
    progress: t("signing.progress"),
    issues: t("signing.issues"),
    note: t("signing.note"),
  };

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

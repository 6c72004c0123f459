import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ContactsList } from "@/components/enterprises/contacts-list";
import { EnterpriseHistory, type HistoryEntry } from "@/components/enterprises/enterprise-history";
import { EnterpriseProjects } from "@/components/enterprises/enterprise-projects";
import { EnterpriseGrid } from "@/components/grids/enterprise-grid";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ArchiveButton } from "@/components/archive/archive-button";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { listEntityHistory } from "@/lib/audit/queries";
import { requirePageViewer } from "@/lib/auth/page";
import { getEnterprise, historyGridNames, listContactHistory, listContacts, listEnterpriseProjects } from "@/lib/enterprises/queries";
import { usccWarning } from "@/lib/enterprises/validation";
import { formatDateTime } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("enterprises"))("details") };
}

export default async function EnterprisePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; saved?: string }>;
}) {
  const viewer = await requirePageViewer();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const e = await getEnterprise(db, viewer, id);
  if (!e) notFound();
  const [contacts, projects, own, ofContacts] = await Promise.all([
    listContacts(db, viewer, id),
    listEnterpriseProjects(db, viewer, id),
    listEntityHistory(db, "enterprise", id),
    listContactHistory(db, id),
  ]);
  const history: HistoryEntry[] = [...own.map((h) => ({ ...h, kind: "enterprise" as const })), ...ofContacts.map((h) => ({ ...h, kind: "contact" as const }))]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, 30);
  const gridNames = await historyGridNames(db, viewer, history);
  const t = await getTranslations();
  const { created, saved } = await searchParams;
  const none = t("enterprises.none");
  const website = e.website ? (/^https?:\/\//i.test(e.website) ? e.website : `http://${e.website}`) : null;
  const warning = usccWarning(e.uscc);

  const details: [string, React.ReactNode][] = [
    [t("enterprises.uscc"), e.uscc ? <span className="font-mono">{e.uscc}{warning && <span className="ml-2 font-sans text-xs text-amber-800">{t(warning as "enterprises.warnings.usccChecksum")}</span>}</span> : none],
    [t("enterprises.ownershipType"), e.ownershipType ? t(`ownershipTypes.${e.ownershipType}`) : none],
    [t("enterprises.headquarters"), e.headquarters || none],
    [t("enterprises.industryCode"), e.industryCode ? <span className="font-mono">{e.industryCode}</span> : none],
    [t("enterprises.website"), website ? <a href={website} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline underline-offset-2">{e.website}<span className="sr-only">{t("enterprises.opensInNewTab")}</span></a> : none],
    [t("enterprises.unit"), e.unitName],
    [t("grids.grid"), <EnterpriseGrid key="grid" enterpriseId={e.id} />],
    [t("enterprises.createdBy"), `${e.createdByName ?? none} · ${formatDateTime(e.createdAt)}`],
    [t("enterprises.updatedAt"), formatDateTime(e.updatedAt)],
  ];

  return (
    <div className="space-y-5">
      <BackLink href="/enterprises">{t("enterprises.back")}</BackLink>
      <PageHeader
        title={e.name}
        actions={
          <>
            <ButtonLink href={`/enterprises/${e.id}/edit`} variant="secondary">
              {t("enterprises.edit")}
            </ButtonLink>
            <ButtonLink href={`/projects/new?enterprise=${e.id}`}>{t("projects.new")}</ButtonLink>
            <ArchiveButton type="enterprise" id={e.id} version={e.version} name={e.name} />
          </>
        }
      />
      {e.tags.length > 0 && (
        <ul className="-mt-3 flex flex-wrap gap-1" aria-label={t("enterprises.tags")}>
          {e.tags.map((tag) => <li key={tag}><Badge tone="blue">{tag}</Badge></li>)}
        </ul>
      )}
      {created && <Alert tone="success">{t("enterprises.created")}</Alert>}
      {saved && <Alert tone="success">{t("enterprises.saved")}</Alert>}
      <div className="grid gap-5 lg:grid-cols-2">
        <Card aria-labelledby="details-heading">
          <CardHeader id="details-heading" title={t("enterprises.details")} />
          <CardBody>
            <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
              {details.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-500">{label}</dt>
                  <dd className="break-words text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
            {e.notes && (
              <div className="mt-3 text-sm">
                <p className="text-slate-500">{t("enterprises.notes")}</p>
                <p className="whitespace-pre-wrap text-slate-900">{e.notes}</p>
              </div>
            )}
          </CardBody>
        </Card>
        <Card aria-labelledby="contacts-heading">
          <CardHeader id="contacts-heading" title={t("contacts.title")} />
          <CardBody>
            <ContactsList enterpriseId={e.id} contacts={contacts} />
          </CardBody>
        </Card>
      </div>
      <Card aria-labelledby="projects-heading">
        <CardHeader id="projects-heading" title={t("enterprises.projects")} />
        <EnterpriseProjects rows={projects} />
      </Card>
      <Card aria-labelledby="history-heading">
        <CardHeader id="history-heading" title={t("enterprises.history")} />
        <CardBody>
          <EnterpriseHistory entries={history} gridNames={gridNames} />
        </CardBody>
      </Card>
    </div>
  );
}

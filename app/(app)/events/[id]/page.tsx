import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EventLeads } from "@/components/events/event-leads";
import { EventSigned } from "@/components/events/event-signed";
import { MetProjects } from "@/components/events/met-projects";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ArchiveButton } from "@/components/archive/archive-button";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { BackLink } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { scopeOf } from "@/lib/auth/scope";
import { eventLeadConversion, getEvent, listMetProjects } from "@/lib/events/queries";
import { mayEditEvent } from "@/lib/events/service";
import { listProjects } from "@/lib/projects/queries";
import { projectListSchema } from "@/lib/projects/validation";
import { listSignedProjects } from "@/lib/signed/queries";
import { signedListSchema } from "@/lib/signed/validation";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await requirePageViewer();
  const { id } = await params;
  const event = z.uuid().safeParse(id).success ? await getEvent(getDb(), id) : null;
  return { title: event?.name ?? (await getTranslations("events"))("title") };
}

type Search = { created?: string; saved?: string; linked?: string; unlinked?: string; error?: string; q?: string };

export default async function EventPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const viewer = await requirePageViewer();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const event = await getEvent(db, id);
  if (!event) notFound();
  const search = await searchParams;
  const q = typeof search.q === "string" ? search.q.trim().slice(0, 100) : "";
  const canLink = hasRole(viewer, "manager");
  const [t, scope, signed, met, candidates, leads, conversion] = await Promise.all([
    getTranslations(),
    scopeOf(db, viewer),
    // Up to 200 here; the signed list has them all, with the export.
    listSignedProjects(db, viewer, signedListSchema.parse({ event: id, sort: "name", dir: "asc", size: "200" })),
    listMetProjects(db, viewer, id),
    canLink && q ? listProjects(db, viewer, projectListSchema.parse({ q, size: "20" })).then((r) => r.rows) : Promise.resolve(null),
    // Up to 200 here; /projects?sourceEvent= has them all.
    listProjects(db, viewer, projectListSchema.parse({ sourceEvent: id, sort: "name", dir: "asc", size: "200" })).then((r) => r.rows),
    eventLeadConversion(db, viewer, id),
  ]);
  const editable = mayEditEvent(viewer, scope, event);
  const message = (key: string | undefined) => (key && t.has(key as never) ? t(key as never) : t("errors.server"));
  const facts: [string, React.ReactNode][] = [
    [t("events.heldOn"), event.heldOn],
    [t("events.kind"), t(`events.kinds.${event.kind}`)],
    [t("events.place"), event.place || t("projects.none")],
    [t("events.hostUnit"), event.hostUnitName ?? t("projects.none")],
  ];

  return (
    <div className="space-y-5">
      <BackLink href="/events">{t("events.back")}</BackLink>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{event.name}</h1>
          <p className="mt-1.5 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <Badge tone={event.kind === "signing_ceremony" ? "green" : "blue"}>{t(`events.kinds.${event.kind}`)}</Badge>
            <span className="tabular-nums">{event.heldOn}</span>
            {event.place && <span>{event.place}</span>}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <ButtonLink href={`/signed?event=${event.id}`} variant="secondary">
            {t("events.viewSignedList")}
          </ButtonLink>
          {editable && (
            <ButtonLink href={`/events/${event.id}/edit`} variant="secondary">
              {t("events.edit")}
            </ButtonLink>
          )}
          {editable && <ArchiveButton type="event" id={event.id} version={event.version} name={event.name} />}
        </div>
      </div>
      {search.created && <Alert tone="success">{t("events.created")}</Alert>}
      {search.saved && <Alert tone="success">{t("events.saved")}</Alert>}

      <Card aria-labelledby="facts-title">
        <CardHeader id="facts-title" title={t("events.facts")} />
        <CardBody>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm lg:grid-cols-4">
            {facts.map(([k, v]) => (
              <div key={k}>
                <dt className="text-slate-500">{k}</dt>
                <dd className="mt-0.5 text-slate-900">{v}</dd>
              </div>
            ))}
          </dl>
          {event.description && <p className="mt-4 text-sm whitespace-pre-line text-slate-700">{event.description}</p>}
          {!canLink && <p className="mt-4 text-xs text-slate-500">{t("events.readOnly")}</p>}
        </CardBody>
      </Card>

      <Card aria-labelledby="signed-title">
        <CardHeader id="signed-title" title={t("events.signed")} actions={<span className="hidden text-xs text-slate-500 sm:inline">{t("events.signedHint")}</span>} />
        <EventSigned rows={signed.rows} totals={signed.totals} />
      </Card>

      <Card id="leads" aria-labelledby="leads-title">
        <CardHeader id="leads-title" title={t("events.leads")} actions={<span className="hidden text-xs text-slate-500 sm:inline">{t("events.leadsHint")}</span>} />
        <EventLeads eventId={event.id} rows={leads} conversion={conversion} />
      </Card>

      <Card id="met" aria-labelledby="met-title">
        <CardHeader id="met-title" title={t("events.met")} />
        {search.linked && <Alert tone="success" className="m-4">{t("events.linked")}</Alert>}
        {search.unlinked && <Alert tone="success" className="m-4">{t("events.unlinked")}</Alert>}
        {search.error && <Alert tone="error" className="m-4">{message(search.error)}</Alert>}
        <MetProjects eventId={event.id} met={met} editable={canLink} q={q} candidates={candidates} />
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { MilestoneList } from "@/components/milestones/milestone-list";
import { ProjectLandCard } from "@/components/land/project-land-card";
import { ActivityForm } from "@/components/projects/activity-form";
import { ProjectActions } from "@/components/projects/project-actions";
import { StageBadge } from "@/components/projects/stage-badge";
import { StageStepper } from "@/components/projects/stage-stepper";
import { TaskForm } from "@/components/projects/task-form";
import { TaskList } from "@/components/projects/task-list";
import { Timeline } from "@/components/projects/timeline";
import { FundsCard } from "@/components/signings/funds-card";
import { SigningCard } from "@/components/signings/signing-card";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ArchiveButton } from "@/components/archive/archive-button";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ChecklistsCard } from "@/components/workflows/checklists-card";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { formatDateTime, todayInChina } from "@/lib/i18n/format";
import { projectMilestones, reportParcelOptions, reviewerOf } from "@/lib/milestones/queries";
import { isOver100m, yuanToYi } from "@/lib/money";
import { projectFormOptions } from "@/lib/projects/options";
import { getProject, reachedStages } from "@/lib/projects/queries";
import { hiddenStages, listStageLabels } from "@/lib/reference/stage-labels";
import { enterpriseContacts, getTimeline, namesForEdits, projectTasks } from "@/lib/projects/timeline";
import { timelineFormatter } from "@/lib/projects/timeline-format";
import { getSigning, listFunds } from "@/lib/signings/queries";
import { FactList } from "@/components/ui/fact-list";
import { BackLink } from "@/components/ui/page-header";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const viewer = await requirePageViewer();
  const { id } = await params;
  const project = z.uuid().safeParse(id).success ? await getProject(getDb(), viewer, id) : null;
  return { title: project?.name ?? (await getTranslations("projects"))("title") };
}

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const viewer = await requirePageViewer();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const project = await getProject(db, viewer, id);
  if (!project) notFound();

  const [t, timeline, tasks, contacts, options, reached, stageRows] = await Promise.all([
    getTranslations(),
    getTimeline(db, id),
    projectTasks(db, id),
    enterpriseContacts(db, project.enterpriseId),
    projectFormOptions(db, viewer),
    reachedStages(db, id),
    listStageLabels(db),
  ]);
  const signed = project.signingDate !== null;
  const [names, signing, milestones, parcels, funds, reviewer] = await Promise.all([
    namesForEdits(db, timeline),
    signed ? getSigning(db, id) : null,
    signed ? projectMilestones(db, id) : [],
    signed ? reportParcelOptions(db, id) : [],
    signed ? listFunds(db, id) : null,
    reviewerOf(db, viewer, project.unitId),
  ]);
  const chainNames = new Map(options.chains.map((c) => [c.id, c.name]));
  const unitNames = new Map(options.units.map((u) => [u.id, u.name]));
  const format = timelineFormatter(t, names, chainNames, unitNames);
  const today = todayInChina();
  const { saved } = await searchParams;
  const facts: [string, React.ReactNode][] = [
    [t("projects.enterprise"), <Link key="e" href={`/enterprises/${project.enterpriseId}`} className="text-brand-700 hover:underline">{project.enterpriseName}</Link>],
    [t("projects.totalInvestmentShort"), `${yuanToYi(project.totalInvestment)} ${t("projects.yi")}`],
    [t("projects.chain"), project.chainName ?? t("projects.none")],
    [t("projects.source"), t(`sources.${project.source}`)],
    [
      t("projects.sourceEvent"),
      project.sourceEventId && project.sourceEventName ? (
        <Link key="se" href={`/events/${project.sourceEventId}`} className="text-brand-700 hover:underline">
          {project.sourceEventName}
        </Link>
      ) : (
        t("projects.none")
      ),
    ],
    [t("projects.capitalOrigin"), t(`capitalOrigins.${project.capitalOrigin}`)],
    [t("projects.owner"), project.ownerName],
    [t("projects.unit"), project.unitName],
    [t("projects.responsibleLeader"), project.responsibleLeader || t("projects.none")],
    [t("projects.expectedSigningDate"), project.expectedSigningDate ?? t("projects.none")],
    [t("projects.updatedAt"), formatDateTime(project.updatedAt)],
  ];

  return (
    <div className="space-y-5">
      <BackLink href="/projects">{t("projects.back")}</BackLink>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{project.name}</h1>
          <div className="mt-1.5 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <StageBadge stage={project.stage} status={project.status} pending={milestones.filter((m) => m.report?.reviewStatus === "pending").map((m) => m.stage)} />
            {project.isKey && <Badge tone="amber">{t("projects.isKey")}</Badge>}
            {isOver100m(project.totalInvestment) && <Badge>{t("projects.over100m")}</Badge>}
            <span>
              {t("projects.totalInvestmentShort")} <strong className="tabular-nums text-slate-900">{yuanToYi(project.totalInvestment)}</strong> {t("projects.yi")}
            </span>
            {project.contractInvestment && (
              <span>
                {t("projects.contractAmount")} <strong className="tabular-nums text-slate-900">{yuanToYi(project.contractInvestment)}</strong> {t("projects.yi")}
              </span>
            )}
            <span>
              {t("projects.owner")} {project.ownerName}
            </span>
          </div>
          {project.status !== "active" && project.statusReason && (
            <p className="mt-1 text-sm text-amber-800">
              {t("projects.statusReason")}：{project.statusReason}
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <ButtonLink href={`/projects/${project.id}/edit`} variant="secondary">
            {t("projects.edit")}
          </ButtonLink>
          <ArchiveButton type="project" id={project.id} version={project.version} name={project.name} />
        </div>
      </div>
      {saved && <Alert tone="success">{t("projects.saved")}</Alert>}
      <StageStepper stage={project.stage} reached={reached} hidden={hiddenStages(stageRows)} />
      <ProjectActions
        project={{
          id: project.id,
          name: project.name,
          stage: project.stage,
          status: project.status,
          hasSigning: project.signingDate !== null,
          version: project.version,
        }}
        hidden={[...hiddenStages(stageRows)]}
      />
      <div className="grid gap-5 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-5">
          {signed && (
            <Card aria-labelledby="milestones-heading">
              <CardHeader id="milestones-heading" title={t("milestones.title")} />
              <CardBody className="space-y-3">
                <p className="text-sm text-slate-600">{t("milestones.intro")}</p>
                <MilestoneList
                  projectId={project.id}
                  projectName={project.name}
                  context={{ milestones, parcels, signingDate: project.signingDate, projectStage: project.stage }}
                  reviewable={milestones.filter((m) => m.report?.reviewStatus === "pending" && reviewer(m.report.submittedById)).map((m) => m.stage)}
                />
              </CardBody>
            </Card>
          )}
          {signed && <ChecklistsCard target={{ projectId: project.id }} />}
          <Card aria-labelledby="activity-heading">
            <CardHeader id="activity-heading" title={t("projects.addActivity")} />
            <CardBody>
              <ActivityForm projectId={project.id} today={today} />
            </CardBody>
          </Card>
          <Card aria-labelledby="timeline-heading">
            <CardHeader id="timeline-heading" title={t("projects.timeline")} />
            <CardBody>
              <Timeline items={timeline} format={format} />
            </CardBody>
          </Card>
        </div>
        <div className="min-w-0 space-y-5">
          <Card aria-labelledby="details-heading">
            <CardHeader id="details-heading" title={t("projects.details")} />
            <CardBody>
              <FactList facts={facts} />
              {project.description && <p className="mt-3 text-sm whitespace-pre-line text-slate-700">{project.description}</p>}
            </CardBody>
          </Card>
          {signing && <SigningCard projectId={project.id} signing={signing} unitName={project.unitName} />}
          {signing && funds && <FundsCard projectId={project.id} entries={funds.entries} total={funds.total} contractInvestment={signing.contractInvestment} />}
          <ProjectLandCard projectId={project.id} viewer={viewer} />
          <Card aria-labelledby="tasks-heading">
            <CardHeader id="tasks-heading" title={t("projects.tasks")} />
            <CardBody className="space-y-4">
              <TaskList tasks={tasks} today={today} emptyText={t("projects.noTasks")} />
              <TaskForm projectId={project.id} people={options.people} defaultAssignee={viewer.id} />
            </CardBody>
          </Card>
          <Card aria-labelledby="contacts-heading">
            <CardHeader id="contacts-heading" title={t("projects.contacts")} />
            <CardBody>
              {contacts.length === 0 ? (
                <p className="text-sm text-slate-500">{t("projects.noContacts")}</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {contacts.map((c) => (
                    <li key={c.id}>
                      <p className="font-medium">
                        {c.name}
                        {c.title && <span className="ml-1.5 font-normal text-slate-600">{c.title}</span>}
                      </p>
                      <p className="text-slate-600">{[c.phone, c.email, c.wechat && `微信 ${c.wechat}`].filter(Boolean).join(" · ")}</p>
                    </li>
                  ))}
                </ul>
              )}
              <Link href={`/enterprises/${project.enterpriseId}`} className="mt-3 inline-block text-sm text-brand-700 hover:underline">
                {t("projects.manageContacts")}
              </Link>
            </CardBody>
          </Card>
        </div>
      </div>
    </div>
  );
}

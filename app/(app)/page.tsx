import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { StageBadge } from "@/components/projects/stage-badge";
import { TaskList } from "@/components/projects/task-list";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { formatDateTime, todayInChina } from "@/lib/i18n/format";
import { reviewQueue } from "@/lib/milestones/queries";
import { myOpenTasks, myStalledProjects, recentProjects, stalledDays } from "@/lib/projects/my-work";
import { overdueServiceCount } from "@/lib/workflows/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("myWork"))("title") };
}

const DAY = 86_400_000;

export default async function MyWorkPage() {
  const viewer = await requirePageViewer();
  const t = await getTranslations();
  const db = getDb();
  const today = todayInChina();
  const days = stalledDays();
  const [tasks, stalled, recent, reviews, overdueService] = await Promise.all([
    myOpenTasks(db, viewer, today),
    myStalledProjects(db, viewer, days),
    recentProjects(db, viewer),
    hasRole(viewer, "manager") ? reviewQueue(db, viewer) : [],
    overdueServiceCount(db, viewer, today),
  ]);
  const overdue = tasks.filter((task) => task.dueDate !== null && task.dueDate < today).length;
  const now = new Date(`${today}T12:00:00+08:00`).getTime();

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">{t("home.greeting", { name: viewer.displayName })}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("home.summary", { unit: viewer.unitName, role: t(`roles.${viewer.role}`) })}</p>
      </div>
      {reviews.length > 0 && (
        <Alert tone="info" className="flex flex-wrap items-center justify-between gap-2">
          <span>{t("reviews.count", { count: reviews.length })}</span>
          <Link href="/reviews" className="font-medium text-brand-700 underline underline-offset-2">
            {t("reviews.title")}
          </Link>
        </Alert>
      )}
      {overdueService > 0 && (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="overdue-service">
          <span>{t("service.overdueOnHome", { count: overdueService })}</span>
          <Link href="/service?overdue=1" className="font-medium underline underline-offset-2">
            {t("service.viewOverdue")}
          </Link>
        </div>
      )}
      <div className="grid gap-5 lg:grid-cols-2">
        <Card aria-labelledby="tasks-heading">
          <CardHeader
            id="tasks-heading"
            title={t("myWork.openTasks")}
            actions={
              <span className="flex flex-wrap items-center gap-3 text-sm">
                {overdue > 0 && <span className="font-medium text-red-700">{t("myWork.overdueCount", { count: overdue })}</span>}
                <Link href={`/tasks?assignee=${viewer.id}`} className="text-brand-700 underline underline-offset-2">
                  {t("myWork.allTasks")}
                </Link>
              </span>
            }
          />
          <CardBody>
            <TaskList
              tasks={tasks.map((task) => ({ ...task, project: task.projectId ? { id: task.projectId, name: task.projectName ?? "" } : null }))}
              today={today}
              emptyText={t("myWork.noOpenTasks")}
            />
          </CardBody>
        </Card>
        <Card aria-labelledby="stalled-heading">
          <CardHeader id="stalled-heading" title={t("myWork.stalled", { days })} />
          <CardBody>
            {stalled.length === 0 ? (
              <p className="text-sm text-slate-500">{t("myWork.noStalled", { days })}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {stalled.map((p) => (
                  <li key={p.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                    <div className="min-w-0">
                      <Link href={`/projects/${p.id}`} className="font-medium text-brand-700 hover:underline">
                        {p.name}
                      </Link>
                      <p className="truncate text-xs text-slate-500">{p.enterpriseName}</p>
                    </div>
                    <div className="shrink-0 text-right text-xs text-slate-600">
                      <StageBadge stage={p.stage} />
                      <p className="mt-0.5">
                        {p.lastActivityAt ? t("myWork.daysAgo", { days: Math.floor((now - new Date(p.since).getTime()) / DAY) }) : t("myWork.never")}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
        <Card aria-labelledby="recent-heading" className="lg:col-span-2">
          <CardHeader
            id="recent-heading"
            title={t("myWork.recent")}
            actions={
              <Link href="/projects" className="text-sm text-brand-700 hover:underline">
                {t("myWork.allProjects")}
              </Link>
            }
          />
          <CardBody>
            {recent.length === 0 ? (
              <p className="text-sm text-slate-500">{t("myWork.noRecent")}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {recent.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <div className="min-w-0">
                      <Link href={`/projects/${p.id}`} className="font-medium text-brand-700 hover:underline">
                        {p.name}
                      </Link>
                      <span className="ml-2 text-slate-500">{p.enterpriseName}</span>
                    </div>
                    <div className="flex items-center gap-3 text-xs text-slate-500">
                      <StageBadge stage={p.stage} status={p.status} />
                      <span className="tabular-nums">{formatDateTime(p.updatedAt)}</span>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
        {hasRole(viewer, "admin") && (
          <Card aria-labelledby="admin-heading">
            <CardHeader id="admin-heading" title={t("home.adminShortcuts")} />
            <CardBody>
              <ul className="space-y-2 text-sm">
                <li>
                  <Link href="/admin/users" className="text-brand-700 underline underline-offset-2">
                    {t("home.manageUsers")}
                  </Link>
                </li>
                <li>
                  <Link href="/admin/units" className="text-brand-700 underline underline-offset-2">
                    {t("home.manageUnits")}
                  </Link>
                </li>
              </ul>
            </CardBody>
          </Card>
        )}
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { TaskList } from "@/components/projects/task-list";
import { Button, ButtonLink } from "@/components/ui/button";
import { FilterField } from "@/components/ui/filter-field";
import { Input, Select } from "@/components/ui/input";
import { ListPagination } from "@/components/ui/list-pagination";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import type { Viewer } from "@/lib/auth/roles";
import { todayInChina } from "@/lib/i18n/format";
import { projectFormOptions } from "@/lib/projects/options";
import { listTasks, taskFilterOptions } from "@/lib/tasks/queries";
import { TASK_LIST_STATUSES, TASK_PAGE_SIZE, taskListSchema, taskQuery, type TaskListParams } from "@/lib/tasks/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tasks"))("title") };
}

/**
 * 待办: the tasks the viewer may see (as for projects: a manager's are all their people's), with
 * filters for the assignee, the due dates, overdue only, the project and the unit — what the
 * dashboard's 逾期待办 opens.
 */
export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const params = taskListSchema.parse(await searchParams);
  const t = await getTranslations("tasks");
  const db = getDb();
  const [options, choices] = await Promise.all([projectFormOptions(db, viewer), taskFilterOptions(db, viewer)]);
  const filtered = Boolean(params.assignee || params.dueFrom || params.dueTo || params.overdue || params.project || params.unit || params.chain || params.park || params.owner || params.status !== "open");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={viewer.role === "staff" ? t("staffIntro") : t("intro")} />
      <form method="get" action="/tasks" role="search" aria-label={t("filters")} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <FilterField id="f-assignee" label={t("assignee")} className="w-full sm:w-44">
          <Select id="f-assignee" name="assignee" defaultValue={params.assignee ?? ""}>
            <option value="">{t("all")}</option>
            {choices.assignees.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </FilterField>
        {viewer.role !== "staff" && (
          <FilterField id="f-unit" label={t("unit")} className="w-full sm:w-52">
            <Select id="f-unit" name="unit" defaultValue={params.unit ?? ""}>
              <option value="">{t("all")}</option>
              {options.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {"\u3000".repeat(u.depth)}
                  {u.name}
                </option>
              ))}
            </Select>
          </FilterField>
        )}
        <FilterField id="f-project" label={t("project")} className="w-full sm:w-56">
          <Select id="f-project" name="project" defaultValue={params.project ?? ""}>
            <option value="">{t("all")}</option>
            {choices.projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </FilterField>
        <FilterField id="f-due-from" label={t("dueFrom")} className="w-[calc(50%-0.375rem)] sm:w-40">
          <Input id="f-due-from" type="date" name="dueFrom" defaultValue={params.dueFrom ?? ""} />
        </FilterField>
        <FilterField id="f-due-to" label={t("dueTo")} className="w-[calc(50%-0.375rem)] sm:w-40">
          <Input id="f-due-to" type="date" name="dueTo" defaultValue={params.dueTo ?? ""} />
        </FilterField>
        <FilterField id="f-status" label={t("status")} className="w-full sm:w-32">
          <Select id="f-status" name="status" defaultValue={params.status}>
            {TASK_LIST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </Select>
        </FilterField>
        <label className="inline-flex min-h-10 items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={params.overdue === "1"} className="h-4 w-4 accent-brand-600" />
          {t("overdueOnly")}
        </label>
        {/* The dashboard's own filters travel along, unseen, so its figure and this list agree. */}
        {params.chain && <input type="hidden" name="chain" value={params.chain} />}
        {params.park && <input type="hidden" name="park" value={params.park} />}
        {params.owner && <input type="hidden" name="owner" value={params.owner} />}
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            {t("apply")}
          </Button>
          {filtered && (
            <ButtonLink href="/tasks" variant="ghost">
              {t("reset")}
            </ButtonLink>
          )}
        </div>
      </form>
      {(params.chain || params.park || params.owner) && <p className="text-sm text-slate-600">{t("fromDashboard")}</p>}
      <Suspense key={taskQuery(params)} fallback={<p className="p-6 text-sm text-slate-500">{t("loading")}</p>}>
        <Tasks viewer={viewer} params={params} filtered={filtered} />
      </Suspense>
    </div>
  );
}

async function Tasks({ viewer, params, filtered }: { viewer: Viewer; params: TaskListParams; filtered: boolean }) {
  const t = await getTranslations("tasks");
  const today = todayInChina();
  const { rows, total } = await listTasks(getDb(), viewer, params, today);
  return (
    <section aria-label={t("title")} className="rounded-lg border border-slate-200 bg-white">
      <p className="px-4 py-2 text-sm text-slate-600" role="status" data-testid="tasks-total">
        {t("total", { count: total })}
      </p>
      <div className="px-4">
        <TaskList
          today={today}
          emptyText={t(filtered ? "emptyFiltered" : "empty")}
          tasks={rows.map((r) => ({
            id: r.id,
            title: r.title,
            dueDate: r.dueDate,
            status: r.status,
            assigneeName: r.assigneeName,
            unitName: r.unitName,
            project: r.projectId ? { id: r.projectId, name: r.projectName ?? "" } : null,
            // Someone else's task without a project is read only (closing one needs its project).
            readOnly: !r.projectId && r.assigneeId !== viewer.id,
          }))}
        />
      </div>
      <ListPagination page={params.page} size={TASK_PAGE_SIZE} total={total} href={(change) => `/tasks${taskQuery(params, { page: change.page })}`} />
    </section>
  );
}

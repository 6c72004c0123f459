import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { FilterField } from "@/components/ui/filter-field";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Worklist } from "@/components/workflows/worklist";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import type { Viewer } from "@/lib/auth/roles";
import { todayInChina } from "@/lib/i18n/format";
import { stewardWorklist, worklistTargets } from "@/lib/workflows/queries";
import { worklistParamsSchema, type WorklistParams } from "@/lib/workflows/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("service"))("title") };
}

/**
 * 服务事项: every open checklist item the viewer answers for — as 项目服务管家 of a project, as
 * a checklist's lead, or as an item's owner — overdue first, each closable in one step.
 */
export default async function ServicePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const params = worklistParamsSchema.parse(await searchParams);
  const t = await getTranslations();
  const today = todayInChina();
  const targets = await worklistTargets(getDb(), viewer, today);
  const open = targets.reduce((n, x) => n + x.open, 0);
  const overdue = targets.reduce((n, x) => n + x.overdue, 0);
  return (
    <div className="space-y-4">
      <PageHeader title={t("service.title")} description={t("service.intro")} />
      <p className="text-sm text-slate-700" data-testid="worklist-summary">
        {t("service.summary", { open })}
        {overdue > 0 && <strong className="ml-1 text-red-700">{t("service.summaryOverdue", { overdue })}</strong>}
      </p>
      <form method="get" action="/service" role="search" aria-label={t("service.filters")} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <FilterField id="f-target" label={t("service.filterTarget")} className="min-w-0 flex-1 sm:max-w-sm">
          <Select id="f-target" name="target" defaultValue={params.target ?? ""}>
            <option value="">{t("service.allTargets")}</option>
            {targets.map((x) => (
              <option key={x.key} value={x.key}>
                {t("service.targetOption", { name: x.projectName ?? x.parkName ?? "", open: x.open, overdue: x.overdue })}
              </option>
            ))}
          </Select>
        </FilterField>
        <label className="inline-flex min-h-10 items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={params.overdue === "1"} className="h-4 w-4 accent-brand-600" />
          {t("service.overdueOnly")}
        </label>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            {t("service.apply")}
          </Button>
          {(params.target || params.overdue) && (
            <ButtonLink href="/service" variant="ghost">
              {t("service.reset")}
            </ButtonLink>
          )}
        </div>
      </form>
      <Suspense key={`${params.target}-${params.overdue}`} fallback={<p className="p-6 text-sm text-slate-500">{t("common.loading")}</p>}>
        <Items viewer={viewer} params={params} today={today} />
      </Suspense>
    </div>
  );
}

async function Items({ viewer, params, today }: { viewer: Viewer; params: WorklistParams; today: string }) {
  const t = await getTranslations();
  const [kind, id] = params.target?.split(":") ?? [];
  const items = await stewardWorklist(getDb(), viewer, { projectId: kind === "project" ? id : undefined, parkId: kind === "park" ? id : undefined, checklistId: kind === "checklist" ? id : undefined, overdueOnly: params.overdue === "1" }, today);
  return <Worklist items={items} emptyText={t(params.target || params.overdue ? "service.emptyFiltered" : "service.empty")} />;
}

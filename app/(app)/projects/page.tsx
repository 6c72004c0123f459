import { ArchivedNotice } from "@/components/archive/archived-notice";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { DrillNotice, withoutDrill } from "@/components/drill/drill-notice";
import { ProjectFilters } from "@/components/projects/project-filters";
import { ExportButtons } from "@/components/signed/export-buttons";
import { ProjectsTable } from "@/components/projects/projects-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ListPagination } from "@/components/ui/list-pagination";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import type { Viewer } from "@/lib/auth/roles";
import { pendingStages } from "@/lib/milestones/queries";
import { projectFormOptions } from "@/lib/projects/options";
import { drillNames } from "@/lib/projects/drill";
import { listProjects } from "@/lib/projects/queries";
import { canExportSigned } from "@/lib/signed/access";
import { projectQuery } from "@/lib/projects/url";
import { tableColumnsOf } from "@/lib/tables/service";
import { PAGE_SIZES, projectListSchema, type ProjectListParams } from "@/lib/projects/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("projects"))("title") };
}

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const search = await searchParams;
  const params = projectListSchema.parse(search);
  const t = await getTranslations();
  const options = await projectFormOptions(getDb(), viewer);
  return (
    <div>
      <PageHeader
        title={t("projects.title")}
        actions={
          <>
            <ButtonLink href={`/projects/board${projectQuery({ ...params, sort: undefined, dir: undefined, page: undefined, size: undefined })}`} variant="secondary">
              {t("projects.board")}
            </ButtonLink>
            <ButtonLink href="/projects/new">{t("projects.new")}</ButtonLink>
          </>
        }
      />
      <ArchivedNotice search={search} />
      <Card>
        <ProjectFilters params={params} options={options} action="/projects" />
        {/* Keyed on the query, so a new filter streams a fresh table while the filters stay. */}
        <Suspense key={projectQuery(params)} fallback={<p className="p-6 text-sm text-slate-500">{t("common.loading")}</p>}>
          <Results viewer={viewer} params={params} />
        </Suspense>
      </Card>
    </div>
  );
}

async function Results({ viewer, params }: { viewer: Viewer; params: ProjectListParams }) {
  const t = await getTranslations();
  const db = getDb();
  const [{ rows, total, activities, overdueTasks }, names, shown] = await Promise.all([listProjects(db, viewer, params), drillNames(db, params), tableColumnsOf(db, viewer, "projects")]);
  const pending = await pendingStages(db, rows.map((r) => r.id));
  return (
    <>
      <DrillNotice
        params={params}
        clearHref={`/projects${projectQuery(withoutDrill(params, ["park"]))}`}
        counts={{ activities, overdueTasks }}
        names={{ ...names, park: params.park === "none" ? t("dashboard.none") : names.park }}
      />
      <div className="flex flex-wrap items-start justify-between gap-3 px-4 py-2">
        <p className="text-sm text-slate-600" role="status">
          {t("projects.total", { count: total })}
        </p>
        {canExportSigned(viewer) ? (
          <ExportButtons path="/api/v1/exports/pipeline-projects" name="在谈项目清单" query={projectQuery({ ...params, page: undefined, size: undefined })} total={total} />
        ) : (
          <p className="text-xs text-slate-500">{t("signed.export.notAllowed")}</p>
        )}
      </div>
      {rows.length > 0 ? (
        <ProjectsTable rows={rows} params={params} pending={pending} shown={shown} />
      ) : (
        <div className="px-4 py-10 text-center">
          <p className="font-medium text-slate-700">{t("projects.empty")}</p>
          <p className="mt-1 text-sm text-slate-500">{t("projects.emptyHint")}</p>
        </div>
      )}
      <ListPagination page={params.page} size={params.size} total={total} sizes={PAGE_SIZES} href={(change) => projectQuery(params, change)} />
    </>
  );
}

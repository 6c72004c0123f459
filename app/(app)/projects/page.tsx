import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Suspense } from "react";
import { ProjectFilters } from "@/components/projects/project-filters";
import { ProjectsTable } from "@/components/projects/projects-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import type { Viewer } from "@/lib/auth/roles";
import { pendingStages } from "@/lib/milestones/queries";
import { projectFormOptions } from "@/lib/projects/options";
import { listProjects } from "@/lib/projects/queries";
import { projectQuery } from "@/lib/projects/url";
import { PAGE_SIZES, projectListSchema, type ProjectListParams } from "@/lib/projects/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("projects"))("title") };
}

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const params = projectListSchema.parse(await searchParams);
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
  const { rows, total } = await listProjects(db, viewer, params);
  const pending = await pendingStages(db, rows.map((r) => r.id));
  const pages = Math.max(1, Math.ceil(total / params.size));
  const link = "inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-50";
  return (
    <>
      <p className="px-4 py-2 text-sm text-slate-600" role="status">
        {t("projects.total", { count: total })}
      </p>
      {rows.length > 0 ? (
        <ProjectsTable rows={rows} params={params} pending={pending} />
      ) : (
        <div className="px-4 py-10 text-center">
          <p className="font-medium text-slate-700">{t("projects.empty")}</p>
          <p className="mt-1 text-sm text-slate-500">{t("projects.emptyHint")}</p>
        </div>
      )}
      <nav aria-label={t("projects.pagination")} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm text-slate-600">
        <span>{t("projects.page", { page: Math.min(params.page, pages), pages })}</span>
        <span className="flex flex-wrap items-center gap-2">
          <span>{t("projects.pageSize")}</span>
          {PAGE_SIZES.map((size) =>
            size === params.size ? (
              <span key={size} aria-current="true" className="rounded bg-slate-100 px-2 py-1 font-medium">
                {size}
              </span>
            ) : (
              <Link key={size} href={projectQuery(params, { size, page: 1 })} className="rounded px-2 py-1 text-brand-700 hover:bg-slate-50">
                {size}
              </Link>
            ),
          )}
          {params.page > 1 && (
            <Link className={link} href={projectQuery(params, { page: params.page - 1 })} rel="prev">
              {t("projects.prev")}
            </Link>
          )}
          {params.page < pages && (
            <Link className={link} href={projectQuery(params, { page: params.page + 1 })} rel="next">
              {t("projects.next")}
            </Link>
          )}
        </span>
      </nav>
    </>
  );
}

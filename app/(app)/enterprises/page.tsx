import { ArchivedNotice } from "@/components/archive/archived-notice";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { EnterprisesTable, listHref } from "@/components/enterprises/enterprises-table";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import type { Viewer } from "@/lib/auth/roles";
import { listEnterprises } from "@/lib/enterprises/queries";
import { enterpriseListSchema, OWNERSHIP_TYPES, PAGE_SIZES, SORTS, SUGGESTED_TAGS, type EnterpriseListParams } from "@/lib/enterprises/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("enterprises"))("title") };
}

const SORT_LABELS = { name: "sortName", updatedAt: "sortUpdatedAt", createdAt: "sortCreatedAt", projects: "sortProjects" } as const;

export default async function EnterprisesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const search = await searchParams;
  const params = enterpriseListSchema.parse(search);
  const t = await getTranslations();
  const tags = params.tag && !(SUGGESTED_TAGS as readonly string[]).includes(params.tag) ? [...SUGGESTED_TAGS, params.tag] : SUGGESTED_TAGS;

  return (
    <div>
      <PageHeader title={t("enterprises.title")} actions={<ButtonLink href="/enterprises/new">{t("enterprises.new")}</ButtonLink>} />
      <ArchivedNotice search={search} />
      <Card>
        <form method="get" role="search" className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-4">
          <div className="sm:col-span-2">
            <label htmlFor="q" className="sr-only">{t("enterprises.searchLabel")}</label>
            <Input id="q" name="q" type="search" defaultValue={params.q ?? ""} placeholder={t("enterprises.search")} />
          </div>
          <div>
            <label htmlFor="ownership" className="sr-only">{t("enterprises.filterOwnership")}</label>
            <Select id="ownership" name="ownership" defaultValue={params.ownership ?? ""}>
              <option value="">{t("enterprises.filterOwnership")}：{t("enterprises.all")}</option>
              {OWNERSHIP_TYPES.map((o) => (
                <option key={o} value={o}>{t(`ownershipTypes.${o}`)}</option>
              ))}
            </Select>
          </div>
          <div>
            <label htmlFor="tag" className="sr-only">{t("enterprises.filterTag")}</label>
            <Select id="tag" name="tag" defaultValue={params.tag ?? ""}>
              <option value="">{t("enterprises.filterTag")}：{t("enterprises.all")}</option>
              {tags.map((tag) => (
                <option key={tag} value={tag}>{tag}</option>
              ))}
            </Select>
          </div>
          <div>
            <label htmlFor="sort" className="sr-only">{t("enterprises.sort")}</label>
            <Select id="sort" name="sort" defaultValue={params.sort}>
              {SORTS.map((s) => (
                <option key={s} value={s}>{t("enterprises.sort")}：{t(`enterprises.${SORT_LABELS[s]}`)}</option>
              ))}
            </Select>
          </div>
          <div className="flex gap-2">
            <div className="flex-1">
              <label htmlFor="dir" className="sr-only">{t("enterprises.sortDir")}</label>
              <Select id="dir" name="dir" defaultValue={params.dir}>
                <option value="desc">{t("enterprises.descending")}</option>
                <option value="asc">{t("enterprises.ascending")}</option>
              </Select>
            </div>
            <div className="flex-1">
              <label htmlFor="size" className="sr-only">{t("enterprises.pageSize")}</label>
              <Select id="size" name="size" defaultValue={String(params.size)}>
                {PAGE_SIZES.map((n) => (
                  <option key={n} value={n}>{t("enterprises.perPage", { size: n })}</option>
                ))}
              </Select>
            </div>
          </div>
          <div className="flex gap-2">
            <Button type="submit" variant="secondary">{t("enterprises.apply")}</Button>
            <ButtonLink href="/enterprises" variant="ghost">{t("enterprises.reset")}</ButtonLink>
          </div>
        </form>
        <Suspense key={listHref(params, {})} fallback={<p className="p-4 text-sm text-slate-500">{t("common.loading")}</p>}>
          <EnterpriseResults viewer={viewer} params={params} />
        </Suspense>
      </Card>
    </div>
  );
}

async function EnterpriseResults({ viewer, params }: { viewer: Viewer; params: EnterpriseListParams }) {
  const t = await getTranslations("enterprises");
  const { rows, total } = await listEnterprises(getDb(), viewer, params);
  return (
    <>
      <p className="px-4 pt-3 text-sm text-slate-600" role="status">{t("total", { count: total })}</p>
      <EnterprisesTable rows={rows} params={params} />
      <Pagination
        page={params.page}
        pageSize={params.size}
        total={total}
        params={{ q: params.q, ownership: params.ownership, tag: params.tag, sort: params.sort, dir: params.dir, size: String(params.size) }}
      />
    </>
  );
}

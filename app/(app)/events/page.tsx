import { ArchivedNotice } from "@/components/archive/archived-notice";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { EventsTable } from "@/components/events/events-table";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FilterField } from "@/components/ui/filter-field";
import { Input, Select } from "@/components/ui/input";
import { ListPagination } from "@/components/ui/list-pagination";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { hasRole, type Viewer } from "@/lib/auth/roles";
import { listEvents } from "@/lib/events/queries";
import { EVENT_KINDS, EVENT_PAGE_SIZE, eventListSchema, type EventListParams } from "@/lib/events/validation";
import { listQuery } from "@/lib/projects/url";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("events"))("title") };
}

const eventsQuery = listQuery<keyof EventListParams>({ sort: "heldOn", dir: "desc", size: EVENT_PAGE_SIZE });

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const search = await searchParams;
  const params = eventListSchema.parse(search);
  const t = await getTranslations();
  return (
    <div>
      <PageHeader
        title={t("events.title")}
        description={t("events.description")}
        actions={hasRole(viewer, "manager") ? <ButtonLink href="/events/new">{t("events.new")}</ButtonLink> : undefined}
      />
      <ArchivedNotice search={search} />
      <Card>
        <form method="get" action="/events" role="search" aria-label={t("events.filters")} className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]">
          <FilterField id="f-q" label={t("events.searchLabel")}>
            <Input id="f-q" name="q" type="search" defaultValue={params.q ?? ""} placeholder={t("events.search")} />
          </FilterField>
          <FilterField id="f-kind" label={t("events.kind")}>
            <Select id="f-kind" name="kind" defaultValue={params.kind ?? ""}>
              <option value="">{t("events.all")}</option>
              {EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`events.kinds.${k}`)}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField id="f-from" label={t("events.from")}>
            <Input id="f-from" name="from" type="date" defaultValue={params.from ?? ""} />
          </FilterField>
          <FilterField id="f-to" label={t("events.to")}>
            <Input id="f-to" name="to" type="date" defaultValue={params.to ?? ""} />
          </FilterField>
          <div className="flex items-end gap-2">
            <Button type="submit" variant="secondary">
              {t("events.apply")}
            </Button>
            <ButtonLink href="/events" variant="ghost">
              {t("events.reset")}
            </ButtonLink>
          </div>
        </form>
        <Suspense key={eventsQuery(params)} fallback={<p className="p-6 text-sm text-slate-500">{t("common.loading")}</p>}>
          <Results viewer={viewer} params={params} />
        </Suspense>
      </Card>
    </div>
  );
}

async function Results({ viewer, params }: { viewer: Viewer; params: EventListParams }) {
  const t = await getTranslations();
  const { rows, total } = await listEvents(getDb(), viewer, params);
  return (
    <>
      <p className="px-4 py-2 text-sm text-slate-600" role="status">
        {t("events.total", { count: total })}
      </p>
      {rows.length > 0 ? (
        <EventsTable rows={rows} />
      ) : (
        <div className="px-4 py-10 text-center">
          <p className="font-medium text-slate-700">{t("events.empty")}</p>
          <p className="mt-1 text-sm text-slate-500">{t("events.emptyHint")}</p>
        </div>
      )}
      <ListPagination page={params.page} size={EVENT_PAGE_SIZE} total={total} href={(change) => eventsQuery(params, change)} />
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { RestoreButton } from "@/components/archive/restore-button";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { archivedCounts, listArchived } from "@/lib/archive/queries";
import { ARCHIVE_PAGE_SIZE, ARCHIVE_TYPES, archiveListSchema, archivePurgeDays } from "@/lib/archive/validation";
import { requirePageViewer } from "@/lib/auth/page";
import { formatDateTime } from "@/lib/i18n/format";
import { cn } from "@/lib/utils";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("archive"))("title") };
}

/** 已归档: what "删除" archived, by type, newest first; an admin restores a record in one click. */
export default async function ArchivePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("admin");
  const params = archiveListSchema.parse(await searchParams);
  const t = await getTranslations("archive");
  const db = getDb();
  const [{ rows, total }, counts] = await Promise.all([listArchived(db, viewer, params), archivedCounts(db, viewer)]);
  const days = archivePurgeDays();

  return (
    <div>
      <PageHeader title={t("title")} description={days ? t("purgeOn", { days }) : t("purgeOff")} />
      <Card>
        <nav aria-label={t("types")} className="flex flex-wrap gap-1 border-b border-slate-200 px-4 pt-3">
          {ARCHIVE_TYPES.map((type) => (
            <Link
              key={type}
              href={`/admin/archive?type=${type}`}
              aria-current={type === params.type ? "page" : undefined}
              className={cn(
                "-mb-px inline-flex min-h-10 items-center gap-1.5 rounded-t-md border px-3 text-sm",
                type === params.type ? "border-slate-200 border-b-white bg-white font-medium text-slate-900" : "border-transparent text-brand-700 hover:bg-slate-50",
              )}
            >
              {t(`typeNames.${type}`)}
              <span className="tabular-nums text-slate-600">{counts[type]}</span>
            </Link>
          ))}
        </nav>
        <form method="get" role="search" className="flex flex-wrap gap-2 border-b border-slate-200 p-4">
          <input type="hidden" name="type" value={params.type} />
          <label htmlFor="archive-q" className="sr-only">
            {t("search")}
          </label>
          <Input id="archive-q" name="q" type="search" defaultValue={params.q ?? ""} placeholder={t("search")} className="max-w-sm" />
          <Button type="submit" variant="secondary">
            {t("apply")}
          </Button>
        </form>
        <Table label={t(`typeNames.${params.type}`)} className="min-w-[40rem]">
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t(`detail.${params.type}`)}</Th>
              <Th>{t("archivedAt")}</Th>
              <Th>{t("archivedBy")}</Th>
              <Th>
                <span className="sr-only">{t("actions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <Td className="font-medium">{r.name}</Td>
                <Td className="text-slate-600">{r.detail}</Td>
                <Td className="whitespace-nowrap tabular-nums">{formatDateTime(r.archivedAt)}</Td>
                <Td>{r.archivedByName ?? "—"}</Td>
                <Td className="text-right">
                  <RestoreButton type={params.type} id={r.id} name={r.name} />
                </Td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <Td colSpan={5} className="py-8 text-center text-slate-500">
                  {t("empty")}
                </Td>
              </tr>
            )}
          </tbody>
        </Table>
        <Pagination page={params.page} pageSize={ARCHIVE_PAGE_SIZE} total={total} params={{ type: params.type, q: params.q }} />
      </Card>
      <p className="mt-3 text-xs text-slate-500">{t("hint")}</p>
    </div>
  );
}

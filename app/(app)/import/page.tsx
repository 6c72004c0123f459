import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/imports/import-wizard";
import { RevertButton } from "@/components/imports/revert-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { formatDateTime } from "@/lib/i18n/format";
import { listImports } from "@/lib/imports/queries";
import { IMPORT_PAGE_SIZE } from "@/lib/imports/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

/** 数据导入 (managers and admins): the wizard, then the record of past imports (admins revert). */
export default async function ImportPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const viewer = await requirePageViewer("manager");
  const page = Math.max(1, Math.min(10_000, Number((await searchParams).page) || 1));
  const t = await getTranslations("imports");
  const { rows, total } = await listImports(getDb(), viewer, page);
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} description={t("description")} />
      <ImportWizard />
      <Card aria-labelledby="imports-history-heading">
        <CardHeader id="imports-history-heading" title={t("history")} />
        {rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-500">{t("historyEmpty")}</p>
        ) : (
          <Table label={t("history")} className="min-w-[52rem]">
            <thead>
              <tr>
                <Th>{t("at")}</Th>
                <Th>{t("by")}</Th>
                <Th>{t("fileName")}</Th>
                <Th>{t("kind")}</Th>
                <Th className="text-right">{t("rows")}</Th>
                <Th className="text-right">{t("created")}</Th>
                <Th className="text-right">{t("updated")}</Th>
                <Th>{t("status")}</Th>
                {viewer.role === "admin" && (
                  <Th>
                    <span className="sr-only">{t("revert")}</span>
                  </Th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <Td className="whitespace-nowrap tabular-nums">{formatDateTime(r.createdAt)}</Td>
                  <Td className="whitespace-nowrap">{r.createdByName ?? "—"}</Td>
                  <Td className="max-w-64 break-all">{r.fileName}</Td>
                  <Td className="whitespace-nowrap">{t(`kinds.${r.kind}`)}</Td>
                  <Td className="text-right tabular-nums">{r.totalRows}</Td>
                  <Td className="text-right tabular-nums">{r.created}</Td>
                  <Td className="text-right tabular-nums">{r.updated}</Td>
                  <Td>
                    <Badge tone={r.status === "reverted" ? "grey" : "green"}>{t(`statuses.${r.status}`)}</Badge>
                    {r.revertedAt && <span className="ml-1 text-xs text-slate-500">{t("revertedBy", { name: r.revertedByName ?? "—", at: formatDateTime(r.revertedAt) })}</span>}
                  </Td>
                  {viewer.role === "admin" && <Td className="text-right">{r.status === "committed" && <RevertButton id={r.id} fileName={r.fileName} />}</Td>}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination page={page} pageSize={IMPORT_PAGE_SIZE} total={total} params={{}} />
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AuditEntry } from "@/components/audit/audit-entry";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { auditActionEnum } from "@/db/schema/enums";
import { auditActors, auditEntityTypes, auditListSchema, auditNames, listAudit, type AuditListParams } from "@/lib/audit/log";
import { requirePageViewer } from "@/lib/auth/page";
import type { Viewer } from "@/lib/auth/roles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditLog"))("title") };
}

function query(params: AuditListParams, before?: string | null): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, before: before ?? undefined })) if (v) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** 审计日志: every change, sign-in, export and import, filtered by who, which record, what and when. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("admin");
  const params = auditListSchema.parse(await searchParams);
  const t = await getTranslations();
  const db = getDb();
  const [actors, types] = await Promise.all([auditActors(db), auditEntityTypes(db)]);
  const typeLabel = (type: string) => (t.has(`auditLog.types.${type}` as never) ? t(`auditLog.types.${type}` as never) : type);
  return (
    <div>
      <PageHeader title={t("auditLog.title")} description={t("auditLog.description")} />
      <Card>
        <form method="get" role="search" aria-label={t("auditLog.filters")} className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-[repeat(3,minmax(0,1fr))_auto]">
          <div className="space-y-1">
            <label htmlFor="audit-actor" className="block text-sm font-medium text-slate-800">{t("auditLog.actor")}</label>
            <Select id="audit-actor" name="actor" defaultValue={params.actor ?? ""}>
              <option value="">{t("auditLog.all")}</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>{`${a.name}（${a.username}）`}</option>
              ))}
            </Select>
          </div>
          <div className="space-y-1">
            <label htmlFor="audit-action" className="block text-sm font-medium text-slate-800">{t("auditLog.action")}</label>
            <Select id="audit-action" name="action" defaultValue={params.action ?? ""}>
              <option value="">{t("auditLog.all")}</option>
              {auditActionEnum.enumValues.map((a) => (
                <option key={a} value={a}>{t(`audit.${a}`)}</option>
              ))}
            </Select>
          </div>
          <div className="space-y-1">
            <label htmlFor="audit-type" className="block text-sm font-medium text-slate-800">{t("auditLog.type")}</label>
            <Select id="audit-type" name="type" defaultValue={params.type ?? ""}>
              <option value="">{t("auditLog.all")}</option>
              {types.map((type) => (
                <option key={type} value={type}>{typeLabel(type)}</option>
              ))}
            </Select>
          </div>
          <div className="hidden lg:block" />
          <div className="space-y-1">
            <label htmlFor="audit-id" className="block text-sm font-medium text-slate-800">{t("auditLog.recordId")}</label>
            <Input id="audit-id" name="id" defaultValue={params.id ?? ""} placeholder={t("auditLog.recordIdHint")} className="font-mono text-xs" />
          </div>
          <div className="space-y-1">
            <label htmlFor="audit-from" className="block text-sm font-medium text-slate-800">{t("auditLog.from")}</label>
            <Input id="audit-from" name="from" type="date" defaultValue={params.from ?? ""} />
          </div>
          <div className="space-y-1">
            <label htmlFor="audit-to" className="block text-sm font-medium text-slate-800">{t("auditLog.to")}</label>
            <Input id="audit-to" name="to" type="date" defaultValue={params.to ?? ""} />
          </div>
          <div className="flex items-end gap-2">
            <Button type="submit" variant="secondary">{t("auditLog.apply")}</Button>
            <ButtonLink href="/admin/audit" variant="ghost">{t("auditLog.reset")}</ButtonLink>
          </div>
        </form>
        <Suspense key={query(params, params.before)} fallback={<p className="p-6 text-sm text-slate-500">{t("common.loading")}</p>}>
          <Entries viewer={viewer} params={params} />
        </Suspense>
      </Card>
    </div>
  );
}

async function Entries({ viewer, params }: { viewer: Viewer; params: AuditListParams }) {
  const t = await getTranslations("auditLog");
  const db = getDb();
  const { rows, next } = await listAudit(db, viewer, params);
  const names = await auditNames(db, rows);
  const { before: _b, ...filters } = params;
  return (
    <>
      {rows.length === 0 ? (
        <p className="px-4 py-10 text-center text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ol className="divide-y divide-slate-100" aria-label={t("entries")}>
          {rows.map((row) => (
            <AuditEntry key={row.id} row={row} names={names} />
          ))}
        </ol>
      )}
      <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 px-4 py-3 text-sm">
        {params.before ? <ButtonLink href={`/admin/audit${query(filters)}`} variant="secondary">{t("newest")}</ButtonLink> : <span />}
        {next && <ButtonLink href={`/admin/audit${query(filters, next)}`} variant="secondary" rel="next">{t("older")}</ButtonLink>}
      </nav>
    </>
  );
}

"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { approveReportsAction } from "@/app/(app)/reviews/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/field";
import { callAction } from "@/components/ui/form-result";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/i18n/format";
import type { ReviewQueueItem } from "@/lib/milestones/queries";

type Outcome = { id: string; label: string; ok: boolean; message?: string };

/**
 * 待审核 as a table to choose from: each report opens on its project to be read and approved or
 * returned there, or several are approved at once with 批量通过 — each still checked on the
 * server on its own, with a line per report saying whether it went through and, if not, why.
 */
export function ReviewQueue({ items }: { items: ReviewQueueItem[] }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>();
  const [failure, setFailure] = useState<string>();
  const live = items.filter((r) => chosen.has(r.id));
  const all = items.length > 0 && live.length === items.length;
  const label = (r: ReviewQueueItem) => `${r.projectName}（${t(`stages.${r.stage}`)}）`;
  const failed = new Map((outcomes ?? []).filter((o) => !o.ok).map((o) => [o.id, o.message]));

  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const approve = async () => {
    if (!live.length) return;
    setBusy(true);
    setFailure(undefined);
    const byId = new Map(live.map((r) => [r.id, r]));
    const result = await callAction(approveReportsAction({ reports: live.map((r) => ({ id: r.id, version: r.version })) }));
    setBusy(false);
    if (!result.ok) {
      setFailure(errorText(result.message));
      return;
    }
    setOutcomes(result.data.map((o) => ({ id: o.id, label: label(byId.get(o.id)!), ok: o.ok, message: o.ok ? undefined : errorText(o.message) })));
    setChosen(new Set(result.data.filter((o) => !o.ok).map((o) => o.id)));
    router.refresh();
  };

  const approved = outcomes?.filter((o) => o.ok) ?? [];
  const refused = outcomes?.filter((o) => !o.ok) ?? [];
  return (
    <>
      <div className="flex flex-wrap items-center gap-3 px-4 py-2">
        <p className="text-sm text-slate-600" role="status">
          {t("reviews.count", { count: items.length })}
        </p>
        {items.length > 0 && (
          <Button type="button" className="ml-auto" disabled={busy || live.length === 0} onClick={() => void approve()}>
            {busy ? t("reviews.approving") : t("reviews.approveChosen", { count: live.length })}
          </Button>
        )}
      </div>
      <div aria-live="polite" className="px-4 empty:hidden">
        {failure && <Alert tone="error">{failure}</Alert>}
        {outcomes && (
          <div className="space-y-2 pb-2" data-testid="bulk-results">
            {approved.length > 0 && (
              <Alert tone="success">
                <p className="font-medium">{t("reviews.approvedCount", { count: approved.length })}</p>
                <ul className="mt-1 list-disc pl-5">
                  {approved.map((o) => (
                    <li key={o.id}>{o.label}</li>
                  ))}
                </ul>
              </Alert>
            )}
            {refused.length > 0 && (
              <Alert tone="error">
                <p className="font-medium">{t("reviews.refusedCount", { count: refused.length })}</p>
                <ul className="mt-1 list-disc pl-5">
                  {refused.map((o) => (
                    <li key={o.id}>
                      {o.label}：{o.message}
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
          </div>
        )}
      </div>
      {items.length === 0 ? (
        <p className="px-4 pt-4 pb-8 text-center text-sm text-slate-500">{t("reviews.empty")}</p>
      ) : (
        <Table label={t("reviews.title")}>
          <thead>
            <tr>
              <Th className="w-10">
                <input
                  type="checkbox"
                  className="size-4"
                  aria-label={t("reviews.chooseAll")}
                  checked={all}
                  onChange={(e) => setChosen(e.target.checked ? new Set(items.map((r) => r.id)) : new Set())}
                />
              </Th>
              <Th>{t("reviews.project")}</Th>
              <Th>{t("reviews.unit")}</Th>
              <Th>{t("reviews.stage")}</Th>
              <Th>{t("reviews.actualDate")}</Th>
              <Th>{t("reviews.submitted")}</Th>
              <Th>
                <span className="sr-only">{t("reviews.open")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id} className="hover:bg-slate-50">
                <Td>
                  <input type="checkbox" className="size-4" aria-label={t("reviews.choose", { name: label(r) })} checked={chosen.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
                </Td>
                <Td className="min-w-48">
                  <Link href={`/projects/${r.projectId}`} className="font-medium text-brand-700 hover:underline">
                    {r.projectName}
                  </Link>
                  <p className="text-xs text-slate-500">{r.enterpriseName}</p>
                  {failed.has(r.id) && <p className="text-xs text-red-700">{failed.get(r.id)}</p>}
                </Td>
                <Td className="whitespace-nowrap">{r.unitName}</Td>
                <Td className="whitespace-nowrap">
                  {t(`stages.${r.projectStage}`)} → <strong>{t(`stages.${r.stage}`)}</strong>
                </Td>
                <Td className="whitespace-nowrap tabular-nums">{r.actualDate}</Td>
                <Td className="whitespace-nowrap text-slate-600">
                  {r.submittedBy} · {formatDateTime(r.submittedAt)}
                </Td>
                <Td className="whitespace-nowrap">
                  <Link href={`/projects/${r.projectId}#milestones-heading`} className="text-brand-700 hover:underline">
                    {t("reviews.open")}
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

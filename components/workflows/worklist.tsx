"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { WorklistItem } from "@/lib/workflows/queries";
import { CloseItemForm } from "./close-item-form";
import { ItemStatusBadge } from "./item-status-badge";

/** The steward's open items, overdue first then by due date, each closable in one step. */
export function Worklist({ items, emptyText }: { items: WorklistItem[]; emptyText: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [closed, setClosed] = useState<string>();
  return (
    <div className="space-y-3">
      {closed && <Alert tone="success">{closed}</Alert>}
      {items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white px-4 py-8 text-center text-sm text-slate-500">{emptyText}</p>
      ) : (
        <ul className="space-y-3" aria-label={t("service.listLabel")}>
          {items.map((item) => {
            // A project the viewer may not open is named, and the link goes to the checklist instead.
            const target = item.projectId
              ? { href: `/projects/${item.projectId}`, name: item.projectName }
              : item.projectName
                ? { href: `/checklists/${item.checklistId}`, name: item.projectName }
                : { href: `/parks/${item.parkId}`, name: [item.parkName, item.zoneName].filter(Boolean).join(" · ") };
            return (
              <li
                key={item.id}
                data-testid="worklist-item"
                className={`grid gap-3 rounded-lg border bg-white p-3 shadow-xs sm:p-4 xl:grid-cols-[minmax(0,1fr)_34rem] ${item.overdue ? "border-red-300" : "border-slate-200"}`}
              >
                <div className="min-w-0 space-y-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium break-words">{item.title}</span>
                    <ItemStatusBadge status={item.status} overdue={item.overdue} />
                    {item.evidenceRequired && <Badge tone="amber">{t("workflows.evidenceRequired")}</Badge>}
                  </p>
                  <p className={`text-sm tabular-nums ${item.overdue ? "font-medium text-red-700" : "text-slate-700"}`}>
                    {item.dueDate ? t("service.dueOn", { date: item.dueDate }) : t("checklists.noDue")}
                  </p>
                  <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600">
                    <Link href={target.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {target.name}
                    </Link>
                    <Link href={`/checklists/${item.checklistId}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {[item.checklistName, item.phase, item.category].filter(Boolean).join(" · ")}
                    </Link>
                    {item.responsibleDepartment && <span>{t("templates.departmentIs", { department: item.responsibleDepartment })}</span>}
                    <span>{t("service.ownerIs", { name: item.ownerName ?? t("checklists.noOwner") })}</span>
                  </p>
                  {item.progressNote && <p className="text-xs whitespace-pre-line text-slate-600">{item.progressNote}</p>}
                </div>
                <div className="border-t border-slate-100 pt-3 xl:border-t-0 xl:border-l xl:pt-0 xl:pl-4">
                  <CloseItemForm
                    item={{ id: item.id, title: item.title, version: item.version, evidenceRequired: item.evidenceRequired, hasEvidence: item.evidence.length > 0 }}
                    onDone={() => {
                      setClosed(t("service.closed", { title: item.title }));
                      router.refresh();
                    }}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

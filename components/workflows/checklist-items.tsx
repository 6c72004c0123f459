"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { DueAnchor } from "@/db/schema/enums";
import type { OwnerOption } from "@/lib/workflows/queries";
import { groupByPhaseAndCategory, isOverdue, phaseRollups } from "@/lib/workflows/rules";
import { ItemStatusBadge } from "./item-status-badge";
import { ItemUpdateForm, type UpdatableItem } from "./item-update-form";
import { ProgressBar } from "./progress";

export type ChecklistItemView = UpdatableItem & {
  phase: string;
  category: string;
  description: string;
  responsibleDepartment: string;
  ownerName: string | null;
  dueOffsetDays: number | null;
  dueAnchor: DueAnchor;
};

/**
 * A checklist's items by phase, then category: status in words, owner, due date (overdue
 * flagged), completion, progress and evidence; "更新" on the items the viewer may change.
 */
export function ChecklistItems({ items, phases, editable, people, today }: { items: ChecklistItemView[]; phases: string[]; editable: string[]; people: OwnerOption[]; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState<ChecklistItemView | null>(null);
  const [saved, setSaved] = useState<string>();
  const mayEdit = new Set(editable);
  const phaseProgress = new Map(phaseRollups(items, phases, today).map((p) => [p.phase, p.rollup]));

  return (
    <div className="space-y-5">
      {saved && <Alert tone="success">{saved}</Alert>}
      {groupByPhaseAndCategory(items, phases).map(({ phase, categories }) => {
        const r = phaseProgress.get(phase)!;
        const headingId = `phase-${phase || "none"}`;
        return (
          <section key={phase || "-"} aria-labelledby={headingId} className="space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-b border-slate-200 pb-1.5">
              <h2 id={headingId} className="text-base font-semibold">
                {phase || (phases.length ? t("workflows.noPhase") : t("checklists.items"))}
              </h2>
              <div className="flex min-w-56 items-center gap-3 text-xs text-slate-600">
                <span>{t("checklists.countDone", { count: r.done, total: r.total })}</span>
                {r.overdue > 0 && <span className="font-medium text-red-700">{t("checklists.countOverdue", { count: r.overdue })}</span>}
                <ProgressBar className="flex-1" percent={r.percent} label={t("checklists.phaseProgress", { phase: phase || t("checklists.items") })} />
              </div>
            </div>
            {categories.map(({ category, items: inCategory }) => (
              <div key={category || "-"} className="space-y-1.5">
                {category && <h3 className="text-sm font-medium text-slate-700">{category}</h3>}
                <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
                  {inCategory.map((item) => {
                    const overdue = isOverdue(item, today);
                    return (
                      <li key={item.id} className="grid gap-2 p-3 text-sm md:grid-cols-[1fr_auto] md:items-start" data-testid="checklist-item">
                        <div className="min-w-0 space-y-1">
                          <div className="flex flex-wrap items-center gap-2">
                            <p className="font-medium break-words">{item.title}</p>
                            <ItemStatusBadge status={item.status} overdue={overdue} />
                            {item.evidenceRequired && <Badge tone="amber">{t("workflows.evidenceRequired")}</Badge>}
                          </div>
                          {item.description && <p className="text-xs text-slate-500">{item.description}</p>}
                          <dl className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-slate-600">
                            {item.responsibleDepartment && <Fact label={t("checklists.department")} value={item.responsibleDepartment} />}
                            <Fact label={t("checklists.itemOwner")} value={item.ownerName ?? t("checklists.noOwner")} />
                            <Fact
                              label={t("checklists.dueDate")}
                              value={item.dueDate ?? (item.dueOffsetDays !== null && item.dueAnchor !== "start" ? t("checklists.dueWhenKnown", { anchor: t(`dueAnchors.${item.dueAnchor}`) }) : t("checklists.noDue"))}
                              className={overdue ? "font-medium text-red-700" : undefined}
                            />
                            {item.completedOn && <Fact label={t("checklists.completedOn")} value={item.completedOn} />}
                          </dl>
                          {item.progressNote && <p className="whitespace-pre-line text-slate-700">{item.progressNote}</p>}
                          {item.evidence.length > 0 && (
                            <ul className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
                              {item.evidence.map((e, i) => (
                                <li key={i}>
                                  <a href={e.url} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline underline-offset-2 break-all">
                                    {e.label || e.url}
                                  </a>
                                </li>
                              ))}
                            </ul>
                          )}
                        </div>
                        {mayEdit.has(item.id) && (
                          <div>
                            <Button variant="secondary" className="min-h-9 px-3" onClick={() => setOpen(item)} aria-label={t("checklists.updateItemOf", { title: item.title })}>
                              {t("checklists.updateItem")}
                            </Button>
                          </div>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
      <Dialog open={open !== null} onClose={() => setOpen(null)} titleId="item-update-title" className="w-[min(40rem,calc(100vw-2rem))]" title={open ? t("checklists.updateTitle", { title: open.title }) : ""}>
        {open && (
          <ItemUpdateForm
            key={`${open.id}-${open.version}`}
            item={open}
            people={people}
            today={today}
            onCancel={() => setOpen(null)}
            onDone={() => {
              setSaved(t("checklists.itemSaved", { title: open.title }));
              setOpen(null);
              router.refresh();
            }}
          />
        )}
      </Dialog>
    </div>
  );
}

function Fact({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <div className="flex gap-1">
      <dt className="text-slate-500">{label}</dt>
      <dd className={className}>{value}</dd>
    </div>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteTemplateItemAction, moveTemplateItemAction } from "@/app/(app)/admin/templates/actions";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useErrorText } from "@/components/ui/field";
import { callAction } from "@/components/ui/form-result";
import { groupByPhase } from "@/lib/workflows/rules";
import { dueRule } from "./due-rule";
import { TemplateItemForm, type EditedTemplateItem } from "./template-item-form";

type Open = { kind: "add"; phase: string } | { kind: "edit"; item: EditedTemplateItem } | { kind: "delete"; item: EditedTemplateItem } | null;

/**
 * A template's items, grouped by phase, edited in place: add, edit, delete, move up or down
 * within the phase. Every change is a new revision; checklists already started keep theirs.
 */
export function TemplateItems({ templateId, phases, items }: { templateId: string; phases: string[]; items: EditedTemplateItem[] }) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string }>();
  const [pending, startTransition] = useTransition();
  const groups = groupByPhase(items, phases);
  // A phase with no items yet still gets its heading and add button.
  for (const phase of phases) if (!groups.some((g) => g.phase === phase)) groups.splice(phases.indexOf(phase), 0, { phase, items: [] });
  if (!phases.length && !groups.length) groups.push({ phase: "", items: [] });
  const categories = [...new Set(items.map((i) => i.category).filter(Boolean))];

  const finish = (text: string) => {
    setOpen(null);
    setStatus({ tone: "success", text });
    router.refresh();
  };
  const run = (action: () => ReturnType<typeof moveTemplateItemAction>, success: string) =>
    startTransition(async () => {
      const result = await callAction(action());
      if (result.ok) finish(success);
      else {
        setOpen(null);
        setStatus({ tone: "error", text: errorText(result.message) ?? "" });
      }
    });

  return (
    <div className="space-y-4">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      {groups.map((group) => (
        <section key={group.phase || "-"} aria-labelledby={`phase-${group.phase || "none"}`} className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id={`phase-${group.phase || "none"}`} className="text-sm font-semibold text-slate-800">
              {group.phase || (phases.length ? t("workflows.noPhase") : t("templates.items"))}
              <span className="ml-2 font-normal text-slate-500">{t("templates.itemCount", { count: group.items.length })}</span>
            </h3>
            <Button variant="secondary" className="min-h-9 px-3" onClick={() => setOpen({ kind: "add", phase: group.phase })}>
              {group.phase ? t("templates.addItemTo", { phase: group.phase }) : t("templates.addItem")}
            </Button>
          </div>
          {group.items.length === 0 ? (
            <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-center text-sm text-slate-500">{t("templates.noItems")}</p>
          ) : (
            <ol className="divide-y divide-slate-100 rounded-md border border-slate-200">
              {group.items.map((item, i) => (
                <li key={item.id} className="grid gap-2 p-3 text-sm sm:grid-cols-[1fr_auto] sm:items-start">
                  <div className="min-w-0">
                    <p className="font-medium break-words">
                      {item.category && <span className="mr-2 font-normal text-slate-500">{item.category}</span>}
                      {item.title}
                    </p>
                    <p className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
                      {item.responsibleDepartment && <span>{t("templates.departmentIs", { department: item.responsibleDepartment })}</span>}
                      <span>{dueRule(t, item)}</span>
                      {item.evidenceRequired && <Badge tone="amber">{t("workflows.evidenceRequired")}</Badge>}
                    </p>
                    {item.description && <p className="mt-1 text-xs whitespace-pre-line text-slate-500">{item.description}</p>}
                  </div>
                  <div className="flex flex-wrap gap-1 sm:justify-end">
                    <Button
                      variant="ghost"
                      className="min-h-9 px-2"
                      disabled={pending || i === 0}
                      aria-label={t("templates.moveUp", { title: item.title })}
                      onClick={() => run(() => moveTemplateItemAction(item.id, "up"), t("templates.moved"))}
                    >
                      ↑
                    </Button>
                    <Button
                      variant="ghost"
                      className="min-h-9 px-2"
                      disabled={pending || i === group.items.length - 1}
                      aria-label={t("templates.moveDown", { title: item.title })}
                      onClick={() => run(() => moveTemplateItemAction(item.id, "down"), t("templates.moved"))}
                    >
                      ↓
                    </Button>
                    <Button variant="secondary" className="min-h-9 px-3" aria-label={t("templates.editItemOf", { title: item.title })} onClick={() => setOpen({ kind: "edit", item })}>
                      {t("templates.editItem")}
                    </Button>
                    <Button variant="danger" className="min-h-9 px-3" aria-label={t("templates.deleteItemOf", { title: item.title })} onClick={() => setOpen({ kind: "delete", item })}>
                      {t("templates.deleteItem")}
                    </Button>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}

      <Dialog
        open={open !== null}
        onClose={() => setOpen(null)}
        titleId={`template-item-dialog-${templateId}`}
        className="w-[min(40rem,calc(100vw-2rem))]"
        title={!open ? "" : open.kind === "add" ? t("templates.addItemTitle") : open.kind === "edit" ? t("templates.editItemTitle") : t("templates.deleteItemTitle")}
      >
        {open?.kind === "add" && (
          <TemplateItemForm templateId={templateId} phases={phases} categories={categories} phase={open.phase} onCancel={() => setOpen(null)} onDone={() => finish(t("templates.itemAdded"))} />
        )}
        {open?.kind === "edit" && (
          <TemplateItemForm key={open.item.id} templateId={templateId} phases={phases} categories={categories} item={open.item} onCancel={() => setOpen(null)} onDone={() => finish(t("templates.itemSaved"))} />
        )}
        {open?.kind === "delete" && (
          <div className="space-y-4">
            <p className="text-sm">{t("templates.deleteConfirm", { title: open.item.title })}</p>
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="ghost" onClick={() => setOpen(null)}>
                {t("common.cancel")}
              </Button>
              <Button variant="danger" disabled={pending} onClick={() => run(() => deleteTemplateItemAction(open.item.id), t("templates.itemDeleted"))}>
                {t("templates.deleteItem")}
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}

"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setTaskDoneAction } from "@/app/(app)/projects/actions";
import { Badge } from "@/components/ui/badge";
import { callAction } from "@/components/ui/form-result";
import { cn } from "@/lib/utils";

export type TaskItem = {
  id: string;
  title: string;
  dueDate: string | null;
  status: "open" | "done" | "cancelled";
  assigneeName?: string;
  unitName?: string;
  /** Shown without the checkbox (the viewer may not close it). */
  readOnly?: boolean;
  project?: { id: string; name: string } | null;
};

/** Tasks with a checkbox to close them; overdue ones are marked. `today` is China's date, from the server. */
export function TaskList({ tasks, today, emptyText }: { tasks: TaskItem[]; today: string; emptyText: string }) {
  const t = useTranslations("projects");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (tasks.length === 0) return <p className="text-sm text-slate-500">{emptyText}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {tasks.map((task) => {
        const done = task.status === "done";
        const overdue = !done && task.dueDate !== null && task.dueDate < today;
        return (
          <li key={task.id} className="flex items-start gap-3 py-2">
            <input
              type="checkbox"
              id={`task-${task.id}`}
              checked={done}
              disabled={pending || task.readOnly}
              onChange={(e) =>
                startTransition(async () => {
                  await callAction(setTaskDoneAction(task.id, e.target.checked));
                  router.refresh();
                })
              }
              className="mt-1 h-4 w-4 accent-brand-600"
              aria-describedby={`task-meta-${task.id}`}
            />
            <div className="min-w-0 flex-1">
              <label htmlFor={`task-${task.id}`} className={cn("text-sm", done && "text-slate-500 line-through")}>
                {task.title}
              </label>
              <p id={`task-meta-${task.id}`} className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
                {task.project && (
                  <Link href={`/projects/${task.project.id}`} className="text-brand-700 hover:underline">
                    {task.project.name}
                  </Link>
                )}
                {task.assigneeName && <span>{task.assigneeName}</span>}
                {task.unitName && <span>{task.unitName}</span>}
                {task.dueDate && <span>{t("dueOn", { date: task.dueDate })}</span>}
                {overdue && <Badge tone="red">{t("overdue")}</Badge>}
                {done && <span>{t("done")}</span>}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

import { getTranslations } from "next-intl/server";
import { STEPS } from "@/lib/grids/clock";
import type { RequestDetail } from "@/lib/grids/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { ClockBadge } from "./clock-badges";

/** Received → accepted → replied → resolved: when each step was done, its time limit and its clock. */
export async function RequestTimeline({ request }: { request: RequestDetail }) {
  const t = await getTranslations("grids");
  const extra: Record<(typeof STEPS)[number], React.ReactNode> = {
    accept: request.handlerName && (
      <p>{t("handlerIs", { name: request.handlerName })}</p>
    ),
    reply: request.reply && <p className="whitespace-pre-line">{request.reply}</p>,
    resolve: request.resolution && <p className="whitespace-pre-line">{request.resolution}</p>,
  };
  return (
    <ol className="space-y-4">
      <li className="border-l-2 border-slate-300 pl-3">
        <p className="font-medium text-slate-900">{t("steps.receive")}</p>
        <p className="text-sm tabular-nums text-slate-700">{formatDateTime(request.receivedAt)}</p>
        <p className="text-xs text-slate-500">{t("startDay", { date: request.start })}</p>
      </li>
      {STEPS.map((s) => {
        const clock = request.clocks[s];
        return (
          <li key={s} className={`border-l-2 pl-3 ${clock.doneAt ? "border-brand-600" : "border-dashed border-slate-300"}`}>
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-900">{t(`steps.${s}`)}</span>
              <ClockBadge step={s} state={clock.state} />
            </p>
            <p className="text-sm tabular-nums text-slate-700">{clock.doneAt ? formatDateTime(clock.doneAt) : t("notYet")}</p>
            <p className="text-xs text-slate-500">{t("dueBy", { date: clock.due })}</p>
            {extra[s] && <div className="mt-1 text-sm text-slate-800">{extra[s]}</div>}
          </li>
        );
      })}
    </ol>
  );
}

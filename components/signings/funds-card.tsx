import { getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { percentOf, yuanToYi } from "@/lib/money";
import { FundsForm } from "./funds-form";

type Entry = { id: string; receivedOn: string; amount: string; note: string; createdBy: string | null };

/** 到位资金: the dated entries, their sum and its share of the contract investment, and a form to add one. */
export async function FundsCard({ projectId, entries, total, contractInvestment }: { projectId: string; entries: Entry[]; total: string; contractInvestment: string }) {
  const t = await getTranslations();
  const rate = percentOf(total, contractInvestment);
  return (
    <Card aria-labelledby="funds-heading">
      <CardHeader id="funds-heading" title={t("funds.title")} />
      <CardBody className="space-y-3">
        <p className="text-sm">
          <strong className="tabular-nums">{t("funds.total", { amount: yuanToYi(total) })}</strong>
          {rate && <span className="ml-2 text-slate-600">{t("funds.ofContract", { rate })}</span>}
        </p>
        {entries.length === 0 ? (
          <p className="text-sm text-slate-500">{t("funds.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {entries.map((e) => (
              <li key={e.id} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                <span className="tabular-nums">{e.receivedOn}</span>
                <span className={`tabular-nums ${e.amount.startsWith("-") ? "text-red-700" : ""}`}>
                  {yuanToYi(e.amount, 4)} {t("projects.yi")}
                </span>
                {(e.note || e.createdBy) && <span className="w-full text-xs text-slate-500">{[e.note, e.createdBy && t("funds.by", { name: e.createdBy })].filter(Boolean).join(" · ")}</span>}
              </li>
            ))}
          </ul>
        )}
        <FundsForm projectId={projectId} />
      </CardBody>
    </Card>
  );
}

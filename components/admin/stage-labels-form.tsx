"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveStageLabelsAction } from "@/app/(app)/admin/stages/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { callAction } from "@/components/ui/form-result";
import { Input } from "@/components/ui/input";
import type { StageLabelRow } from "@/lib/reference/stage-labels";

type Row = StageLabelRow & { builtIn: string };

/** One row per stage: its default name, the district's names and whether it is hidden. */
export function StageLabelsForm({ rows: initial }: { rows: Row[] }) {
  const t = useTranslations("stageLabels");
  const errorText = useErrorText();
  const router = useRouter();
  const [rows, setRows] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string; fields?: Record<string, string[]> }>();
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await callAction(saveStageLabelsAction({ stages: rows.map(({ stage, labelZh, labelEn, hidden }) => ({ stage, labelZh, labelEn, hidden })) }));
    setBusy(false);
    if (res.ok) {
      setResult({ tone: "success", text: t("saved") });
      router.refresh();
    } else setResult({ tone: "error", text: errorText(res.message) ?? "", fields: res.fieldErrors });
  }

  return (
    <Form onSubmit={onSubmit} className="space-y-3">
      {result && <Alert tone={result.tone}>{result.text}</Alert>}
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 pr-3 font-medium">{t("builtIn")}</th>
              <th scope="col" className="py-2 pr-3 font-medium">{t("labelZh")}</th>
              <th scope="col" className="py-2 pr-3 font-medium">{t("labelEn")}</th>
              <th scope="col" className="py-2 font-medium">{t("hidden")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const error = result?.fields?.[`stages.${i}.hidden`]?.[0] ?? result?.fields?.[`stages.${i}.labelZh`]?.[0];
              return (
                <tr key={r.stage} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {r.builtIn}
                  </th>
                  <td className="py-2 pr-3">
                    <Input aria-label={`${r.builtIn} ${t("labelZh")}`} value={r.labelZh} placeholder={r.builtIn} maxLength={10} onChange={(e) => set(i, { labelZh: e.target.value })} />
                  </td>
                  <td className="py-2 pr-3">
                    <Input aria-label={`${r.builtIn} ${t("labelEn")}`} value={r.labelEn} maxLength={30} onChange={(e) => set(i, { labelEn: e.target.value })} />
                  </td>
                  <td className="py-2">
                    <label className="inline-flex min-h-9 items-center gap-2">
                      <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={r.hidden} onChange={(e) => set(i, { hidden: e.target.checked })} aria-describedby={error ? `stage-error-${i}` : undefined} />
                      <span className="sr-only">{r.builtIn}</span>
                      {t("hidden")}
                    </label>
                    {error && (
                      <p id={`stage-error-${i}`} className="text-sm text-red-700">
                        {errorText(error)}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Button type="submit" disabled={busy}>
        {busy ? t("saving") : t("save")}
      </Button>
    </Form>
  );
}

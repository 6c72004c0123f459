"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { assignEnterpriseAction, unassignEnterpriseAction } from "@/app/(app)/grids/actions";
import { EnterprisePicker, type PickedEnterprise } from "@/components/enterprises/enterprise-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/field";
import { callAction } from "@/components/ui/form-result";
import { useHydrated } from "@/components/ui/form";

type Row = { id: string; name: string; uscc: string | null; visible: boolean };

/** The grid's enterprises; managers add one they may see, or take one out. */
export function GridEnterprises({ gridId, rows, canManage }: { gridId: string; rows: Row[]; canManage: boolean }) {
  const t = useTranslations("grids");
  const router = useRouter();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const [picked, setPicked] = useState<PickedEnterprise | null>(null);
  const [pickError, setPickError] = useState<string>();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string }>();
  const [busy, setBusy] = useState(false);

  const assign = async () => {
    setStatus(undefined);
    if (!picked) {
      setPickError("grids.errors.enterpriseRequired");
      return;
    }
    setBusy(true);
    const result = await callAction(assignEnterpriseAction(gridId, { enterpriseId: picked.id }));
    setBusy(false);
    if (result.ok) {
      setPickError(undefined);
      setPicked(null);
      setStatus({ tone: "success", text: t("assigned", { name: result.data.name }) });
      router.refresh();
    } else if (result.fieldErrors?.enterpriseId?.[0]) setPickError(result.fieldErrors.enterpriseId[0]);
    else setStatus({ tone: "error", text: errorText(result.message) ?? "" });
  };

  const unassign = async (row: Row) => {
    setStatus(undefined);
    setBusy(true);
    const result = await callAction(unassignEnterpriseAction(gridId, row.id));
    setBusy(false);
    setStatus(result.ok ? { tone: "success", text: t("unassigned", { name: row.name }) } : { tone: "error", text: errorText(result.message) ?? "" });
    router.refresh();
  };

  return (
    <div className="space-y-3">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noEnterprises")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={t("enterprises")}>
          {rows.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-2 py-1.5 text-sm">
              {r.visible ? (
                <Link href={`/enterprises/${r.id}`} className="min-w-0 break-words text-brand-700 underline-offset-2 hover:underline">
                  {r.name}
                </Link>
              ) : (
                <span className="min-w-0 break-words">{r.name}</span>
              )}
              {canManage && (
                <Button type="button" variant="ghost" className="min-h-9 shrink-0 px-2 text-red-700" disabled={busy || !hydrated} onClick={() => unassign(r)} aria-label={t("unassignName", { name: r.name })}>
                  {t("unassign")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <div className="space-y-2 border-t border-slate-200 pt-3">
          <EnterprisePicker id="grid-assign" label={t("assignLabel")} value={picked} onChange={setPicked} error={pickError} />
          <Button type="button" variant="secondary" disabled={busy || !hydrated} onClick={assign}>
            {t("assign")}
          </Button>
        </div>
      )}
    </div>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { revertImportAction } from "@/app/(app)/import/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useErrorText } from "@/components/ui/field";
import { callAction } from "@/components/ui/form-result";

/** 撤销导入 (admins), after a confirmation; a refusal names the records changed since. */
export function RevertButton({ id, fileName }: { id: string; fileName: string }) {
  const t = useTranslations("imports");
  const errorText = useErrorText();
  const router = useRouter();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string; names?: string[] } | null>(null);
  const revert = async () => {
    setBusy(true);
    const r = await callAction(revertImportAction(id));
    setBusy(false);
    if (r.ok) {
      setOpen(false);
      setMessage({ tone: "success", text: t("revertDone", { archived: r.data.archived, restored: r.data.restored }) });
      router.refresh();
    } else setMessage({ tone: "error", text: errorText(r.message) ?? "", names: r.fieldErrors?._form });
  };
  return (
    <>
      <Button variant="danger" onClick={() => { setMessage(null); setOpen(true); }} aria-label={t("revertNamed", { name: fileName })}>
        {t("revert")}
      </Button>
      {message?.tone === "success" && <span role="status" className="sr-only">{message.text}</span>}
      <Dialog open={open} onClose={() => setOpen(false)} title={t("revertNamed", { name: fileName })} titleId={titleId}>
        <div className="space-y-4">
          <p className="text-sm text-slate-700">{t("revertConfirm")}</p>
          {message?.tone === "error" && (
            <Alert tone="error">
              {message.text}
              {message.names?.length ? `：${message.names.join("、")}` : ""}
            </Alert>
          )}
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("cancelRevert")}
            </Button>
            <Button variant="danger" onClick={revert} disabled={busy}>
              {busy ? t("reverting") : t("revert")}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}

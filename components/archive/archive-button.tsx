"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { archiveRecordAction } from "@/app/(app)/archive/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useErrorText } from "@/components/ui/field";
import { callAction } from "@/components/ui/form-result";
import type { ArchiveType } from "@/lib/archive/validation";

/**
 * "删除" on a record's page: asks first, then archives the record (it is hidden everywhere, an
 * admin can restore it) and goes back to the list. A refusal (stale version, an enterprise with
 * projects) is shown in the dialog and nothing changes.
 */
export function ArchiveButton({ type, id, version, name }: { type: ArchiveType; id: string; version: number; name: string }) {
  const t = useTranslations("archive");
  const errorText = useErrorText();
  const router = useRouter();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    const result = await callAction(archiveRecordAction(type, id, { version }));
    setBusy(false);
    if (result.ok) {
      setOpen(false);
      router.push(`${result.data.list}?archived=1`);
      router.refresh();
    } else setError(errorText(result.message));
  };

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t("delete")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("confirmTitle", { name })} titleId={titleId}>
        <div className="space-y-4">
          <p className="text-sm text-slate-700">{t(`confirmBody.${type}`)}</p>
          {error && <Alert tone="error">{error}</Alert>}
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
            <Button variant="danger" disabled={busy} onClick={confirm}>
              {busy ? t("deleting") : t("confirm")}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { restoreRecordAction } from "@/app/(app)/archive/actions";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/field";
import { callAction } from "@/components/ui/form-result";
import type { ArchiveType } from "@/lib/archive/validation";

/** 恢复 on the admin's list of archived records. */
export function RestoreButton({ type, id, name }: { type: ArchiveType; id: string; name: string }) {
  const t = useTranslations("archive");
  const errorText = useErrorText();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const restore = async () => {
    setBusy(true);
    const result = await callAction(restoreRecordAction(type, id));
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(errorText(result.message));
  };
  return (
    <span className="inline-flex flex-wrap items-center justify-end gap-2">
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
      <Button variant="secondary" disabled={busy} onClick={restore} aria-label={t("restoreNamed", { name })}>
        {t("restore")}
      </Button>
    </span>
  );
}

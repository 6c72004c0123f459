"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { linkParcelAction, unlinkParcelAction } from "@/app/(app)/parcels/actions";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/form";
import { callAction } from "@/components/ui/form-result";

/** 匹配 / 解除匹配 one parcel to the project; a refusal (taken meanwhile) is said beside the button. */
export function MatchButton({ projectId, parcelId, code, unlink = false }: { projectId: string; parcelId: string; code: string; unlink?: boolean }) {
  const t = useTranslations("land");
  const router = useRouter();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function run() {
    setBusy(true);
    setError(undefined);
    const action = unlink ? unlinkParcelAction : linkParcelAction;
    const result = await callAction(action(projectId, { parcelId }));
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(errorText(result.message));
  }

  return (
    <div className="flex max-w-40 shrink-0 flex-col items-end gap-1">
      <Button type="button" variant={unlink ? "danger" : "primary"} disabled={!hydrated || busy} onClick={run} className="min-h-9 px-3">
        {unlink ? t("unmatch") : t("match")}
        <span className="sr-only"> {code}</span>
      </Button>
      {error && (
        <p role="alert" className="text-right text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

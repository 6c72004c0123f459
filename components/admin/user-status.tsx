"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setUserActiveAction } from "@/app/(app)/admin/users/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/field";
import { callAction } from "@/components/ui/form-result";

export function UserStatus({ user }: { user: { id: string; displayName: string; active: boolean; version: number } }) {
  const t = useTranslations("users");
  const errorText = useErrorText();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string }>();

  const toggle = () => {
    if (user.active && !window.confirm(t("confirmDeactivate", { name: user.displayName }))) return;
    startTransition(async () => {
      const result = await callAction(setUserActiveAction(user.id, { active: !user.active, version: user.version }));
      if (result.ok) {
        setMessage({ tone: "success", text: result.data.active ? t("activated") : t("deactivated") });
        router.refresh();
      } else setMessage({ tone: "error", text: errorText(result.message) ?? "" });
    });
  };

  return (
    <div className="space-y-3">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <p className="text-sm text-slate-600">{user.active ? t("statusActive") : t("statusInactive")}</p>
      <Button type="button" variant={user.active ? "danger" : "secondary"} onClick={toggle} disabled={pending}>
        {user.active ? t("deactivate") : t("activate")}
      </Button>
    </div>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { archiveRecordAction } from "@/app/(app)/archive/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/field";
import { callAction } from "@/components/ui/form-result";
import type { ContactRow } from "@/lib/enterprises/queries";
import { ContactForm } from "./contact-form";

type Mode = { kind: "idle" } | { kind: "add" } | { kind: "edit"; id: string } | { kind: "delete"; id: string };

/** The enterprise's contacts, with add, edit and delete (archive: an admin can restore it) in place. */
export function ContactsList({ enterpriseId, contacts: all }: { enterpriseId: string; contacts: ContactRow[] }) {
  const t = useTranslations("contacts");
  const errorText = useErrorText();
  const router = useRouter();
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string }>();
  const [busy, setBusy] = useState(false);
  // A deleted (archived) contact leaves the list at once, not only when the refreshed page arrives.
  const [archived, setArchived] = useState<string[]>([]);
  const contacts = all.filter((c) => !archived.includes(c.id));

  const done = (text: string) => {
    setMode({ kind: "idle" });
    setStatus({ tone: "success", text });
    router.refresh();
  };

  const remove = async (c: ContactRow) => {
    setBusy(true);
    const result = await callAction(archiveRecordAction("contact", c.id, { version: c.version }));
    setBusy(false);
    if (result.ok) {
      setArchived((ids) => [...ids, c.id]);
      done(t("deleted"));
    }
    else {
      setMode({ kind: "idle" });
      setStatus({ tone: "error", text: errorText(result.message) ?? "" });
      router.refresh();
    }
  };

  return (
    <div className="space-y-3">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      {contacts.length === 0 && mode.kind !== "add" && <p className="text-sm text-slate-500">{t("empty")}</p>}
      {contacts.length > 0 && (
        <ul className="divide-y divide-slate-100" aria-label={t("title")}>
          {contacts.map((c) =>
            mode.kind === "edit" && mode.id === c.id ? (
              <li key={c.id} className="py-2">
                <ContactForm enterpriseId={enterpriseId} contact={c} onDone={done} onCancel={() => setMode({ kind: "idle" })} />
              </li>
            ) : (
              <li key={c.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                <div className="min-w-0 text-sm">
                  <p className="font-medium text-slate-900">
                    {c.name}
                    {c.title && <span className="ml-2 font-normal text-slate-600">{c.title}</span>}
                  </p>
                  <p className="flex flex-wrap gap-x-3 text-slate-700">
                    {c.phone && <a href={`tel:${c.phone}`} className="underline underline-offset-2">{c.phone}</a>}
                    {c.email && <a href={`mailto:${c.email}`} className="underline underline-offset-2">{c.email}</a>}
                    {c.wechat && <span>{t("wechat")}：{c.wechat}</span>}
                  </p>
                  {c.notes && <p className="text-slate-500">{c.notes}</p>}
                </div>
                {mode.kind === "delete" && mode.id === c.id ? (
                  <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("deleteContact", { name: c.name })}>
                    <span className="text-sm text-slate-700">{t("confirmDelete", { name: c.name })}</span>
                    <Button variant="danger" disabled={busy} onClick={() => remove(c)}>
                      {t("confirm")}
                    </Button>
                    <Button variant="secondary" onClick={() => setMode({ kind: "idle" })}>
                      {t("cancel")}
                    </Button>
                  </div>
                ) : (
                  <div className="flex gap-2">
                    <Button variant="secondary" onClick={() => { setStatus(undefined); setMode({ kind: "edit", id: c.id }); }}>
                      {t("edit")}
                      <span className="sr-only">{c.name}</span>
                    </Button>
                    <Button variant="ghost" onClick={() => { setStatus(undefined); setMode({ kind: "delete", id: c.id }); }}>
                      {t("delete")}
                      <span className="sr-only">{c.name}</span>
                    </Button>
                  </div>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {mode.kind === "add" ? (
        <ContactForm enterpriseId={enterpriseId} onDone={done} onCancel={() => setMode({ kind: "idle" })} />
      ) : (
        <Button variant="secondary" onClick={() => { setStatus(undefined); setMode({ kind: "add" }); }}>
          {t("add")}
        </Button>
      )}
    </div>
  );
}

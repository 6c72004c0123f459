"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteMappingAction, saveMappingAction } from "@/app/(app)/import/actions";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { useErrorText } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/form";
import { callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import type { ImportKind } from "@/db/schema/enums";
import { requiredFields } from "@/lib/imports/fields";
import type { MappingRow } from "@/lib/imports/mappings";
import type { ImportProgress } from "@/lib/imports/service";
import { IMPORT_KINDS, type Mapping } from "@/lib/imports/validation";
import { ChangeTable, ReportSummary } from "./import-report";
import { MappingTable } from "./mapping-table";
import { downloadReport, inspectFile, runFile, type ApiError, type Inspection, type Report } from "./upload";

type Busy = null | "inspect" | "dry" | "commit" | "report" | "save";

/**
 * 数据导入: choose what and the file → check how its columns map (adjust, apply or save a
 * template) → a dry run lists every bad row → confirm → one transaction. The file stays in the
 * browser between the steps and is sent again each time (the server keeps nothing between them).
 */
export function ImportWizard() {
  const t = useTranslations("imports");
  const errorText = useErrorText();
  const router = useRouter();
  const hydrated = useHydrated();
  const [kind, setKind] = useState<ImportKind>("projects");
  const [file, setFile] = useState<File | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [saved, setSaved] = useState<MappingRow[]>([]);
  const [savedChoice, setSavedChoice] = useState("");
  const [saveName, setSaveName] = useState("");
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [dry, setDry] = useState<Report | null>(null);
  const [result, setResult] = useState<Report | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A new key empties the file input for the next file.
  const [fileKey, setFileKey] = useState(0);

  const reset = () => {
    setDry(null);
    setResult(null);
    setError(null);
    setNotice(null);
    setSkipInvalid(false);
  };

  const inspect = async (k: ImportKind, f: File) => {
    reset();
    setInspection(null);
    setBusy("inspect");
    const r = await inspectFile(k, f);
    setBusy(null);
    if (!r.ok) return setError(r.error);
    setInspection(r.data);
    setMapping(r.data.mapping);
    setSaved(r.data.saved);
    setSavedChoice("");
  };

  const missing = requiredFields(kind).filter((f) => !Object.values(mapping).includes(f));
  const mappingErrors: Record<string, string> = {};
  for (const [h, msgs] of Object.entries(error?.fields ?? {})) if (inspection?.headers.includes(h) && msgs[0]) mappingErrors[h] = errorText(msgs[0]) ?? msgs[0];

  const run = async (mode: "dry" | "commit") => {
    if (!file) return;
    setError(null);
    setNotice(null);
    if (mode === "dry") setResult(null);
    setBusy(mode);
    setProgress({ rows: 0, bytes: 0 });
    const r = await runFile({ kind, file, mode, mapping, skipInvalid }, setProgress);
    setBusy(null);
    setProgress(null);
    if (!r.ok) return setError(r.error);
    if (mode === "dry") setDry(r.data);
    else {
      setResult(r.data);
      if (!r.data.committed) setDry(r.data);
      router.refresh();
    }
  };

  const saveTemplate = async () => {
    setBusy("save");
    const r = await callAction(saveMappingAction({ kind, name: saveName, mapping }));
    setBusy(null);
    if (!r.ok) return setError({ code: r.code, message: r.fieldErrors?.name?.[0] ?? r.message });
    setSaved((list) => [...list.filter((m) => m.name !== r.data.name), { ...r.data, createdByName: null, updatedAt: new Date() }].sort((a, b) => a.name.localeCompare(b.name)));
    setNotice(t("saved", { name: r.data.name }));
    setSaveName("");
  };

  const applySaved = () => {
    const m = saved.find((s) => s.id === savedChoice);
    if (!m || !inspection) return;
    reset();
    setMapping(Object.fromEntries(inspection.headers.map((h) => [h, m.mapping[h] ?? ""])));
  };

  const removeSaved = async (m: MappingRow) => {
    const r = await callAction(deleteMappingAction(m.id));
    if (r.ok) {
      setSaved((list) => list.filter((s) => s.id !== m.id));
      setSavedChoice("");
    } else setError({ code: r.code, message: r.message });
  };

  const download = async () => {
    if (!file) return;
    setBusy("report");
    const r = await downloadReport(kind, file, mapping);
    setBusy(null);
    if (!r.ok) setError(r.error);
  };

  const percent = progress && file?.size ? Math.min(100, Math.round((progress.bytes / file.size) * 100)) : 0;
  const toWrite = dry ? dry.created + dry.updated : 0;
  const canCommit = dry && !busy && toWrite > 0 && (dry.invalidRows === 0 || skipInvalid);
  const formError = error && !Object.keys(mappingErrors).length ? (error.fields?._missing ? t("missing", { fields: error.fields._missing.map((f) => t(`fields.${kind}.${f}` as never)).join("、") }) : errorText(error.message)) : null;

  return (
    <div className="space-y-5">
      <Card aria-labelledby="import-file-heading">
        <CardHeader id="import-file-heading" title={t("stepFile")} />
        <CardBody className="space-y-4">
          <fieldset disabled={!hydrated || busy !== null} className="space-y-4">
            <div role="radiogroup" aria-labelledby="import-kind-label" className="space-y-2">
              <p id="import-kind-label" className="text-sm font-medium text-slate-800">
                {t("kind")}
              </p>
              <div className="flex flex-wrap gap-x-6 gap-y-2">
                {IMPORT_KINDS.map((k) => (
                  <label key={k} className="inline-flex min-h-10 items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name="kind"
                      value={k}
                      checked={kind === k}
                      onChange={() => {
                        setKind(k);
                        if (file) void inspect(k, file);
                      }}
                      className="size-4"
                    />
                    {t(`kinds.${k}`)}
                  </label>
                ))}
              </div>
              <p className="text-xs text-slate-600">{t(`kindHint.${kind}`)}</p>
            </div>
            <div className="space-y-1.5">
              <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
                {t("file")}
              </label>
              <input
                key={fileKey}
                id="import-file"
                type="file"
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                aria-describedby={formError ? "import-file-hint import-file-error" : "import-file-hint"}
                aria-invalid={formError ? true : undefined}
                className="block w-full text-sm file:mr-3 file:min-h-10 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
                onChange={(e) => {
                  const f = e.target.files?.[0] ?? null;
                  setFile(f);
                  if (f) void inspect(kind, f);
                  else setInspection(null);
                }}
              />
              <p id="import-file-hint" className="text-xs text-slate-600">
                {t("fileHint")}
              </p>
            </div>
          </fieldset>
          {busy === "inspect" && (
            <p role="status" className="text-sm text-slate-600">
              {t("reading")}
            </p>
          )}
          {formError && (
            <Alert id="import-file-error" tone="error">
              {formError}
            </Alert>
          )}
        </CardBody>
      </Card>

      {inspection && (
        <Card aria-labelledby="import-mapping-heading">
          <CardHeader id="import-mapping-heading" title={t("stepMapping")} />
          <CardBody className="space-y-4">
            <p className="text-sm text-slate-600">{t("headerRow", { row: inspection.headerRow, count: inspection.headers.length })}</p>
            <div className="flex flex-wrap items-end gap-2">
              <div className="space-y-1">
                <label htmlFor="saved-mapping" className="block text-sm font-medium text-slate-800">
                  {t("savedMappings")}
                </label>
                <Select id="saved-mapping" value={savedChoice} onChange={(e) => setSavedChoice(e.target.value)} className="min-w-48" disabled={!saved.length}>
                  <option value="">{saved.length ? "—" : t("noSaved")}</option>
                  {saved.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </Select>
              </div>
              <Button variant="secondary" onClick={applySaved} disabled={!savedChoice || busy !== null}>
                {t("applySaved")}
              </Button>
              {savedChoice && (
                <Button variant="ghost" onClick={() => removeSaved(saved.find((s) => s.id === savedChoice)!)} disabled={busy !== null}>
                  {t("deleteMapping", { name: saved.find((s) => s.id === savedChoice)?.name ?? "" })}
                </Button>
              )}
            </div>
            <MappingTable
              kind={kind}
              headers={inspection.headers}
              samples={inspection.samples}
              mapping={mapping}
              errors={mappingErrors}
              onChange={(h, f) => {
                reset();
                setMapping((m) => ({ ...m, [h]: f }));
              }}
            />
            {missing.length > 0 && <Alert tone="error">{t("missing", { fields: missing.map((f) => t(`fields.${kind}.${f}` as never)).join("、") })}</Alert>}
            <div className="flex flex-wrap items-end gap-2">
              <div className="space-y-1">
                <label htmlFor="save-name" className="block text-sm font-medium text-slate-800">
                  {t("saveName")}
                </label>
                <Input id="save-name" value={saveName} onChange={(e) => setSaveName(e.target.value)} aria-describedby="save-name-hint" maxLength={50} className="min-w-48" />
              </div>
              <Button variant="secondary" onClick={saveTemplate} disabled={!saveName.trim() || busy !== null}>
                {t("saveAs")}
              </Button>
              <p id="save-name-hint" className="w-full text-xs text-slate-600">
                {t("saveNameHint")}
              </p>
            </div>
            {notice && <Alert tone="success">{notice}</Alert>}
          </CardBody>
        </Card>
      )}

      {inspection && (
        <Card aria-labelledby="import-check-heading">
          <CardHeader id="import-check-heading" title={t("stepCheck")} />
          <CardBody className="space-y-4">
            <Button onClick={() => run("dry")} disabled={busy !== null || missing.length > 0} variant={dry ? "secondary" : "primary"}>
              {busy === "dry" ? t("checking") : t("check")}
            </Button>
            {progress && (
              <div className="space-y-1" role="status" aria-live="polite">
                <progress className="h-2 w-full max-w-md accent-brand-600" max={100} value={percent} aria-label={busy === "commit" ? t("committing") : t("checking")} />
                <p className="text-sm text-slate-600">{t("progress", { rows: progress.rows.toLocaleString("zh-CN"), percent })}</p>
              </div>
            )}
            {dry && !result?.committed && <ReportSummary report={dry} />}
            {dry && dry.invalidRows > 0 && !result?.committed && (
              <Button variant="secondary" onClick={download} disabled={busy !== null}>
                {busy === "report" ? t("downloading") : t("downloadReport")}
              </Button>
            )}
            {dry && !result?.committed && toWrite > 0 && (
              <div className="space-y-3 border-t border-slate-200 pt-4">
                {dry.invalidRows > 0 && (
                  <label className="flex min-h-10 items-center gap-2 text-sm">
                    <input type="checkbox" className="size-4" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
                    {t("skipInvalid", { count: dry.invalidRows, valid: dry.validRows })}
                  </label>
                )}
                <Button onClick={() => run("commit")} disabled={!canCommit}>
                  {busy === "commit" ? t("committing") : t("commit", { count: dry.validRows })}
                </Button>
              </div>
            )}
            {result && !result.committed && result.invalidRows > 0 && <Alert tone="error">{t("refused")}</Alert>}
            {result?.committed && (
              <div className="space-y-3">
                <Alert tone="success">
                  {t("done", { created: result.created, updated: result.updated })}
                  {result.enterprisesCreated > 0 && ` ${t("doneEnterprises", { count: result.enterprisesCreated })}`}
                  {result.invalidRows > 0 && ` ${t("doneSkipped", { count: result.invalidRows })}`}
                </Alert>
                <ChangeTable changes={result.changes} total={result.created + result.updated} done />
                <div className="flex flex-wrap gap-2">
                  {kind === "projects" ? (
                    <>
                      <ButtonLink href="/signed">{t("viewSigned")}</ButtonLink>
                      <ButtonLink href="/projects" variant="secondary">
                        {t("viewProjects")}
                      </ButtonLink>
                    </>
                  ) : (
                    <ButtonLink href="/enterprises">{t("viewEnterprises")}</ButtonLink>
                  )}
                  <Button
                    variant="ghost"
                    onClick={() => {
                      reset();
                      setFile(null);
                      setInspection(null);
                      setFileKey((k) => k + 1);
                    }}
                  >
                    {t("startOver")}
                  </Button>
                </div>
              </div>
            )}
          </CardBody>
        </Card>
      )}
    </div>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { RowChange } from "@/lib/imports/changes";
import type { IssueWithText, Report } from "./upload";

/** A table of row issues: row number, column, what is wrong, the cell as it was. */
export function IssueTable({ issues, label }: { issues: IssueWithText[]; label: string }) {
  const t = useTranslations("imports");
  return (
    <div className="overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
      <table className="w-full min-w-[32rem] border-collapse text-sm">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-16 border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-medium text-slate-600">{t("row")}</th>
            <th scope="col" className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-medium text-slate-600">{t("columnName")}</th>
            <th scope="col" className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-medium text-slate-600">{t("problem")}</th>
            <th scope="col" className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-medium text-slate-600">{t("value")}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((e, i) => (
            <tr key={`${e.row}-${e.column}-${i}`} className="align-top">
              <td className="border-b border-slate-100 px-3 py-2 tabular-nums">{e.row}</td>
              <td className="border-b border-slate-100 px-3 py-2 whitespace-nowrap">{e.column ?? "—"}</td>
              <td className="border-b border-slate-100 px-3 py-2 text-red-800">{e.text}</td>
              <td className="max-w-[16rem] border-b border-slate-100 px-3 py-2 break-all text-slate-600">{e.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const cell = "border-b border-slate-100 px-3 py-2";
const head = "border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-medium text-slate-600";

/**
 * Every row the import creates or updates (would, in a dry run), each changed field with what it
 * was and what it becomes: one body per row, so a screen reader hears the row with its fields.
 */
export function ChangeTable({ changes, total, done = false }: { changes: RowChange[]; total: number; done?: boolean }) {
  const t = useTranslations("imports");
  const label = t(done ? "changesDone" : "changes", { count: total });
  const empty = (v: string) => v || <span className="text-slate-400">{t("changeNone")}</span>;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-800">{label}</h3>
      <div className="max-h-[32rem] overflow-auto" role="region" aria-label={label} tabIndex={0}>
        <table className="w-full min-w-[40rem] border-collapse text-sm">
          <caption className="sr-only">{label}</caption>
          <thead className="sticky top-0">
            <tr>
              <th scope="col" className={`w-16 ${head}`}>{t("row")}</th>
              <th scope="col" className={head}>{t("changeRecord")}</th>
              <th scope="col" className={head}>{t("changeField")}</th>
              <th scope="col" className={head}>{t("changeBefore")}</th>
              <th scope="col" className={head}>{t("changeAfter")}</th>
            </tr>
          </thead>
          {changes.map((c) => (
            <tbody key={c.row} className="align-top">
              {c.fields.map((f, i) => (
                <tr key={`${c.row}-${f.column}`}>
                  {i === 0 && (
                    <>
                      <th scope="rowgroup" rowSpan={c.fields.length} className={`${cell} text-left font-normal tabular-nums`}>
                        {c.row}
                      </th>
                      <td rowSpan={c.fields.length} className={cell}>
                        <span className={c.op === "create" ? "mr-1.5 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900" : "mr-1.5 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-900"}>
                          {t(`changeOp.${c.op}`)}
                        </span>
                        {c.name}
                      </td>
                    </>
                  )}
                  <td className={`${cell} whitespace-nowrap`}>{f.column}</td>
                  <td className={`${cell} max-w-[16rem] break-all text-slate-600`}>{c.op === "create" ? "—" : empty(f.before)}</td>
                  <td className={`${cell} max-w-[16rem] break-all text-slate-900`}>{empty(f.after)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {total > changes.length && <p className="text-sm text-slate-600">{t("moreChanges", { listed: changes.length, count: total })}</p>}
    </div>
  );
}

/** What a dry run found: the counts, the bad rows, the notes. */
export function ReportSummary({ report }: { report: Report }) {
  const t = useTranslations("imports");
  const toWrite = report.created + report.updated;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-800" role="status">
        {t("summary", { total: report.totalRows, valid: report.validRows, invalid: report.invalidRows })}{" "}
        {toWrite > 0 && t("plan", { created: report.created, updated: report.updated, unchanged: report.unchanged })}{" "}
        {report.enterprisesCreated > 0 && t("planEnterprises", { count: report.enterprisesCreated })}
      </p>
      {report.invalidRows === 0 && toWrite === 0 && report.totalRows > 0 && <Alert tone="info">{t("noChanges")}</Alert>}
      {report.invalidRows > 0 && (
        <>
          <Alert tone="error">{t("badRows", { count: report.invalidRows })}</Alert>
          <IssueTable issues={report.errors} label={t("problem")} />
          {report.errorCount > report.errors.length && <p className="text-sm text-slate-600">{t("moreErrors", { listed: report.errors.length, count: report.errorCount })}</p>}
        </>
      )}
      {toWrite > 0 && <ChangeTable changes={report.changes} total={toWrite} />}
      {report.warnings.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">
            {t("warnings")}（{report.warnings.length}）
          </summary>
          <div className="mt-2">
            <IssueTable issues={report.warnings} label={t("warnings")} />
          </div>
        </details>
      )}
    </div>
  );
}

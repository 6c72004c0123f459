"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
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

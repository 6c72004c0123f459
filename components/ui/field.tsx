"use client";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

/** Translates an error that is an i18n key ("errors.…", "projects.errors.…"); passes anything else through. */
export function useErrorText() {
  const t = useTranslations();
  return (message: string | undefined) => (message && t.has(message as never) ? t(message as never) : message);
}

/**
 * A label, the control, a hint and the field's error, wired for screen readers:
 * the control gets aria-invalid and aria-describedby pointing at the hint and error.
 */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  className?: string;
  children: (aria: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const errorText = useErrorText()(error);
  const describedBy = [hint && `${id}-hint`, errorText && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required && (
          <span className="ml-0.5 text-red-600" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children({ id, "aria-invalid": Boolean(errorText), "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errorText && (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {errorText}
        </p>
      )}
    </div>
  );
}

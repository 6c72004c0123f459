"use client";
import { useEffect, useRef } from "react";
import { cn } from "@/lib/utils";

/**
 * A modal on the native <dialog>: the browser traps focus, Escape cancels, and the page
 * behind is inert. `onClose` runs however it is closed.
 */
export function Dialog({
  open,
  onClose,
  title,
  titleId,
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  titleId: string;
  className?: string;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={cn(
        "m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40",
        className,
      )}
    >
      {open && (
        <div className="p-5">
          <h2 id={titleId} className="mb-4 text-lg font-semibold">
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}

"use client";
import { useSyncExternalStore } from "react";
import { cn } from "@/lib/utils";

const subscribe = () => () => {};

/** False while the server-rendered HTML is not yet hydrated, true in the browser after. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * A form whose fields stay disabled until React has hydrated it: input typed before then
 * would be reset by hydration, and a submit would post the page as a plain GET.
 */
export function Form({ className, children, ...props }: React.FormHTMLAttributes<HTMLFormElement>) {
  const hydrated = useHydrated();
  return (
    <form noValidate {...props}>
      {/* The layout classes go on the fieldset, the form's only child, so grids and spacing apply to the fields. */}
      <fieldset disabled={!hydrated} className={cn("min-w-0", className)}>
        {children}
      </fieldset>
    </form>
  );
}

import { cn } from "@/lib/utils";

/** A dense data table that scrolls sideways on a phone instead of squashing its columns. */
export function Table({ className, label, wrapperClassName, ...props }: React.TableHTMLAttributes<HTMLTableElement> & { label: string; wrapperClassName?: string }) {
  return (
    <div className={cn("relative overflow-x-auto", wrapperClassName)} role="region" aria-label={label} tabIndex={0}>
      <table className={cn("w-full border-collapse text-sm", className)} {...props} />
    </div>
  );
}

export function Th({ className, ...props }: React.ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn("border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-medium whitespace-nowrap text-slate-600", className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: React.TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("border-b border-slate-100 px-3 py-2 align-middle", className)} {...props} />;
}

import Link from "next/link";

/** A sortable column's header: a link that sorts by it (again to reverse), with the direction shown. */
export function SortHeader({ href, label, active, ascending }: { href: string; label: string; active: boolean; ascending: boolean }) {
  return (
    <Link href={href} className="inline-flex items-center gap-1 hover:text-slate-900">
      {label}
      <span aria-hidden="true" className={active ? "text-brand-700" : "text-slate-300"}>
        {active && ascending ? "▲" : "▼"}
      </span>
    </Link>
  );
}

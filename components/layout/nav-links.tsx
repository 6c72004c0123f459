"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";
import type { NavItem } from "./nav-items";

function matches(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  // The most specific match wins: /projects/board is the board, not the project list.
  const currentHref = items
    .filter((i) => matches(pathname, i.href))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const main = items.filter((i) => !i.group);
  const admin = items.filter((i) => i.group === "admin");
  const link = (item: NavItem) => {
    const current = item.href === currentHref;
    return (
      <li key={item.href}>
        <Link
          href={item.href}
          onClick={onNavigate}
          aria-current={current ? "page" : undefined}
          className={cn(
            "flex min-h-10 items-center rounded-md px-3 text-sm",
            current ? "bg-brand-600 font-medium text-white" : "text-slate-200 hover:bg-white/10 hover:text-white",
          )}
        >
          {t(item.label)}
        </Link>
      </li>
    );
  };
  return (
    <div className="space-y-5">
      <ul className="space-y-1">{main.map(link)}</ul>
      {admin.length > 0 && (
        <div>
          <p className="px-3 pb-1 text-xs font-medium tracking-wide text-slate-300">{t("admin")}</p>
          <ul className="space-y-1">{admin.map(link)}</ul>
        </div>
      )}
    </div>
  );
}

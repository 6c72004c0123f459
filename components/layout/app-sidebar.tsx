import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { NavLinks } from "./nav-links";
import type { NavItem } from "./nav-items";

export async function AppSidebar({ items }: { items: NavItem[] }) {
  const t = await getTranslations();
  return (
    <aside className="no-print hidden w-56 shrink-0 flex-col bg-slate-900 lg:flex">
      <Link href="/" className="flex h-14 items-center gap-2 px-4 text-white">
        <span className="flex h-8 w-8 items-center justify-center rounded-md bg-brand-600 font-bold" aria-hidden="true">
          招
        </span>
        <span className="font-semibold">{t("app.name")}</span>
      </Link>
      <nav aria-label={t("nav.label")} className="flex-1 overflow-y-auto px-2 py-3">
        <NavLinks items={items} />
      </nav>
    </aside>
  );
}

import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { signOut } from "@/lib/auth";
import type { Viewer } from "@/lib/auth/roles";
import { GlobalSearch } from "./global-search";
import { LanguageSwitch } from "./language-switch";
import { MobileNav } from "./mobile-nav";
import type { NavItem } from "./nav-items";

export async function TopBar({ viewer, items }: { viewer: Viewer; items: NavItem[] }) {
  const t = await getTranslations();
  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: "/login" });
  }
  return (
    <header className="no-print sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-slate-200 bg-white px-3 sm:px-5">
      <MobileNav items={items} />
      <GlobalSearch />
      {/* On a phone the language switch sits in the footer, leaving room for the user's name. */}
      <div className="hidden sm:block">
        <LanguageSwitch />
      </div>
      <div className="flex min-w-0 items-center gap-2" aria-label={t("topBar.userMenu")} role="group">
        <div className="min-w-0 text-right leading-tight">
          <p className="truncate text-sm font-medium text-slate-900">{viewer.displayName}</p>
          <p className="hidden truncate text-xs text-slate-500 sm:block">{viewer.unitName}</p>
        </div>
        <Badge tone={viewer.role === "admin" ? "amber" : viewer.role === "manager" ? "blue" : "grey"}>{t(`roles.${viewer.role}`)}</Badge>
      </div>
      <form action={signOutAction}>
        <button type="submit" className="min-h-10 rounded-md px-2 text-sm whitespace-nowrap text-slate-700 hover:bg-slate-100 sm:px-3">
          {t("topBar.signOut")}
        </button>
      </form>
    </header>
  );
}

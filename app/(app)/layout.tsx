import { getTranslations } from "next-intl/server";
import { AppSidebar } from "@/components/layout/app-sidebar";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { NAV_ITEMS } from "@/components/layout/nav-items";
import { TopBar } from "@/components/layout/top-bar";
import { requirePageViewer } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageViewer();
  const t = await getTranslations("app");
  const items = NAV_ITEMS.filter((i) => hasRole(viewer, i.least));
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      <AppSidebar items={items} />
      <div className="flex min-w-0 flex-1 flex-col">
        <TopBar viewer={viewer} items={items} />
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-3 py-5 sm:px-6">
          {children}
        </main>
        <footer className="no-print flex justify-center border-t border-slate-200 py-3 sm:hidden">
          <LanguageSwitch />
        </footer>
      </div>
    </div>
  );
}

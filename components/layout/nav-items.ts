import type { Role } from "@/db/schema/enums";

/** The navigation: only sections that exist, each shown to the roles that may open it. */
export type NavItem = {
  href: string;
  label: "home" | "projects" | "board" | "signed" | "events" | "enterprises" | "reviews" | "parks" | "parcels" | "account" | "users" | "units" | "chains";
  least: Role;
  group?: "admin";
};

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "home", least: "staff" },
  { href: "/projects", label: "projects", least: "staff" },
  { href: "/projects/board", label: "board", least: "staff" },
  { href: "/signed", label: "signed", least: "staff" },
  { href: "/events", label: "events", least: "staff" },
  { href: "/enterprises", label: "enterprises", least: "staff" },
  { href: "/reviews", label: "reviews", least: "manager" },
  { href: "/parks", label: "parks", least: "staff" },
  { href: "/parcels", label: "parcels", least: "staff" },
  { href: "/admin/users", label: "users", least: "admin", group: "admin" },
  { href: "/admin/units", label: "units", least: "admin", group: "admin" },
  { href: "/admin/chains", label: "chains", least: "admin", group: "admin" },
  { href: "/account", label: "account", least: "staff" },
];

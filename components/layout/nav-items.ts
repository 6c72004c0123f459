import type { Role } from "@/db/schema/enums";

/** The navigation: only sections that exist, each shown to the roles that may open it. */
export type NavItem = {
  href: string;
  label:
    | "home"
    | "dashboard"
    | "projects"
    | "board"
    | "reviews"
    | "signed"
    | "events"
    | "enterprises"
    | "parks"
    | "parcels"
    | "service"
    | "tasks"
    | "grids"
    | "account"
    | "users"
    | "units"
    | "chains"
    | "templates"
    | "holidays"
    | "stages"
    | "targets"
    | "import"
    | "audit"
    | "archive";
  least: Role;
  group?: "admin";
};

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "home", least: "staff" },
  // Managers run their week from it; staff see the same page for their own projects.
  { href: "/dashboard", label: "dashboard", least: "staff" },
  { href: "/projects", label: "projects", least: "staff" },
  { href: "/projects/board", label: "board", least: "staff" },
  { href: "/signed", label: "signed", least: "staff" },
  { href: "/events", label: "events", least: "staff" },
  { href: "/reviews", label: "reviews", least: "manager" },
  { href: "/enterprises", label: "enterprises", least: "staff" },
  { href: "/parks", label: "parks", least: "staff" },
  { href: "/parcels", label: "parcels", least: "staff" },
  { href: "/tasks", label: "tasks", least: "staff" },
  { href: "/service", label: "service", least: "staff" },
  { href: "/grids", label: "grids", least: "staff" },
  { href: "/import", label: "import", least: "manager" },
  // Managers set targets for their units; everything else under 系统管理 is for admins.
  { href: "/admin/targets", label: "targets", least: "manager", group: "admin" },
  { href: "/admin/users", label: "users", least: "admin", group: "admin" },
  { href: "/admin/units", label: "units", least: "admin", group: "admin" },
  { href: "/admin/chains", label: "chains", least: "admin", group: "admin" },
  { href: "/admin/templates", label: "templates", least: "admin", group: "admin" },
  { href: "/admin/holidays", label: "holidays", least: "admin", group: "admin" },
  { href: "/admin/stages", label: "stages", least: "admin", group: "admin" },
  { href: "/admin/audit", label: "audit", least: "admin", group: "admin" },
  { href: "/admin/archive", label: "archive", least: "admin", group: "admin" },
  { href: "/account", label: "account", least: "staff" },
];

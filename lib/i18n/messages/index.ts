/**
 * UI text, one file per area and locale (zh-CN is the default, en the alternative). Each
 * file holds whole namespaces ("users", "projects", …); namespaces never repeat across files.
 */
import enAdmin from "./en/admin.json";
import enBase from "./en/base.json";
import enBoard from "./en/board.json";
import enDashboard from "./en/dashboard.json";
import enDataio from "./en/dataio.json";
import enEnterprises from "./en/enterprises.json";
import enEvents from "./en/events.json";
import enGrids from "./en/grids.json";
import enLanding from "./en/landing.json";
import enLand from "./en/land.json";
import enProjects from "./en/projects.json";
import enSearch from "./en/search.json";
import enSigned from "./en/signed.json";
import enWorkflows from "./en/workflows.json";
import zhAdmin from "./zh-CN/admin.json";
import zhBase from "./zh-CN/base.json";
import zhBoard from "./zh-CN/board.json";
import zhDashboard from "./zh-CN/dashboard.json";
import zhDataio from "./zh-CN/dataio.json";
import zhEnterprises from "./zh-CN/enterprises.json";
import zhEvents from "./zh-CN/events.json";
import zhGrids from "./zh-CN/grids.json";
import zhLanding from "./zh-CN/landing.json";
import zhLand from "./zh-CN/land.json";
import zhProjects from "./zh-CN/projects.json";
import zhSearch from "./zh-CN/search.json";
import zhSigned from "./zh-CN/signed.json";
import zhWorkflows from "./zh-CN/workflows.json";
import type { Locale } from "../config";

export const MESSAGE_FILES = {
  "zh-CN": { base: zhBase, admin: zhAdmin, projects: zhProjects, enterprises: zhEnterprises, board: zhBoard, landing: zhLanding, land: zhLand, workflows: zhWorkflows, grids: zhGrids, signed: zhSigned, events: zhEvents, dashboard: zhDashboard, dataio: zhDataio, search: zhSearch },
  en: { base: enBase, admin: enAdmin, projects: enProjects, enterprises: enEnterprises, board: enBoard, landing: enLanding, land: enLand, workflows: enWorkflows, grids: enGrids, signed: enSigned, events: enEvents, dashboard: enDashboard, dataio: enDataio, search: enSearch },
} satisfies Record<Locale, Record<string, object>>;

export const MESSAGES: Record<Locale, Record<string, unknown>> = {
  "zh-CN": Object.assign({}, ...Object.values(MESSAGE_FILES["zh-CN"])),
  en: Object.assign({}, ...Object.values(MESSAGE_FILES.en)),
};

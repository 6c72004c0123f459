/**
 * The State Council's holiday arrangements (国务院办公厅关于部分节假日安排的通知), as seeded:
 * every day of each holiday (weekend days inside it included, so the admin list reads as
 * the notice does) and the 调休 weekend days that are worked.
 *
 * - 2025: 国办发明电〔2024〕12号, 2024-11-12.
 * - 2026: the notice of 2025-11-04.
 * Later years are added by an administrator at /admin/holidays when their notice is published.
 */
import { addDays } from "./calendar";

type Holiday = { name: string; from: string; to: string; workdays: string[] };

export const OFFICIAL_HOLIDAYS: Record<number, Holiday[]> = {
  2025: [
    { name: "元旦", from: "2025-01-01", to: "2025-01-01", workdays: [] },
    { name: "春节", from: "2025-01-28", to: "2025-02-04", workdays: ["2025-01-26", "2025-02-08"] },
    { name: "清明节", from: "2025-04-04", to: "2025-04-06", workdays: [] },
    { name: "劳动节", from: "2025-05-01", to: "2025-05-05", workdays: ["2025-04-27"] },
    { name: "端午节", from: "2025-05-31", to: "2025-06-02", workdays: [] },
    { name: "国庆节、中秋节", from: "2025-10-01", to: "2025-10-08", workdays: ["2025-09-28", "2025-10-11"] },
  ],
  2026: [
    { name: "元旦", from: "2026-01-01", to: "2026-01-03", workdays: ["2026-01-04"] },
    { name: "春节", from: "2026-02-15", to: "2026-02-23", workdays: ["2026-02-14", "2026-02-28"] },
    { name: "清明节", from: "2026-04-04", to: "2026-04-06", workdays: [] },
    { name: "劳动节", from: "2026-05-01", to: "2026-05-05", workdays: ["2026-05-09"] },
    { name: "端午节", from: "2026-06-19", to: "2026-06-21", workdays: [] },
    { name: "中秋节", from: "2026-09-25", to: "2026-09-27", workdays: [] },
    { name: "国庆节", from: "2026-10-01", to: "2026-10-07", workdays: ["2026-09-20", "2026-10-10"] },
  ],
};

/** The rows of the holidays table for one year: days off, then make-up working days (名称 "春节调休上班"). */
export function officialHolidayRows(year: number): { day: string; name: string; isWorkday: boolean }[] {
  const rows: { day: string; name: string; isWorkday: boolean }[] = [];
  for (const h of OFFICIAL_HOLIDAYS[year] ?? []) {
    for (let d = h.from; d <= h.to; d = addDays(d, 1)) rows.push({ day: d, name: h.name, isWorkday: false });
    for (const d of h.workdays) rows.push({ day: d, name: `${h.name}调休上班`, isWorkday: true });
  }
  return rows;
}

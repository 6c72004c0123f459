/**
 * Where each dashboard figure leads: the list (projects, signed projects, parcels, a grid's
 * requests) filtered to exactly the rows the figure counts. Built from the same filter values
 * the figure was counted with (lib/dashboard/queries.ts), so the list shows the same number.
 * Pure: the page and the tests share it.
 */
import type { ActivityKind, ParcelStatus, ProjectSource, ProjectStage } from "@/db/schema/enums";
import { parcelQuery } from "@/lib/land/url";
import type { MilestoneStage } from "@/lib/projects/stages";
import { projectQuery } from "@/lib/projects/url";
import type { InvestorClass, ProjectFilters } from "@/lib/projects/validation";
import { signedQuery } from "@/lib/signed/url";
import type { KeptFilter, SignedFilters } from "@/lib/signed/validation";
import { taskQuery, type TaskFilters } from "@/lib/tasks/validation";
import { monthRange, yearUpTo } from "./period";

/** The dashboard's overdue tasks as /tasks filters them: the page's unit, chain and park (staff: their own projects). */
export const overdueTaskFilters = (base: ProjectFilters): TaskFilters => ({ unit: base.unit, chain: base.chain, park: base.park, owner: base.owner, overdue: "1" });

export type DrillContext = {
  /** The page's filters as the lists take them (unit, chain, park; staff: owner). */
  base: ProjectFilters;
  /** The period, ending on `asOf` when it runs past it (lib/dashboard/period.ts periodAsOf). */
  period: { from: string; to: string; year: number; cut?: string };
  asOf: string;
  today: string;
  stalledDays: number;
};

type ListParams = Record<string, string | number | string[] | undefined>;

const projectsHref = (f: ProjectFilters) => `/projects${projectQuery(f as ListParams)}`;
const signedHref = (f: SignedFilters) => `/signed${signedQuery(f as ListParams)}`;

/** The as-of day for a list: left out when it is today (the lists then read the projects as they are). */
const asOfParam = (dc: DrillContext) => (dc.asOf < dc.today ? dc.asOf : undefined);

export const links = {
  /** Active projects at a stage, as of the dashboard's day. */
  funnel: (dc: DrillContext, stage: ProjectStage) => projectsHref({ ...dc.base, stage: [stage], status: ["active"], asOf: asOfParam(dc) }),

  /** Every active project, as of the dashboard's day (the funnel's total). */
  active: (dc: DrillContext) => projectsHref({ ...dc.base, status: ["active"], asOf: asOfParam(dc) }),

  leads: (dc: DrillContext) => projectsHref({ ...dc.base, createdFrom: dc.period.from, createdTo: dc.period.to }),

  /** The period's signings, optionally narrowed further (亿元以上, an investor class, a breakdown). */
  signed: (dc: DrillContext, extra: SignedFilters = {}) => signedHref({ ...dc.base, signedFrom: dc.period.from, signedTo: dc.period.to, ...extra }),

  big: (dc: DrillContext, investor?: InvestorClass) => links.signed(dc, { minYi: "1", investor }),

  /** Against target: the year's signings, and its first approved 开工 / 投产 reports. */
  yearSigned: (dc: DrillContext) => {
    const y = yearUpTo(dc.period.year, dc.asOf);
    return signedHref({ ...dc.base, signedFrom: y.from, signedTo: y.to });
  },
  yearReached: (dc: DrillContext, stage: MilestoneStage) => {
    const y = yearUpTo(dc.period.year, dc.asOf);
    return signedHref({ ...dc.base, report: stage, reportFrom: y.from, reportTo: y.to });
  },

  /** The cohort (the period's signings) and its rates as of the dashboard's day. */
  cohort: (dc: DrillContext) => links.signed(dc),
  cohortFunds: (dc: DrillContext) => links.signed(dc, { fundsTo: dc.asOf }),
  cohortReached: (dc: DrillContext, stage: MilestoneStage) => links.signed(dc, { report: stage, reportTo: dc.asOf }),
  cohortPending: (dc: DrillContext, stage: MilestoneStage) => links.signed(dc, { pending: stage, pendingBy: dc.asOf }),
  cohortKept: (dc: DrillContext, kept: KeptFilter) => links.signed(dc, { kept, keptBy: dc.asOf }),

  month: (dc: DrillContext, year: number, month: number) => {
    const m = monthRange(year, month);
    return signedHref({ ...dc.base, signedFrom: m.from, signedTo: m.to < dc.asOf ? m.to : dc.asOf });
  },

  byChain: (dc: DrillContext, chain: string | null) => links.signed(dc, { chain: chain ?? "none" }),
  byPark: (dc: DrillContext, park: string | null) => links.signed(dc, { park: park ?? "none" }),
  bySource: (dc: DrillContext, source: ProjectSource) => links.signed(dc, { source: [source] }),
  byUnit: (dc: DrillContext, unit: string) => links.signed(dc, { unit, unitOnly: "1" }),
  byOwner: (dc: DrillContext, owner: string) => links.signed(dc, { owner }),

  /** The league table's cells: activities of a kind on the owner's projects, their signings and starts. */
  ownerActivities: (dc: DrillContext, owner: string, kind: ActivityKind) =>
    projectsHref({ ...dc.base, owner, activity: [kind], activityFrom: dc.period.from, activityTo: dc.period.to }),
  ownerSignings: (dc: DrillContext, owner: string) => links.signed(dc, { owner }),
  ownerStarts: (dc: DrillContext, owner: string) => signedHref({ ...dc.base, owner, report: "construction", reportFrom: dc.period.from, reportTo: dc.period.to }),

  /** The period's new leads that have reached a stage (or later); for 线索, all of them. */
  reached: (dc: DrillContext, stage: ProjectStage) =>
    projectsHref({ ...dc.base, createdFrom: dc.period.from, createdTo: dc.period.to, reached: stage === "lead" ? undefined : stage }),

  stalled: (dc: DrillContext, owner?: string) => projectsHref({ ...dc.base, stalled: dc.stalledDays, owner: owner ?? dc.base.owner }),
  /** Overdue tasks (of one assignee): the task list. */
  overdue: (dc: DrillContext, assignee?: string) => `/tasks${taskQuery({ ...overdueTaskFilters(dc.base), assignee })}`,

  parcels: (park: string, status?: ParcelStatus) => `/parcels${parcelQuery({ park, status: status ? [status] : undefined })}`,
  park: (park: string) => `/parks/${park}`,

  grids: (dc: DrillContext) => `/grids?${new URLSearchParams({ ...(dc.base.unit ? { unit: dc.base.unit } : {}), from: dc.period.from, to: dc.period.to })}`,
  grid: (dc: DrillContext, grid: string, status?: "resolved") =>
    `/grids/${grid}?${new URLSearchParams({ from: dc.period.from, to: dc.period.to, ...(status ? { status } : {}) })}`,
};

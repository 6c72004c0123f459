import type { DbOrTx } from "@/db/client";
import type { ProjectStage, ProjectStatus } from "@/db/schema/enums";
import type { Viewer } from "@/lib/auth/roles";
import { projectFormOptions } from "./options";
import { boardWhere, listStageCards, stageTotals } from "./queries";
import { projectQuery } from "./url";
import { hiddenStages, listStageLabels } from "@/lib/reference/stage-labels";
import { STAGES } from "./stages";
import { projectFiltersSchema, type ProjectFilters } from "./validation";

/** Cards per column per load: the first page on the server, the rest as the column scrolls. */
export const BOARD_PAGE_SIZE = 20;

/** What a card shows and needs to open the stage-change dialog: nothing more leaves the server. */
export type BoardCard = {
  id: string;
  name: string;
  enterpriseName: string;
  /** 总投资 in 元, an exact decimal string. */
  totalInvestment: string;
  ownerName: string;
  stage: ProjectStage;
  status: ProjectStatus;
  isKey: boolean;
  hasSigning: boolean;
  /** A stage report waiting for review (the card stays in its column until it is approved). */
  pendingStage: ProjectStage | null;
  version: number;
};

export type StageTotal = { count: number; /** 元, exact */ total: string };
export type BoardColumnData = StageTotal & { stage: ProjectStage; cards: BoardCard[] };

/**
 * The board's filters from the URL (or a client's copy of them): the list's filters, except
 * that the board shows active projects unless statuses are asked for. The stage filter does
 * not apply: every stage is a column.
 */
export function parseBoardFilters(raw: unknown): ProjectFilters {
  const parsed = projectFiltersSchema.parse(raw ?? {});
  return { ...parsed, stage: undefined, status: parsed.status?.length ? parsed.status : ["active"] };
}

function toCard(r: Awaited<ReturnType<typeof listStageCards>>[number]): BoardCard {
  return {
    id: r.id,
    name: r.name,
    enterpriseName: r.enterpriseName,
    totalInvestment: r.totalInvestment,
    ownerName: r.ownerName,
    stage: r.stage,
    status: r.status,
    isKey: r.isKey,
    hasSigning: Boolean(r.hasSigning),
    pendingStage: r.pendingStage,
    version: r.version,
  };
}

function totalsByStage(totals: Awaited<ReturnType<typeof stageTotals>>): Record<ProjectStage, StageTotal> {
  return Object.fromEntries(STAGES.map((s) => [s, totals.get(s) ?? { count: 0, total: "0" }])) as Record<ProjectStage, StageTotal>;
}

/** The next page of one column (loading more on scroll). */
export async function loadStageCards(db: DbOrTx, viewer: Viewer, filters: ProjectFilters, stage: ProjectStage, offset: number): Promise<BoardCard[]> {
  const rows = await listStageCards(db, await boardWhere(db, viewer, filters), stage, offset, BOARD_PAGE_SIZE);
  return rows.map(toCard);
}

export async function loadStageTotals(db: DbOrTx, viewer: Viewer, filters: ProjectFilters): Promise<Record<ProjectStage, StageTotal>> {
  return totalsByStage(await stageTotals(db, await boardWhere(db, viewer, filters)));
}

/**
 * Every column's count, Σ total investment and first page of cards: the visibility and filters
 * are worked out once, then the totals and the nine columns are read in parallel.
 */
export async function loadBoard(db: DbOrTx, viewer: Viewer, filters: ProjectFilters): Promise<BoardColumnData[]> {
  const where = await boardWhere(db, viewer, filters);
  const [totals, ...cards] = await Promise.all([stageTotals(db, where), ...STAGES.map((s) => listStageCards(db, where, s, 0, BOARD_PAGE_SIZE))]);
  const byStage = totalsByStage(totals);
  // A stage the district hides (admin → 阶段名称) has no column, unless some project is at it.
  const hidden = hiddenStages(await listStageLabels(db));
  return STAGES.map((stage, i) => ({ stage, ...byStage[stage], cards: cards[i]!.map(toCard) })).filter((c) => !hidden.has(c.stage) || c.count > 0);
}

/** Choices for the board's filter bar: the list's own options, limited to what the viewer may see. */
export async function boardFilterOptions(db: DbOrTx, viewer: Viewer) {
  const { chains, people, units } = await projectFormOptions(db, viewer);
  // A unit filter means something only to those who see more than one unit.
  return { chains, owners: people, units: units.length > 1 ? units : [] };
}
export type BoardFilterOptions = Awaited<ReturnType<typeof boardFilterOptions>>;

/** The filters as a query string, so the list and the board can link to each other with the same selection. */
export function filtersToQuery(filters: ProjectFilters): string {
  return projectQuery(filters).replace(/^\?/, "");
}

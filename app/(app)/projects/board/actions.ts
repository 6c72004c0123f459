"use server";
import { z } from "zod";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth";
import { runAction } from "@/lib/action";
import { loadStageCards, loadStageTotals, parseBoardFilters } from "@/lib/projects/board";
import { STAGES } from "@/lib/projects/stages";
import { parseOrThrow } from "@/lib/validation";

// Reads for the board's client: authorise, re-parse what the browser sent, call lib/projects (which scopes).

const pageSchema = z.object({ stage: z.enum(STAGES), offset: z.coerce.number().int().min(0).max(10_000_000) });

/** The next page of one column's cards after `offset`. */
export async function loadStageCardsAction(filters: unknown, stage: unknown, offset: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const page = parseOrThrow(pageSchema, { stage, offset });
    return loadStageCards(getDb(), viewer, parseBoardFilters(filters), page.stage, page.offset);
  });
}

/** Every column's count and Σ total investment, to settle the figures after a move. */
export async function loadStageTotalsAction(filters: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    return loadStageTotals(getDb(), viewer, parseBoardFilters(filters));
  });
}

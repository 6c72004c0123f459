"use client";
import { useCallback, useRef, useState } from "react";
import { loadStageCardsAction, loadStageTotalsAction } from "@/app/(app)/projects/board/actions";
import { callAction } from "@/components/ui/form-result";
import type { ProjectStage, ProjectStatus } from "@/db/schema/enums";
import { sumYuan } from "@/lib/money";
import type { BoardCard, BoardColumnData } from "@/lib/projects/board";
import { isSignedStage } from "@/lib/projects/stages";
import type { ProjectFilters } from "@/lib/projects/validation";

export type ColumnState = BoardColumnData & { loading: boolean; failed: boolean };
export type MoveResult = { stage: ProjectStage; status: ProjectStatus; version: number };

const negate = (yuan: string) => (yuan.startsWith("-") ? yuan.slice(1) : `-${yuan}`);

/**
 * The board's columns in the browser: the first page from the server, more as a column
 * scrolls (offset = cards already shown, so a move in between neither skips nor repeats a
 * card: the moved card leaves one column and tops the other, as the server orders them),
 * and a confirmed move applied with exact amounts, then settled against the server.
 */
export function useBoard(initial: BoardColumnData[], filters: ProjectFilters) {
  const [columns, setColumns] = useState<ColumnState[]>(() => initial.map((c) => ({ ...c, loading: false, failed: false })));
  const inFlight = useRef(new Set<ProjectStage>());

  const update = (stage: ProjectStage, fn: (c: ColumnState) => ColumnState) =>
    setColumns((cols) => cols.map((c) => (c.stage === stage ? fn(c) : c)));

  const loadMore = useCallback(
    async (stage: ProjectStage, offset: number) => {
      if (inFlight.current.has(stage)) return;
      inFlight.current.add(stage);
      update(stage, (c) => ({ ...c, loading: true, failed: false }));
      const result = await callAction(loadStageCardsAction(filters, stage, offset));
      inFlight.current.delete(stage);
      update(stage, (c) => {
        if (!result.ok) return { ...c, loading: false, failed: true };
        const seen = new Set(c.cards.map((k) => k.id));
        const fresh = result.data.filter((k) => !seen.has(k.id));
        // An empty page means the column is complete, whatever the (older) count said.
        const count = result.data.length === 0 ? c.cards.length : Math.max(c.count, c.cards.length + fresh.length);
        return { ...c, cards: [...c.cards, ...fresh], count, loading: false };
      });
    },
    [filters],
  );

  /** A confirmed change: the card leaves its column and, if the filters still show it, tops the new one. */
  const applyMove = useCallback(
    (card: BoardCard, result: MoveResult): boolean => {
      const moved: BoardCard = {
        ...card,
        ...result,
        // Reaching 签约 or beyond has recorded the signing facts.
        hasSigning: card.hasSigning || isSignedStage(result.stage),
      };
      const shown = !filters.status?.length || filters.status.includes(result.status);
      setColumns((cols) =>
        cols.map((c) => {
          let next = c;
          if (c.stage === card.stage && c.cards.some((k) => k.id === card.id)) {
            next = { ...next, cards: next.cards.filter((k) => k.id !== card.id), count: next.count - 1, total: sumYuan([next.total, negate(card.totalInvestment)]) };
          }
          if (c.stage === result.stage && shown) {
            next = { ...next, cards: [moved, ...next.cards.filter((k) => k.id !== card.id)], count: next.count + 1, total: sumYuan([next.total, card.totalInvestment]) };
          }
          return next;
        }),
      );
      return shown;
    },
    [filters],
  );

  /** A card that stays where it is but changed (e.g. a stage report now in review). */
  const updateCard = useCallback((card: BoardCard, changes: Partial<BoardCard>) => {
    setColumns((cols) => cols.map((c) => (c.stage === card.stage ? { ...c, cards: c.cards.map((k) => (k.id === card.id ? { ...k, ...changes } : k)) } : c)));
  }, []);

  /** The server's figures for every column: the last word after a move. */
  const refreshTotals = useCallback(async () => {
    const result = await callAction(loadStageTotalsAction(filters));
    if (!result.ok) return;
    setColumns((cols) => cols.map((c) => ({ ...c, ...result.data[c.stage] })));
  }, [filters]);

  return { columns, loadMore, applyMove, updateCard, refreshTotals };
}

"use client";
import { useDroppable } from "@dnd-kit/core";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { yuanToYi } from "@/lib/money";
import type { BoardCard as Card } from "@/lib/projects/board";
import { cn } from "@/lib/utils";
import { BoardCard } from "./board-card";
import type { ColumnState } from "./use-board";

/**
 * One stage: its count and Σ total investment, then its cards, which load 20 at a time as
 * the column scrolls (an observed sentinel at the bottom), with a button for the same.
 */
export function BoardColumn({
  column,
  onLoadMore,
  onChangeStage,
}: {
  column: ColumnState;
  onLoadMore: (stage: Card["stage"], offset: number) => void;
  onChangeStage: (card: Card) => void;
}) {
  const t = useTranslations();
  const { stage, cards, count, total, loading, failed } = column;
  const { setNodeRef, isOver, active } = useDroppable({ id: stage });
  const listRef = useRef<HTMLUListElement>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const hasMore = cards.length < count;
  const headingId = `board-column-${stage}`;
  const stageLabel = t(`stages.${stage}`);
  const amount = yuanToYi(total);

  // The latest callback without re-observing on every render.
  const loadNext = useRef(() => {});
  useEffect(() => {
    loadNext.current = () => onLoadMore(stage, cards.length);
  });
  useEffect(() => {
    const root = listRef.current;
    const target = sentinelRef.current;
    if (!root || !target || !hasMore || failed) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadNext.current(), {
      root,
      rootMargin: "0px 0px 240px 0px",
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, failed, cards.length]);

  const dropTarget = active && (active.data.current?.card as Card | undefined)?.stage !== stage;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-stage={stage}
      data-testid={`board-column-${stage}`}
      className={cn(
        "relative flex w-72 shrink-0 flex-col rounded-lg border border-slate-200 bg-slate-50",
        dropTarget && "border-dashed border-brand-300",
        isOver && dropTarget && "border-brand-600 bg-brand-50 ring-2 ring-brand-600/30",
      )}
    >
      <header className="border-b border-slate-200 px-3 py-2">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id={headingId} className="text-sm font-semibold text-slate-900">
            {stageLabel}
          </h2>
          <span className="rounded-full bg-white px-2 text-xs font-medium text-slate-700 tabular-nums ring-1 ring-slate-200" data-testid="column-count">
            {t("board.count", { count })}
          </span>
        </div>
        <p className="mt-0.5 text-xs text-slate-600 tabular-nums" data-testid="column-total">
          {t("board.total", { amount })}
        </p>
        <p className="sr-only">{t("board.columnSummary", { stage: stageLabel, count, amount })}</p>
      </header>
      <ul
        ref={listRef}
        aria-label={t("board.cards", { stage: stageLabel })}
        className="flex max-h-[calc(100dvh-17rem)] min-h-28 flex-col gap-2 overflow-y-auto p-2"
      >
        {cards.map((card) => (
          <BoardCard key={card.id} card={card} onChangeStage={onChangeStage} />
        ))}
        {cards.length === 0 && !hasMore && <li className="py-6 text-center text-xs text-slate-500">{t("board.empty")}</li>}
        {hasMore && (
          <li className="space-y-1 pt-1 text-center">
            <div ref={sentinelRef} aria-hidden="true" className="h-px" />
            <p className="text-xs text-slate-500 tabular-nums">{t("board.shown", { shown: cards.length, count })}</p>
            {failed && <p className="text-xs text-red-700">{t("board.loadFailed")}</p>}
            <button
              type="button"
              onClick={() => onLoadMore(stage, cards.length)}
              disabled={loading}
              className="inline-flex min-h-9 w-full items-center justify-center rounded-md border border-slate-300 bg-white px-3 text-xs font-medium text-slate-800 hover:bg-slate-100 disabled:text-slate-500"
            >
              {loading ? t("board.loading") : t("board.loadMore")}
            </button>
          </li>
        )}
      </ul>
    </section>
  );
}

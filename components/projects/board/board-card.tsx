"use client";
import { useDraggable } from "@dnd-kit/core";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { yuanToYi } from "@/lib/money";
import type { BoardCard as Card } from "@/lib/projects/board";
import { cn } from "@/lib/utils";

/** What a card shows; also drawn under the pointer while dragging (then without links or buttons). */
export function BoardCardBody({ card, interactive = true }: { card: Card; interactive?: boolean }) {
  const t = useTranslations();
  return (
    <>
      <div className="flex items-start justify-between gap-2">
        <h3 className="min-w-0 text-sm leading-snug font-medium text-slate-900">
          {interactive ? (
            <Link href={`/projects/${card.id}`} className="break-words text-brand-700 underline-offset-2 hover:underline">
              {card.name}
            </Link>
          ) : (
            card.name
          )}
        </h3>
        <span className="flex shrink-0 gap-1">
          {card.isKey && <Badge tone="red">{t("board.key")}</Badge>}
          {card.status !== "active" && <Badge tone={card.status === "on_hold" ? "amber" : "grey"}>{t(`statuses.${card.status}`)}</Badge>}
        </span>
      </div>
      {card.pendingStage && (
        <p className="mt-1">
          <Badge tone="amber">{t("milestones.pendingBadge", { stage: t(`stages.${card.pendingStage}`) })}</Badge>
        </p>
      )}
      <p className="mt-1 truncate text-xs text-slate-600">{card.enterpriseName}</p>
      <p className="mt-1.5 flex flex-wrap justify-between gap-x-2 text-xs text-slate-700">
        <span className="tabular-nums">{t("board.investment", { amount: yuanToYi(card.totalInvestment) })}</span>
        <span>{t("board.owner", { name: card.ownerName })}</span>
      </p>
    </>
  );
}

/**
 * A project on the board. Mouse and touch drag it (after a few pixels, or a long press, so
 * the link still clicks and the column still scrolls); the "变更阶段" button is the way by
 * keyboard, and opens the same dialog.
 */
export function BoardCard({ card, onChangeStage }: { card: Card; onChangeStage: (card: Card) => void }) {
  const t = useTranslations("board");
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: card.id, data: { card } });
  return (
    <li
      ref={setNodeRef}
      {...listeners}
      data-card-id={card.id}
      data-testid="board-card"
      className={cn(
        "cursor-grab touch-manipulation rounded-md border border-slate-200 bg-white p-3 shadow-xs select-none hover:border-brand-300",
        isDragging && "opacity-40",
      )}
    >
      <BoardCardBody card={card} />
      <div className="mt-2 flex justify-end">
        <button
          type="button"
          onClick={() => onChangeStage(card)}
          className="inline-flex min-h-8 items-center rounded px-2 text-xs font-medium text-brand-700 ring-1 ring-brand-200 hover:bg-brand-50 focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none"
          aria-label={t("changeStageOf", { name: card.name })}
        >
          {t("changeStage")}
        </button>
      </div>
    </li>
  );
}

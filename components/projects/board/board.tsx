"use client";
import {
  DndContext,
  DragOverlay,
  MouseSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { StageChangeDialog } from "@/components/projects/stage-change-dialog";
import type { ProjectStage, ProjectStatus } from "@/db/schema/enums";
import type { BoardCard as Card, BoardColumnData } from "@/lib/projects/board";
import { STAGES } from "@/lib/projects/stages";
import type { ProjectFilters } from "@/lib/projects/validation";
import { BoardCardBody } from "./board-card";
import { BoardColumn } from "./board-column";
import { useBoard, type MoveResult } from "./use-board";

type Pending = { card: Card; target: { stage: ProjectStage; status: ProjectStatus } };

// The column under the pointer; for a touch that ends between columns, the one the card overlaps most.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

/** Where the keyboard way proposes to go: the next stage, or back to active where the project is paused. */
function proposedTarget(card: Card): Pending["target"] {
  if (card.status !== "active") return { stage: card.stage, status: "active" };
  const next = STAGES[STAGES.indexOf(card.stage) + 1];
  return { stage: next ?? card.stage, status: "active" };
}

/**
 * The kanban: a column per stage, side by side in a region that scrolls sideways. A card
 * dropped on another column (or its "变更阶段" button) opens the stage-change dialog; the card
 * moves only once the change is confirmed and saved, and cancelling leaves it where it was.
 */
export function Board({ initial, filters }: { initial: BoardColumnData[]; filters: ProjectFilters }) {
  const t = useTranslations();
  const { columns, loadMore, applyMove, updateCard, refreshTotals } = useBoard(initial, filters);
  const [dragging, setDragging] = useState<Card | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const focusAfterMove = useRef<string | null>(null);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 8 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
  );

  // After a move, keyboard users carry on from the card in its new column.
  useEffect(() => {
    const id = focusAfterMove.current;
    const link = id && document.querySelector<HTMLElement>(`[data-card-id="${id}"] a`);
    if (!link) return;
    link.focus();
    focusAfterMove.current = null;
  });

  const stageName = (id: unknown) => (typeof id === "string" && (STAGES as readonly string[]).includes(id) ? t(`stages.${id as ProjectStage}`) : "");
  const cardOf = (data: { current?: Record<string, unknown> } | undefined) => data?.current?.card as Card | undefined;
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const card = cardOf(active.data);
      return card && t("board.dragStart", { name: card.name, stage: stageName(card.stage) });
    },
    onDragOver: ({ active, over }) => {
      const card = cardOf(active.data);
      if (!card) return;
      return over ? t("board.dragOver", { name: card.name, stage: stageName(over.id) }) : t("board.dragOverNone", { name: card.name });
    },
    onDragEnd: ({ active, over }) => {
      const card = cardOf(active.data);
      if (!card) return;
      if (over && over.id !== card.stage) return t("board.dragEnd", { name: card.name, stage: stageName(over.id) });
      return t("board.dragEndSame", { name: card.name, stage: stageName(card.stage) });
    },
    onDragCancel: ({ active }) => {
      const card = cardOf(active.data);
      return card && t("board.dragCancel", { name: card.name, stage: stageName(card.stage) });
    },
  };

  const onDragStart = ({ active }: DragStartEvent) => setDragging(cardOf(active.data) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const card = cardOf(active.data);
    if (!card || !over || over.id === card.stage) return;
    setPending({ card, target: { stage: over.id as ProjectStage, status: "active" } });
  };

  const onDone = (result: MoveResult) => {
    if (!pending) return;
    const { card } = pending;
    const shown = applyMove(card, result);
    setPending(null);
    setAnnouncement(t(shown ? "board.moved" : "board.movedHidden", { name: card.name, stage: t(`stages.${result.stage}`) }));
    if (shown) focusAfterMove.current = card.id;
    void refreshTotals();
  };

  // A move past 签约 became a stage report: the card stays put, marked as in review once sent.
  const onReported = (submitted: boolean) => {
    if (!pending) return;
    const { card, target } = pending;
    if (submitted) updateCard(card, { pendingStage: target.stage });
    setPending(null);
    setAnnouncement(t(submitted ? "board.reported" : "board.reportSaved", { name: card.name, stage: t(`stages.${target.stage}`) }));
  };

  return (
    <>
      <DndContext
        id="project-board"
        sensors={sensors}
        collisionDetection={collision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("board.instructions") } }}
      >
        <div role="region" aria-label={t("board.region")} tabIndex={0} className="relative overflow-x-auto rounded-lg pb-2 focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none">
          <div className="flex gap-3">
            {columns.map((column) => (
              <BoardColumn
                key={column.stage}
                column={column}
                onLoadMore={loadMore}
                onChangeStage={(card) => setPending({ card, target: proposedTarget(card) })}
              />
            ))}
          </div>
        </div>
        <DragOverlay dropAnimation={null}>
          {dragging && (
            <div className="w-68 cursor-grabbing rounded-md border border-brand-300 bg-white p-3 shadow-lg">
              <BoardCardBody card={dragging} interactive={false} />
            </div>
          )}
        </DragOverlay>
      </DndContext>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {pending && (
        <StageChangeDialog
          project={pending.card}
          target={pending.target}
          onClose={() => setPending(null)}
          onDone={onDone}
          onReported={onReported}
        />
      )}
    </>
  );
}

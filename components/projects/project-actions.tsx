"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ProjectStage, ProjectStatus } from "@/db/schema/enums";
import { nextStage } from "@/lib/projects/stages";
import { StageChangeDialog, type StageChangeProject } from "./stage-change-dialog";

/**
 * The detail page's stage buttons: next stage, any stage, hold, drop, reactivate — all through the
 * dialog. `hidden`: the stages the district does not use (admin → 阶段名称), which "next" skips.
 */
export function ProjectActions({ project, hidden = [] }: { project: StageChangeProject; hidden?: ProjectStage[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [target, setTarget] = useState<{ stage: ProjectStage; status: ProjectStatus } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const next = nextStage(project.stage, hidden);
  const open = (stage: ProjectStage, status: ProjectStatus) => {
    setDone(null);
    setTarget({ stage, status });
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      {done && <Alert tone="success">{done}</Alert>}
      {project.status === "active" ? (
        <>
          {next && <Button onClick={() => open(next, "active")}>→ {t(`stages.${next}`)}</Button>}
          <Button variant="secondary" onClick={() => open(project.stage, "active")}>
            {t("projects.changeStage")}
          </Button>
          <Button variant="secondary" onClick={() => open(project.stage, "on_hold")}>
            {t("projects.hold")}
          </Button>
          <Button variant="danger" onClick={() => open(project.stage, "lost")}>
            {t("projects.lose")}
          </Button>
        </>
      ) : (
        <Button onClick={() => open(project.stage, "active")}>{t("projects.reactivate")}</Button>
      )}
      <StageChangeDialog
        project={project}
        hidden={hidden}
        target={target}
        onClose={() => setTarget(null)}
        onDone={() => {
          setTarget(null);
          setDone(t("projects.stageChanged"));
          router.refresh();
        }}
        onReported={(submitted) => {
          setTarget(null);
          setDone(t(submitted ? "milestones.submitted" : "milestones.draftSaved"));
          router.refresh();
        }}
      />
    </div>
  );
}

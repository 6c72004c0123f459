import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ProjectStage, ProjectStatus } from "@/db/schema/enums";
import { isSignedStage } from "@/lib/projects/stages";

/**
 * The stage, and beside it the status when the project is not moving (搁置/终止) and any stage
 * report waiting for review: official figures count the stage, the report shows as pending.
 */
export function StageBadge({ stage, status, pending }: { stage: ProjectStage; status?: ProjectStatus; pending?: ProjectStage[] }) {
  const t = useTranslations();
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={isSignedStage(stage) ? "green" : "blue"}>{t(`stages.${stage}`)}</Badge>
      {status && status !== "active" && <Badge tone={status === "lost" ? "red" : "amber"}>{t(`statuses.${status}`)}</Badge>}
      {pending?.map((s) => (
        <Badge key={s} tone="amber">
          {t("milestones.pendingBadge", { stage: t(`stages.${s}`) })}
        </Badge>
      ))}
    </span>
  );
}

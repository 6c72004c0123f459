import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ProjectStage, ProjectStatus } from "@/db/schema/enums";
import { isSignedStage } from "@/lib/projects/stages";

/** The stage, and beside it the status when the project is not moving (搁置/终止). */
export function StageBadge({ stage, status }: { stage: ProjectStage; status?: ProjectStatus }) {
  const t = useTranslations();
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={isSignedStage(stage) ? "green" : "blue"}>{t(`stages.${stage}`)}</Badge>
      {status && status !== "active" && <Badge tone={status === "lost" ? "red" : "amber"}>{t(`statuses.${status}`)}</Badge>}
    </span>
  );
}

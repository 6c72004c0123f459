import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { ParcelStatus } from "@/db/schema/enums";

const TONES: Record<ParcelStatus, "grey" | "amber" | "blue" | "green"> = {
  reserved: "grey",
  cleared: "amber",
  listed: "blue",
  transferred: "green",
  under_construction: "green",
  completed: "grey",
};

export async function ParcelStatusBadge({ status }: { status: ParcelStatus }) {
  const t = await getTranslations("parcelStatuses");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}

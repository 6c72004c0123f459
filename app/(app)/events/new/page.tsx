import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EventForm } from "@/components/events/event-form";
import { FormPage } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { projectFormOptions } from "@/lib/projects/options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("events"))("new") };
}

export default async function NewEventPage() {
  const viewer = await requirePageViewer("manager");
  const t = await getTranslations("events");
  const { units } = await projectFormOptions(getDb(), viewer);
  return (
    <FormPage back="/events" backLabel={t("back")} title={t("new")}>
      {/* A new event is hosted by the creator's unit unless they choose otherwise. */}
      <EventForm units={units} defaultHost={units.some((u) => u.id === viewer.unitId) ? viewer.unitId : ""} />
    </FormPage>
  );
}

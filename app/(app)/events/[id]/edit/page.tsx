import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EventForm } from "@/components/events/event-form";
import { eventFormValues } from "@/lib/events/validation";
import { FormPage } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { scopeOf } from "@/lib/auth/scope";
import { getEvent } from "@/lib/events/queries";
import { mayEditEvent } from "@/lib/events/service";
import { projectFormOptions } from "@/lib/projects/options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("events"))("edit") };
}

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("manager");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const [event, scope, options, t] = await Promise.all([getEvent(db, id), scopeOf(db, viewer), projectFormOptions(db, viewer), getTranslations("events")]);
  if (!event || !mayEditEvent(viewer, scope, event)) notFound();
  return (
    <FormPage back={`/events/${event.id}`} backLabel={t("backToDetail")} title={t("edit")}>
      <EventForm
        units={options.units}
        event={{ id: event.id, ...eventFormValues(event) }}
      />
    </FormPage>
  );
}

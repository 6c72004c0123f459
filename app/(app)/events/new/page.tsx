import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { EventForm } from "@/components/events/event-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
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
    <div>
      <Link href="/events" className="text-sm text-brand-700 underline underline-offset-2">
        ← {t("back")}
      </Link>
      <div className="mt-3">
        <PageHeader title={t("new")} />
      </div>
      <Card>
        <CardBody>
          {/* A new event is hosted by the creator's unit unless they choose otherwise. */}
          <EventForm units={units} defaultHost={units.some((u) => u.id === viewer.unitId) ? viewer.unitId : ""} />
        </CardBody>
      </Card>
    </div>
  );
}

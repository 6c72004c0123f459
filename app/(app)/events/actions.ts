"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { requestContext, runAction } from "@/lib/action";
import { requireViewer } from "@/lib/auth";
import { addEventProject, createEvent, removeEventProject, updateEvent } from "@/lib/events/service";
import { isUuid } from "@/lib/validation";

// Thin: authorise, call lib/events (which checks roles, scope and input), revalidate.

export async function createEventAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("manager");
    const event = await createEvent(getDb(), viewer, input, await requestContext());
    revalidatePath("/events");
    return { id: event.id };
  });
}

export async function updateEventAction(id: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("manager");
    const event = await updateEvent(getDb(), viewer, String(id), input, await requestContext());
    revalidatePath("/events");
    revalidatePath(`/events/${event.id}`);
    return { id: event.id, version: event.version };
  });
}

/**
 * Plain form posts from the event page (they work before hydration too): the outcome comes
 * back in the URL, which the page shows as a message.
 */
export async function addEventProjectAction(eventId: string, input: FormData) {
  if (!isUuid(eventId)) redirect("/events");
  const id = eventId;
  const form = input instanceof FormData ? input : new FormData();
  const result = await runAction(async () => {
    const viewer = await requireViewer("manager");
    await addEventProject(getDb(), viewer, id, { projectId: form.get("projectId") }, await requestContext());
  });
  revalidatePath(`/events/${id}`);
  const q = String(form.get("q") ?? "");
  const back = q ? `&q=${encodeURIComponent(q)}` : "";
  redirect(result.ok ? `/events/${id}?linked=1${back}#met` : `/events/${id}?error=${encodeURIComponent(result.fieldErrors?.projectId?.[0] ?? result.message)}${back}#met`);
}

export async function removeEventProjectAction(eventId: string, projectId: string) {
  if (!isUuid(eventId)) redirect("/events");
  const id = eventId;
  const result = await runAction(async () => {
    const viewer = await requireViewer("manager");
    await removeEventProject(getDb(), viewer, id, String(projectId), await requestContext());
  });
  revalidatePath(`/events/${id}`);
  redirect(result.ok ? `/events/${id}?unlinked=1#met` : `/events/${id}?error=${encodeURIComponent(result.message)}#met`);
}

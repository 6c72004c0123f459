"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { requestContext, runAction } from "@/lib/action";
import { archiveRecord, restoreRecord } from "@/lib/archive/service";
import { ARCHIVE_TYPES } from "@/lib/archive/validation";
import { requireViewer } from "@/lib/auth";
import { NotFoundError } from "@/lib/errors";

// Thin: authorise, call lib/archive (which scopes, checks the version and audits), revalidate.

// A contact has no list of its own: it lives on its enterprise's page, where "删除" stays.
const LISTS = { project: "/projects", enterprise: "/enterprises", contact: "/enterprises", parcel: "/parcels", event: "/events" } as const;

function typeOf(type: unknown) {
  const parsed = z.enum(ARCHIVE_TYPES).safeParse(type);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}

/** "删除": archives the record; the page then goes back to its list. */
export async function archiveRecordAction(type: string, id: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const t = typeOf(type);
    const archived = await archiveRecord(getDb(), viewer, t, id, input, await requestContext());
    const list = "enterpriseId" in archived ? `/enterprises/${archived.enterpriseId}` : LISTS[t];
    revalidatePath(list);
    return { list };
  });
}

/** 恢复 (admins): the record is back where it was. */
export async function restoreRecordAction(type: string, id: string) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    const t = typeOf(type);
    await restoreRecord(getDb(), viewer, t, id, await requestContext());
    revalidatePath("/admin/archive");
    revalidatePath(LISTS[t]);
    if (t === "contact") revalidatePath("/enterprises/[id]", "page");
  });
}

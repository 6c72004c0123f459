"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requestContext, runAction } from "@/lib/action";
import { requireViewer } from "@/lib/auth";
import { addHoliday, removeHoliday } from "@/lib/grids/service";

export async function addHolidayAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    const holiday = await addHoliday(getDb(), viewer, input, await requestContext());
    revalidatePath("/admin/holidays");
    revalidatePath("/grids", "layout");
    return { day: holiday.day };
  });
}

export async function removeHolidayAction(day: string) {
  return runAction(async () => {
    const viewer = await requireViewer("admin");
    const holiday = await removeHoliday(getDb(), viewer, { day }, await requestContext());
    revalidatePath("/admin/holidays");
    revalidatePath("/grids", "layout");
    return { day: holiday.day };
  });
}

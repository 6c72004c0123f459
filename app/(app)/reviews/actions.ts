"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth";
import { requestContext, runAction } from "@/lib/action";
import { approveReports } from "@/lib/milestones/service";

/** 批量通过: each chosen report approved on its own (lib checks and audits each); a result per report. */
export async function approveReportsAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer("manager");
    const results = await approveReports(getDb(), viewer, input, await requestContext());
    revalidatePath("/reviews");
    revalidatePath("/projects");
    return results;
  });
}

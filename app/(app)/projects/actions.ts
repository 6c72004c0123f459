"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth";
import { requestContext, runAction } from "@/lib/action";
import { addActivity, addTask, changeStage, createProject, setTaskDone, updateProject } from "@/lib/projects/service";

// Thin: authorise, call lib/projects (which scopes, validates and audits), revalidate.

export async function createProjectAction(input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const project = await createProject(getDb(), viewer, input, await requestContext());
    revalidatePath("/projects");
    return { id: project.id };
  });
}

export async function updateProjectAction(id: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const project = await updateProject(getDb(), viewer, id, input, await requestContext());
    revalidatePath("/projects");
    return { id: project.id, version: project.version };
  });
}

export async function changeStageAction(id: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const project = await changeStage(getDb(), viewer, id, input, await requestContext());
    revalidatePath("/projects");
    revalidatePath(`/projects/${id}`);
    return { stage: project.stage, status: project.status, version: project.version };
  });
}

export async function addActivityAction(projectId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    await addActivity(getDb(), viewer, projectId, input, await requestContext());
    revalidatePath(`/projects/${projectId}`);
  });
}

export async function addTaskAction(projectId: string, input: unknown) {
  return runAction(async () => {
    const viewer = await requireViewer();
    await addTask(getDb(), viewer, projectId, input, await requestContext());
    revalidatePath(`/projects/${projectId}`);
  });
}

export async function setTaskDoneAction(taskId: string, done: boolean) {
  return runAction(async () => {
    const viewer = await requireViewer();
    const task = await setTaskDone(getDb(), viewer, taskId, done, await requestContext());
    revalidatePath("/");
    if (task.projectId) revalidatePath(`/projects/${task.projectId}`);
  });
}

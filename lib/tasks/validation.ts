import { z } from "zod";
import { optionalFilterDate } from "@/lib/validation";

const idOrNone = z.union([z.uuid(), z.literal("none")]).optional().catch(undefined);

export const TASK_LIST_STATUSES = ["open", "done", "all"] as const;
export const TASK_PAGE_SIZE = 50;

/**
 * /tasks in the URL: whose tasks (assignee), due from / to, overdue only, one project, a unit
 * (and the units below it: the project's unit, or the assignee's for a task without a project),
 * open / done / all; and the project filters the dashboard's figures carry (chain, park, the
 * project's officer). Anything malformed is dropped, never refused.
 */
export const taskListSchema = z.object({
  assignee: z.uuid().optional().catch(undefined),
  dueFrom: optionalFilterDate,
  dueTo: optionalFilterDate,
  overdue: z.enum(["1"]).optional().catch(undefined),
  project: z.uuid().optional().catch(undefined),
  unit: z.uuid().optional().catch(undefined),
  chain: idOrNone,
  park: idOrNone,
  owner: z.uuid().optional().catch(undefined),
  status: z.enum(TASK_LIST_STATUSES).catch("open").default("open"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type TaskListParams = z.output<typeof taskListSchema>;
export type TaskFilters = Partial<Omit<TaskListParams, "page">>;

/** The list's query string, defaults left out. */
export function taskQuery(params: TaskFilters & { page?: number }, overrides: TaskFilters & { page?: number } = {}): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...overrides })) {
    if (value === undefined || value === "") continue;
    if (key === "status" && value === "open") continue;
    if (key === "page" && value === 1) continue;
    q.append(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

"use client";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/action";

/**
 * Puts a failed action's field errors next to their fields (keeping what the user typed)
 * and returns the message for the form as a whole, if any.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any transformed (parsed) value type
export function applyActionErrors<T extends FieldValues>(form: UseFormReturn<T, unknown, any>, result: ActionResult<unknown>): string | undefined {
  if (result.ok) return undefined;
  let focused = false;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    if (field === "_form" || !messages[0]) continue;
    form.setError(field as Path<T>, { type: "server", message: messages[0] }, { shouldFocus: !focused });
    focused = true;
  }
  return result.message;
}

/**
 * Calls a server action; if the call itself fails (the network, or the server down), the
 * form gets an ordinary error result and keeps everything the user typed.
 */
export async function callAction<T>(action: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await action;
  } catch {
    return { ok: false, code: "network", message: "errors.network" };
  }
}

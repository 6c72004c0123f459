import { z } from "zod";
import { ValidationError, type FieldErrors } from "@/lib/errors";

/** Parses with the form's own schema; a failure becomes a ValidationError naming each field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const flat = z.flattenError(result.error);
    const fields: FieldErrors = { ...(flat.fieldErrors as FieldErrors) };
    if (flat.formErrors.length) fields._form = flat.formErrors;
    throw new ValidationError(fields);
  }
  return result.data;
}

import { z } from "zod";
import { text } from "@/lib/validation";
import { ROLES } from "@/lib/auth/roles";

// Messages are i18n keys (lib/i18n/messages): the same schema runs in the browser and on the server.
export const PASSWORD_MIN = 8;

export const usernameSchema = z
  .string()
  .trim()
  .min(3, "errors.usernameLength")
  .max(32, "errors.usernameLength")
  .regex(/^[A-Za-z0-9_.-]+$/, "errors.usernameChars");

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, "errors.passwordMin")
  .max(128, "errors.passwordMax");

const displayName = text().min(1, "errors.required").max(50, "errors.tooLong50");
const role = z.enum(ROLES, { error: "errors.required" });
const unitId = z.uuid({ error: "errors.required" });
const version = z.coerce.number().int().positive();

export const createUserSchema = z.object({
  username: usernameSchema,
  displayName,
  role,
  unitId,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({ displayName, role, unitId, version });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** A user as the edit form shows them: what a save is merged over (parseVersionedSave). */
export function userFormValues(u: { displayName: string; role: UpdateUserInput["role"]; unitId: string; version: number }) {
  return { displayName: u.displayName, role: u.role, unitId: u.unitId, version: u.version };
}

export const setActiveSchema = z.object({ active: z.boolean(), version });

export const resetPasswordSchema = z.object({ password: passwordSchema });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "errors.required"),
    newPassword: passwordSchema,
    confirmPassword: z.string().min(1, "errors.required"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "errors.passwordMismatch" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "errors.passwordUnchanged" });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const userListSchema = z.object({
  q: text().max(100).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(["active", "inactive"]).optional().catch(undefined),
  unitId: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(200).catch(50).default(50),
});
export type UserListParams = z.infer<typeof userListSchema>;

export const signInSchema = z.object({
  username: text().min(1, "errors.required").max(64),
  password: z.string().min(1, "errors.required").max(256),
});

import { z } from "zod";
import { text } from "@/lib/validation";

// Shared by the /account form and the server (lib/auth/tokens.ts).

/** Every token starts with this, so a leaked one is easy to recognise (and to search for in code). */
export const TOKEN_PREFIX = "zsk_";
export const TOKEN_LIFETIMES = [7, 30, 90, 180, 365] as const;
/** Live tokens one user may hold at a time. */
export const MAX_LIVE_TOKENS = 20;

export const tokenSchema = z.object({
  name: text().min(1, "errors.required").max(50, "errors.tooLong50"),
  expiresInDays: z.coerce
    .number({ error: "apiTokens.errors.lifetime" })
    .int("apiTokens.errors.lifetime")
    .refine((n) => (TOKEN_LIFETIMES as readonly number[]).includes(n), "apiTokens.errors.lifetime"),
});
export type TokenInput = z.input<typeof tokenSchema>;

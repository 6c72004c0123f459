import { config } from "zod/v4/core";

// Zod tests whether `new Function` works the first time it builds an object schema (to compile
// faster parsers). Pages forbid eval (lib/security-headers.ts), so that test is reported as a
// Content-Security-Policy violation on every page. Runs before the app's own modules.
config({ jitless: true });

/** Session settings read from the environment; see README "Configuration". */
export function sessionIdleSeconds(): number {
  const hours = Number(process.env.SESSION_IDLE_HOURS ?? 8);
  return Math.round((Number.isFinite(hours) && hours > 0 ? hours : 8) * 3600);
}

export function authSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) {
    throw new Error("AUTH_SECRET is not set. `npm run dev` and `npm start` set it on the embedded database; in production set it yourself.");
  }
  return secret;
}

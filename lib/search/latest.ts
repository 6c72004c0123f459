/**
 * Answers to earlier keystrokes must never overwrite a newer one: each request takes a ticket,
 * and only the newest ticket's answer is shown (an aborted or slow older answer is dropped).
 */
export function latestOnly() {
  let current = 0;
  return {
    /** A ticket for a new request; every earlier ticket is stale from now on. */
    next(): number {
      current += 1;
      return current;
    },
    isLatest(ticket: number): boolean {
      return ticket === current;
    },
  };
}

/** Runs once when the server starts, before it answers a request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // The client's socket address for sign-in throttling and the audit log (lib/auth/request.ts).
    const { recordPeerAddresses } = await import("./lib/auth/peer-address");
    recordPeerAddresses();
  }
}

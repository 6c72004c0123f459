import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { PEER_ADDRESS_HEADER, PEER_ADDRESS_INSTALLED, trustedProxies } from "./request";

/**
 * Writes the socket's peer address into every request the servers of this process receive,
 * as PEER_ADDRESS_HEADER, replacing whatever a client sent under that name — before Next.js
 * (or anything else) sees the request. Route handlers and the proxy only get a request's
 * headers, never its socket; lib/auth/request.ts reads the address from there. Called once at
 * start by instrumentation.ts, so `npm start`, `npm run dev` and a bare `next start` all have it.
 */
export function recordPeerAddresses(): void {
  const flags = globalThis as Record<symbol, unknown>;
  if (flags[PEER_ADDRESS_INSTALLED]) return;
  trustedProxies(); // a wrong TRUSTED_PROXIES stops the start here, not at the first sign-in
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const emit = proto.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stamp(args[0] as IncomingMessage);
      return emit.call(this, event, ...args);
    } as typeof proto.emit;
  }
  flags[PEER_ADDRESS_INSTALLED] = true;
}

function stamp(req: IncomingMessage) {
  const address = req.socket?.remoteAddress;
  if (address) req.headers[PEER_ADDRESS_HEADER] = address;
  else delete req.headers[PEER_ADDRESS_HEADER];
}

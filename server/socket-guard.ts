import type { Socket } from "socket.io";
import { ClientEvents } from "../app/modules/realtime/events.ts";

/**
 * Every event a browser sends is checked against its schema once, before any
 * handler runs: an unknown event or a bad payload (an id beyond what the
 * database holds, a string where a number belongs) is answered with a
 * "refused" event, and with the acknowledgement when one was asked for.
 */
export function validateClientEvents(socket: Socket) {
  socket.use((packet, next) => {
    const [event, payload] = packet;
    const schema = (ClientEvents as Record<string, (typeof ClientEvents)["thread:join"]>)[event];
    const valid = schema?.safeParse(payload).success ?? false;
    if (valid) return next();
    const error = schema
      ? "Send { threadId } with the id of a thread."
      : `Unknown event: ${String(event).slice(0, 64)}.`;
    const ack = packet[packet.length - 1];
    if (typeof ack === "function") ack({ ok: false, error });
    socket.emit("refused", { event: String(event).slice(0, 64), error });
  });
}

/**
 * The client address of a socket, read as Express reads a request's: with
 * `trustProxy` hops, the address that many entries from the end of
 * X-Forwarded-For.
 */
export function socketClientIp(socket: Socket, trustProxy: number): string {
  const forwarded = socket.handshake.headers["x-forwarded-for"];
  const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [socket.handshake.address, ...hops.reverse()];
  return chain[Math.min(trustProxy, chain.length - 1)];
}

/**
 * Clients cut off for flooding wait before they may connect again, longer at
 * each repeat (per client address and per account, on this process).
 */
export function createFloodCooldown(options: { baseSeconds: number; maxSeconds: number }) {
  const strikes = new Map<string, { count: number; until: number }>();
  const forget = (now: number) => {
    // An offence is forgotten after a quiet spell of four of the longest waits.
    for (const [key, entry] of strikes)
      if (now > entry.until + options.maxSeconds * 4000) strikes.delete(key);
  };
  return {
    /** Records a cut-off; answers the seconds the client must now wait. */
    strike(keys: string[], now = Date.now()): number {
      forget(now);
      let wait = options.baseSeconds;
      for (const key of keys) {
        const count = (strikes.get(key)?.count ?? 0) + 1;
        wait = Math.max(wait, Math.min(options.maxSeconds, options.baseSeconds * 2 ** (count - 1)));
        strikes.set(key, { count, until: now + wait * 1000 });
      }
      for (const key of keys) strikes.get(key)!.until = now + wait * 1000;
      return wait;
    },
    /** Seconds this client must still wait before connecting, or 0. */
    retryAfter(keys: string[], now = Date.now()): number {
      let until = 0;
      for (const key of keys) until = Math.max(until, strikes.get(key)?.until ?? 0);
      return until > now ? Math.ceil((until - now) / 1000) : 0;
    },
  };
}

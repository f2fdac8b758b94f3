import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Logger } from "pino";
import { createClient } from "redis";
import { Server, type Socket } from "socket.io";
import type { DB } from "../db/client.ts";
import {
  isProspect,
  isVerifiedCustomer,
  policy,
  type Viewer,
} from "../app/modules/access/policy.ts";
import { loadViewer } from "../app/modules/viewer/viewer.server.ts";
import { readCookie, sessionCookieName } from "../app/modules/auth/cookie.ts";
import { validateSessionToken, type SessionUser } from "../app/modules/auth/session.server.ts";
import {
  loadThread,
  threadAccess,
  threadSubject,
} from "../app/modules/discussions/state.server.ts";
import {
  ClientEvents,
  isValidServerEvent,
  type JoinAck,
  type Presence,
} from "../app/modules/realtime/events.ts";
import {
  threadRoom,
  userRoom,
  type RealtimePublisher,
  type ThreadAccess,
  type ThreadDelivery,
} from "../app/modules/realtime/publisher.ts";
import type { Env } from "../app/utils/env.server.ts";
import { socketConnections } from "./metrics.ts";
import { isAllowedOrigin } from "./origin.ts";
import { createFloodCooldown, socketClientIp, validateClientEvents } from "./socket-guard.ts";

export interface SocketData {
  user: SessionUser | null;
  /** The person as the access policy sees them (reloaded when their standing changes). */
  viewer: Viewer;
  /** The session the handshake was made with, so ending it can close the socket. */
  sessionId: string | null;
}

export interface Realtime {
  io: Server;
  publisher: RealtimePublisher;
  close(): Promise<void>;
}

/** A socket may send this many events in a burst, refilled at this rate; then it is refused, then cut off. */
export const FLOOD_LIMITS = { burst: 20, perSecond: 5, refusalsBeforeDisconnect: 20 };
/** After a cut-off the client waits this long to reconnect, doubling at each repeat up to the maximum. */
export const FLOOD_COOLDOWN = { baseSeconds: 30, maxSeconds: 15 * 60 };
const TYPING_INTERVAL_MS = 2_000;
const PRESENCE_DELAY_MS = 400;

type AnySocket = Socket<any, any, any, SocketData>;
const THREAD_ROOM = /^thread:(\d+)$/;
/** Thread events that change nothing on its page. */
const EPHEMERAL_EVENTS = new Set(["thread:typing", "thread:presence"]);

/**
 * socket.io on the app's own port. The handshake reads the same session
 * cookie as the pages; anonymous sockets are allowed and read-only. Joining a
 * thread room asks the access policy, and so does every event delivered to
 * each socket in it — a reader who lost access stops receiving at once.
 */
export async function createRealtime(
  httpServer: HttpServer,
  deps: {
    db: DB;
    env: Env;
    logger: Logger;
    /** Told of every change to a thread's content or access, on every process. */
    onThreadChange?: (threadId: number) => void;
  },
): Promise<Realtime> {
  const { db, env, logger } = deps;
  const io = new Server<any, any, any, SocketData>(httpServer, {
    serveClient: false,
    allowRequest: (req, callback) => {
      const ok = isAllowedOrigin(req.headers.origin, req.headers.host, env);
      callback(ok ? null : "Origin not allowed", ok);
    },
  });
  const nsp = io.of("/");

  const redisClients: { quit(): Promise<unknown> }[] = [];
  if (env.REDIS_URL) {
    const pub = createClient({ url: env.REDIS_URL });
    const sub = pub.duplicate();
    pub.on("error", (error) => logger.error({ err: error }, "redis publisher error"));
    sub.on("error", (error) => logger.error({ err: error }, "redis subscriber error"));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    redisClients.push(pub, sub);
    logger.info("socket.io uses the Redis adapter");
  }
  const clustered = redisClients.length > 0;

  // The last access rules seen for each thread that has readers on this process.
  const accessByThread = new Map<number, ThreadAccess>();
  const presenceByThread = new Map<number, Presence>();
  const presenceTimers = new Map<number, NodeJS.Timeout>();

  const cookieName = sessionCookieName(env.COOKIE_SECURE);
  const cooldown = createFloodCooldown(FLOOD_COOLDOWN);
  // A signed-in person waits by account (others behind the same address are not held back);
  // anonymous sockets by client address.
  const floodKeys = (socket: AnySocket) => [
    socket.data.user
      ? `user:${socket.data.user.id}`
      : `ip:${socketClientIp(socket, env.TRUST_PROXY)}`,
  ];
  io.use(async (socket, next) => {
    try {
      const token = readCookie(socket.handshake.headers.cookie, cookieName);
      const result = token ? await validateSessionToken(db, token) : null;
      socket.data.user = result?.user ?? null;
      socket.data.sessionId = result?.session.id ?? null;
      socket.data.viewer = await loadViewer(db, socket.data.user);
      const retryAfter = cooldown.retryAfter(floodKeys(socket));
      if (retryAfter > 0) {
        const refusal = new Error("rate-limited") as Error & { data: unknown };
        refusal.data = { retryAfter };
        return next(refusal);
      }
      next();
    } catch (error) {
      logger.error({ err: error }, "socket handshake failed");
      next(new Error("Handshake failed"));
    }
  });

  /** Emits to some sockets of a room on this process (the whole room when all qualify). */
  function emitLocal(room: string, ids: string[], size: number, event: string, payload: unknown) {
    if (!ids.length) return;
    if (ids.length === size) io.local.to(room).emit(event, payload);
    else io.local.to(ids).emit(event, payload);
  }

  function removeFromThread(socket: AnySocket, threadId: number) {
    void socket.leave(threadRoom(threadId));
    socket.emit("thread:access-lost", { threadId });
  }

  /** Delivers one thread event to the sockets on this process, each checked by the policy. */
  function deliverLocal(delivery: ThreadDelivery) {
    const { access } = delivery;
    if (!EPHEMERAL_EVENTS.has(delivery.event)) deps.onThreadChange?.(access.threadId);
    const room = threadRoom(access.threadId);
    accessByThread.set(access.threadId, access);
    const members = nsp.adapter.rooms.get(room);
    if (!members?.size) return;
    const plain: string[] = [];
    const staff: string[] = [];
    const lost: AnySocket[] = [];
    for (const id of members) {
      if (id === delivery.exceptSocketId) continue;
      const socket = nsp.sockets.get(id) as AnySocket | undefined;
      if (!socket) continue;
      const viewer = socket.data.viewer;
      if (!policy.readThread(viewer, access)) lost.push(socket);
      else if (delivery.staff && policy.moderateDiscussions(viewer)) staff.push(id);
      else plain.push(id);
    }
    const size = members.size;
    emitLocal(room, plain, size, delivery.event, delivery.payload);
    if (delivery.staff) emitLocal(room, staff, size, delivery.staff.event, delivery.staff.payload);
    for (const socket of lost) removeFromThread(socket, access.threadId);
    if (lost.length) schedulePresence(access.threadId);
  }

  function toThread(delivery: ThreadDelivery) {
    const valid =
      isValidServerEvent(delivery.event, delivery.payload) &&
      (!delivery.staff || isValidServerEvent(delivery.staff.event, delivery.staff.payload));
    if (!valid) {
      logger.error({ event: delivery.event }, "refused to send an event with an invalid payload");
      return;
    }
    deliverLocal(delivery);
    if (clustered) io.serverSideEmit("ll:thread", delivery);
  }

  /** Sockets on this process that may no longer read a thread leave its room. */
  function recheckLocal(access: ThreadAccess) {
    deps.onThreadChange?.(access.threadId);
    accessByThread.set(access.threadId, access);
    const members = nsp.adapter.rooms.get(threadRoom(access.threadId));
    let removed = 0;
    for (const id of [...(members ?? [])]) {
      const socket = nsp.sockets.get(id) as AnySocket | undefined;
      if (socket && !policy.readThread(socket.data.viewer, access)) {
        removeFromThread(socket, access.threadId);
        removed += 1;
      }
    }
    if (removed) schedulePresence(access.threadId);
  }

  /** Reloads a person's standing on their sockets here and re-checks every thread they follow. */
  async function refreshViewerLocal(userId: number) {
    const sockets = [...(nsp.adapter.rooms.get(userRoom(userId)) ?? [])]
      .map((id) => nsp.sockets.get(id) as AnySocket | undefined)
      .filter((s): s is AnySocket => Boolean(s));
    if (!sockets.length) return;
    const user = await db
      .selectFrom("users")
      .select(["id", "role"])
      .where("id", "=", userId)
      .executeTakeFirst();
    const viewer = user ? await loadViewer(db, user) : null;
    for (const socket of sockets) {
      socket.data.viewer = viewer;
      if (socket.data.user && user) socket.data.user = { ...socket.data.user, role: user.role };
      for (const room of socket.rooms) {
        const match = THREAD_ROOM.exec(room);
        if (!match) continue;
        const access = accessByThread.get(Number(match[1]));
        if (!access || !policy.readThread(viewer, access))
          removeFromThread(socket, Number(match[1]));
      }
    }
  }

  function schedulePresence(threadId: number) {
    if (presenceTimers.has(threadId)) return;
    const timer = setTimeout(() => {
      presenceTimers.delete(threadId);
      void countPresence(threadId).catch((error) =>
        logger.warn({ err: error, threadId }, "could not count who is reading"),
      );
    }, PRESENCE_DELAY_MS);
    timer.unref();
    presenceTimers.set(threadId, timer);
  }

  /** Who is reading a thread across every process: people once each, visitors per tab. */
  async function countPresence(threadId: number) {
    const sockets = await io.in(threadRoom(threadId)).fetchSockets();
    const seen = new Set<number>();
    const presence: Presence = { threadId, advocates: 0, staff: 0, members: 0, visitors: 0 };
    for (const socket of sockets) {
      const viewer = (socket.data as SocketData).viewer;
      if (!viewer) {
        presence.visitors += 1;
        continue;
      }
      if (seen.has(viewer.id)) continue;
      seen.add(viewer.id);
      if (isVerifiedCustomer(viewer)) presence.advocates += 1;
      else if (isProspect(viewer)) presence.members += 1;
      else presence.staff += 1;
    }
    presenceByThread.set(threadId, presence);
    const access = accessByThread.get(threadId);
    if (access) toThread({ access, event: "thread:presence", payload: presence });
  }

  if (clustered) {
    io.on("ll:thread", (delivery: ThreadDelivery) => deliverLocal(delivery));
    io.on("ll:recheck", (access: ThreadAccess) => recheckLocal(access));
    io.on("ll:refresh-viewer", (userId: number) => {
      void refreshViewerLocal(userId).catch((error) =>
        logger.error({ err: error, userId }, "could not refresh a viewer"),
      );
    });
  }

  io.on("connection", (socket: AnySocket) => {
    socketConnections.inc();
    const user = socket.data.user;
    if (user) void socket.join(userRoom(user.id));

    // Flood control: a token bucket per socket; refusals beyond a limit end the connection.
    let tokens = FLOOD_LIMITS.burst;
    let refilledAt = Date.now();
    let refusals = 0;
    let cutOff = false;
    socket.use((packet, next) => {
      // Packets already queued when the socket was cut off are dropped quietly.
      if (cutOff) return;
      const now = Date.now();
      tokens = Math.min(
        FLOOD_LIMITS.burst,
        tokens + ((now - refilledAt) / 1000) * FLOOD_LIMITS.perSecond,
      );
      refilledAt = now;
      if (tokens >= 1) {
        tokens -= 1;
        return next();
      }
      refusals += 1;
      const ack = packet[packet.length - 1];
      if (typeof ack === "function") ack({ ok: false, error: "Too many messages: slow down." });
      if (refusals >= FLOOD_LIMITS.refusalsBeforeDisconnect) {
        cutOff = true;
        const retryAfter = cooldown.strike(floodKeys(socket));
        logger.warn({ userId: user?.id ?? null, retryAfter }, "socket disconnected for flooding");
        socket.emit("rate-limited", { disconnected: true, retryAfter });
        socket.disconnect(true);
      }
    });
    validateClientEvents(socket);

    socket.on("thread:join", async (payload: unknown, ack?: (answer: JoinAck) => void) => {
      const reply = typeof ack === "function" ? ack : () => {};
      const parsed = ClientEvents["thread:join"].safeParse(payload);
      if (!parsed.success) return reply({ ok: false, error: "Send { threadId } as a number." });
      const { threadId } = parsed.data;
      try {
        const thread = await loadThread(db, threadId);
        if (!thread || !policy.readThread(socket.data.viewer, threadSubject(thread)))
          return reply({ ok: false, error: "We could not find that thread." });
        accessByThread.set(threadId, threadAccess(thread));
        await socket.join(threadRoom(threadId));
        schedulePresence(threadId);
        reply({
          ok: true,
          threadId,
          seq: thread.changeSeq,
          presence: presenceByThread.get(threadId) ?? null,
        });
      } catch (error) {
        logger.error({ err: error, threadId }, "thread join failed");
        reply({ ok: false, error: "Something went wrong; try again." });
      }
    });

    socket.on("thread:leave", async (payload: unknown) => {
      const parsed = ClientEvents["thread:leave"].safeParse(payload);
      if (!parsed.success) return;
      await socket.leave(threadRoom(parsed.data.threadId));
      schedulePresence(parsed.data.threadId);
    });

    const lastTyping = new Map<number, number>();
    socket.on("thread:typing", (payload: unknown) => {
      const parsed = ClientEvents["thread:typing"].safeParse(payload);
      if (!parsed.success || !user) return; // anonymous sockets are read-only
      const { threadId } = parsed.data;
      if (!socket.rooms.has(threadRoom(threadId))) return;
      const access = accessByThread.get(threadId);
      if (!access || !policy.replyToThread(socket.data.viewer, access)) return;
      const now = Date.now();
      if (now - (lastTyping.get(threadId) ?? 0) < TYPING_INTERVAL_MS) return;
      lastTyping.set(threadId, now);
      toThread({
        access,
        event: "thread:typing",
        payload: { threadId, user: { handle: user.handle, displayName: user.displayName } },
        exceptSocketId: socket.id,
      });
    });

    let followed: number[] = [];
    socket.on("disconnecting", () => {
      followed = [...socket.rooms]
        .map((room) => THREAD_ROOM.exec(room)?.[1])
        .filter((id): id is string => Boolean(id))
        .map(Number);
    });
    socket.on("disconnect", () => {
      socketConnections.dec();
      for (const threadId of followed) schedulePresence(threadId);
    });
  });

  const publisher: RealtimePublisher = {
    toUser(userId, event, payload) {
      if (!isValidServerEvent(event, payload)) {
        logger.error({ event }, "refused to send an event with an invalid payload");
        return;
      }
      io.to(userRoom(userId)).emit(event, payload);
    },
    toThread,
    recheckThread(access) {
      recheckLocal(access);
      if (clustered) io.serverSideEmit("ll:recheck", access);
    },
    endSessions(userId, exceptSessionId) {
      // fetchSockets reaches every process through the adapter, so this holds when clustered too.
      void io
        .in(userRoom(userId))
        .fetchSockets()
        .then((sockets) => {
          for (const socket of sockets) {
            if (!exceptSessionId || socket.data.sessionId !== exceptSessionId)
              socket.disconnect(true);
          }
        })
        .catch((error) => logger.error({ err: error, userId }, "could not close ended sessions"));
    },
    refreshViewer(userId) {
      void refreshViewerLocal(userId).catch((error) =>
        logger.error({ err: error, userId }, "could not refresh a viewer"),
      );
      if (clustered) io.serverSideEmit("ll:refresh-viewer", userId);
    },
  };

  return {
    io: io as unknown as Server,
    publisher,
    async close() {
      for (const timer of presenceTimers.values()) clearTimeout(timer);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.all(redisClients.map((c) => c.quit().catch(() => undefined)));
    },
  };
}

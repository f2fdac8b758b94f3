import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Logger } from "pino";
import { createClient } from "redis";
import { Server, type Socket } from "socket.io";
import type { DB } from "../db/client.ts";
import { readCookie, sessionCookieName } from "../app/modules/auth/cookie.ts";
import { validateSessionToken, type SessionUser } from "../app/modules/auth/session.server.ts";
import { userRoom, type RealtimePublisher } from "../app/modules/realtime/publisher.ts";
import type { Env } from "../app/utils/env.server.ts";
import { socketConnections } from "./metrics.ts";
import { isAllowedOrigin } from "./origin.ts";

export interface SocketData {
  user: SessionUser | null;
}

export interface Realtime {
  io: Server;
  publisher: RealtimePublisher;
  close(): Promise<void>;
}

/**
 * socket.io on the app's own port. The handshake reads the same session
 * cookie as the pages; anonymous sockets are allowed and read-only. Every
 * room join asks the access policy (see app/modules/access/policy.ts).
 */
export async function createRealtime(
  httpServer: HttpServer,
  deps: { db: DB; env: Env; logger: Logger },
): Promise<Realtime> {
  const { db, env, logger } = deps;
  const io = new Server<
    Record<string, never>,
    Record<string, never>,
    Record<string, never>,
    SocketData
  >(httpServer, {
    serveClient: false,
    allowRequest: (req, callback) => {
      const ok = isAllowedOrigin(req.headers.origin, req.headers.host, env);
      callback(ok ? null : "Origin not allowed", ok);
    },
  });

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

  const cookieName = sessionCookieName(env.COOKIE_SECURE);
  io.use(async (socket, next) => {
    try {
      const token = readCookie(socket.handshake.headers.cookie, cookieName);
      const result = token ? await validateSessionToken(db, token) : null;
      socket.data.user = result?.user ?? null;
      next();
    } catch (error) {
      logger.error({ err: error }, "socket handshake failed");
      next(new Error("Handshake failed"));
    }
  });

  io.on("connection", (socket: Socket<any, any, any, SocketData>) => {
    socketConnections.inc();
    const user = socket.data.user;
    if (user) void socket.join(userRoom(user.id));
    socket.on("disconnect", () => socketConnections.dec());
  });

  const publisher: RealtimePublisher = {
    toUser(userId, event, payload) {
      io.to(userRoom(userId)).emit(event as never, payload as never);
    },
    toRoom(room, event, payload) {
      io.to(room).emit(event as never, payload as never);
    },
  };

  return {
    io: io as unknown as Server,
    publisher,
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.all(redisClients.map((c) => c.quit().catch(() => undefined)));
    },
  };
}

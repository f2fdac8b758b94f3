import type { Logger } from "pino";
import type { DB } from "../db/client.ts";
import type { RealtimePublisher } from "./modules/realtime/publisher.ts";
import type { Env } from "./utils/env.server.ts";

/** What server/index.ts hands every loader and action through getLoadContext. */
export interface LimelightContext {
  db: DB;
  env: Env;
  realtime: RealtimePublisher;
  cspNonce: string;
  requestId: string;
  clientIp: string;
  logger: Logger;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends LimelightContext {}
}

import { createServer, connect, type Server, type Socket } from "node:net";

/**
 * A TCP proxy in front of a real PostgreSQL, so a test can take the database
 * away from the app without touching the server itself: `cut` drops every
 * connection and refuses new ones (a restart, a network partition), `freeze`
 * keeps connections open but lets nothing through (a hung server), `restore`
 * brings it back.
 */
export interface TcpProxy {
  port: number;
  /** The target URL with its host and port replaced by the proxy's. */
  url(target: string): string;
  cut(): Promise<void>;
  freeze(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let frozen = false;
  let server: Server | undefined;
  let port = 0;

  const accept = (client: Socket) => {
    const upstream = connect(targetPort, targetHost);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
    if (frozen) pause(pair);
  };
  // A paused socket reads nothing more, so bytes wait in the kernel as with a stopped server.
  const pause = ([a, b]: [Socket, Socket]) => {
    a.unpipe(b);
    b.unpipe(a);
    a.pause();
    b.pause();
  };
  const resume = ([a, b]: [Socket, Socket]) => {
    a.pipe(b);
    b.pipe(a);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(accept);
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const stop = async () => {
    const closing = server;
    server = undefined;
    for (const [a, b] of pairs) {
      a.destroy();
      b.destroy();
    }
    pairs.clear();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };

  await listen();
  return {
    get port() {
      return port;
    },
    url(target) {
      const url = new URL(target);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.href;
    },
    cut: stop,
    freeze() {
      frozen = true;
      for (const pair of pairs) pause(pair);
    },
    async restore() {
      if (frozen) for (const pair of pairs) resume(pair);
      frozen = false;
      if (!server) await listen();
    },
    close: stop,
  };
}

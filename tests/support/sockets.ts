import { io as connect, type Socket } from "socket.io-client";
import type { TestClient } from "./server.ts";

const open: Socket[] = [];

/** A live connection to the test server, signed in as the client's person (closed by closeSockets). */
export function socketFor(url: string, client: TestClient): Promise<Socket> {
  const s = connect(url, {
    transports: ["websocket"],
    extraHeaders: { Origin: url, Cookie: client.cookieHeader() },
    reconnection: false,
    forceNew: true,
  });
  open.push(s);
  return new Promise<Socket>((resolve, reject) => {
    s.once("connect", () => resolve(s));
    s.once("connect_error", reject);
  });
}

/** Closes every connection socketFor opened (call it after each test). */
export function closeSockets(): void {
  for (const s of open.splice(0)) s.close();
}

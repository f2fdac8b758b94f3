import { io, type Socket } from "socket.io-client";
import type { Queryable } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { insertUser, TEST_PASSWORD } from "./factories.ts";
import { TestClient } from "./server.ts";

/** Someone with an account, as tests refer to them. Their password is TEST_PASSWORD. */
export interface Person {
  id: number;
  role: Role;
  email: string;
  handle: string;
  displayName: string;
}

/** A new person with an empty profile (a prospect unless told otherwise). */
export async function person(
  db: Queryable,
  role: Role = "prospect",
  overrides: { handle?: string; email?: string; displayName?: string } = {},
): Promise<Person> {
  const user = await insertUser(db, { role, ...overrides });
  return {
    id: user.id,
    role: user.role,
    email: user.email,
    handle: user.handle,
    displayName: user.display_name,
  };
}

let addresses = 0;
/**
 * A client address of its own for each new tab, so the sign-in throttles of
 * one test never reach another (10.200.x.y, apart from addresses tests pick).
 */
export function nextAddress(): string {
  const n = addresses++;
  return `10.200.${Math.floor(n / 250) % 250}.${n % 250}`;
}

/** A new browser tab on the test server from its own address, signed in by nobody. */
export function tab(server: { url: string }, address = nextAddress()): TestClient {
  return new TestClient(server.url, { "X-Forwarded-For": address });
}

/**
 * A browser tab signed in as this person through the sign-in form (a refusal
 * fails the test). Pass `client` to sign in a tab the test already holds.
 */
export async function signedIn(
  server: { url: string },
  who: { email: string },
  options: { password?: string; client?: TestClient } = {},
): Promise<TestClient> {
  const client = options.client ?? tab(server);
  const res = await client.post("/login?_data=routes%2Flogin", {
    email: who.email,
    password: options.password ?? TEST_PASSWORD,
  });
  if (res.status !== 204) throw new Error(`signing in as ${who.email} answered ${res.status}`);
  return client;
}

/** A socket and everything it has received, in order. */
export interface RecordedSocket {
  socket: Socket;
  events: { event: string; payload: unknown }[];
  /** The payloads of the toasts it was shown. */
  toasts: { kind?: string; title: string; description?: string }[];
}

/**
 * A browser tab's socket on this site (same Origin, the tab's cookies; a
 * visitor's when `client` is null), connected, recording what it receives.
 */
export async function socketFor(
  server: { url: string },
  client: TestClient | null,
): Promise<RecordedSocket> {
  const extraHeaders: Record<string, string> = { Origin: server.url };
  if (client?.cookies.size) extraHeaders.Cookie = client.cookieHeader();
  const socket = io(server.url, {
    transports: ["websocket"],
    extraHeaders,
    reconnection: false,
    forceNew: true,
  });
  const recorded: RecordedSocket = { socket, events: [], toasts: [] };
  socket.onAny((event: string, payload: unknown) => {
    recorded.events.push({ event, payload });
    if (event === "toast") recorded.toasts.push(payload as RecordedSocket["toasts"][number]);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return recorded;
}

/**
 * Waits until the check holds, for what arrives after the request that caused
 * it (a socket event, a row written after commit); answers whether it held.
 * Assert on the answer: `expect(await until(() => toasts.length > 0)).toBe(true)`.
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  { tries = 200, every = 10 }: { tries?: number; every?: number } = {},
): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  return check();
}

import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { userRoom } from "../../app/modules/realtime/publisher.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD } from "../support/factories.ts";
import { signedIn } from "../support/people.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

// socket.io against the real server: the handshake, rooms and origin checks, no mocks.

let handle: DbHandle;
let server: TestServer;
const opened: Socket[] = [];

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
});
afterEach(() => {
  for (const socket of opened.splice(0)) socket.close();
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

async function signedInUser() {
  const user = await insertUser(handle.db);
  const c = await signedIn(server, user);
  return { user, client: c, cookie: c.cookieHeader() };
}

/** A socket as a browser tab on this site opens it (same Origin, the site's cookies). */
function socket(options: { cookie?: string; origin?: string | null } = {}) {
  const headers: Record<string, string> = {};
  const origin = options.origin === undefined ? server.url : options.origin;
  if (origin) headers.Origin = origin;
  if (options.cookie) headers.Cookie = options.cookie;
  const s = connect(server.url, {
    transports: ["websocket"],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
  });
  opened.push(s);
  return s;
}

function connected(s: Socket) {
  return new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", (error) => reject(error));
  });
}

function refused(s: Socket) {
  return new Promise<Error>((resolve, reject) => {
    s.once("connect", () => reject(new Error("the socket was let in")));
    s.once("connect_error", (error) => resolve(error));
  });
}

/** Everything a socket receives, in order. */
function recorder(s: Socket) {
  const events: { event: string; payload: unknown }[] = [];
  s.onAny((event, payload) => events.push({ event, payload }));
  return events;
}

const next = (s: Socket, event: string) =>
  new Promise<unknown>((resolve) => s.once(event, (payload: unknown) => resolve(payload)));

async function roomMembers(room: string) {
  return (await server.realtime.io.in(room).fetchSockets()).map((s) => s.id).sort();
}

describe("the socket handshake", () => {
  it("with a session cookie puts the socket in its user's room, and only there", async () => {
    const ada = await signedInUser();
    const bo = await signedInUser();
    const adaTab = socket({ cookie: ada.cookie });
    const adaPhone = socket({ cookie: ada.cookie });
    const boTab = socket({ cookie: bo.cookie });
    await Promise.all([connected(adaTab), connected(adaPhone), connected(boTab)]);
    expect(await roomMembers(userRoom(ada.user.id))).toEqual([adaTab.id, adaPhone.id].sort());
    expect(await roomMembers(userRoom(bo.user.id))).toEqual([boTab.id]);

    const boReceived = recorder(boTab);
    const toast = { kind: "success", title: "You earned 10 points" };
    const onTab = next(adaTab, "toast");
    const onPhone = next(adaPhone, "toast");
    server.realtime.publisher.toUser(ada.user.id, "toast", toast);
    expect(await onTab).toEqual(toast);
    expect(await onPhone).toEqual(toast);
    // Bo's socket got nothing of Ada's: a later event to Bo arrives with nothing before it.
    const marker = next(boTab, "toast");
    server.realtime.publisher.toUser(bo.user.id, "toast", { kind: "info", title: "for Bo" });
    await marker;
    expect(boReceived).toEqual([{ event: "toast", payload: { kind: "info", title: "for Bo" } }]);
  });

  it("lets anonymous visitors connect, outside every user's room", async () => {
    const ada = await signedInUser();
    const visitor = socket();
    await connected(visitor);
    const rooms = [...(server.realtime.io.of("/").sockets.get(visitor.id!)?.rooms ?? [])];
    expect(rooms).toEqual([visitor.id]);
    const received = recorder(visitor);
    server.realtime.publisher.toUser(ada.user.id, "toast", { kind: "info", title: "private" });
    server.realtime.io.to(visitor.id!).emit("marker", { ok: true });
    await next(visitor, "marker");
    expect(received).toEqual([{ event: "marker", payload: { ok: true } }]);
  });

  it("treats a cookie that is not a live session as anonymous", async () => {
    const ada = await signedInUser();
    const token = ada.client.cookies.get("limelight_session")!;
    await ada.client.post("/logout", {});
    for (const cookie of [
      `limelight_session=${token}`,
      "limelight_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "limelight_session=%E0%A4%A",
    ]) {
      const s = socket({ cookie });
      await connected(s);
      expect(await roomMembers(userRoom(ada.user.id))).toEqual([]);
      expect([...(server.realtime.io.of("/").sockets.get(s.id!)?.rooms ?? [])]).toEqual([s.id]);
    }
  });

  it("refuses a foreign Origin, even with a valid session cookie", async () => {
    const ada = await signedInUser();
    for (const origin of ["https://evil.example", "null", `${server.url}.evil.example`]) {
      const s = socket({ cookie: ada.cookie, origin });
      await refused(s);
      expect(s.connected).toBe(false);
    }
    expect(await roomMembers(userRoom(ada.user.id))).toEqual([]);
  });

  it("refuses a foreign Origin over long-polling too", async () => {
    const s = connect(server.url, {
      transports: ["polling"],
      extraHeaders: { Origin: "https://evil.example" },
      reconnection: false,
      forceNew: true,
    });
    opened.push(s);
    await refused(s);
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { Origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
  });
});

describe("socket metrics", () => {
  it("count the open connections", async () => {
    const gauge = async () => {
      const body = await (await fetch(`${server.url}/metrics`)).text();
      return Number(/^limelight_socket_connections (\d+)$/m.exec(body)?.[1]);
    };
    const before = await gauge();
    const a = socket();
    const b = socket();
    await Promise.all([connected(a), connected(b)]);
    expect(await gauge()).toBe(before + 2);
    a.close();
    await expect.poll(gauge).toBe(before + 1);
  });
});

describe("ending sessions", () => {
  const disconnected = (s: Socket) =>
    new Promise<string>((resolve) => s.once("disconnect", (reason) => resolve(reason)));

  it("sign out everywhere closes the live connections of every device", async () => {
    const { user, client, cookie } = await signedInUser();
    const laptop = socket({ cookie });
    const phone = socket({ cookie });
    await Promise.all([connected(laptop), connected(phone)]);
    const closed = Promise.all([disconnected(laptop), disconnected(phone)]);
    const res = await client.post("/settings?index&_data=routes%2Fsettings._index", {
      intent: "sign-out-everywhere",
    });
    expect(res.status).toBe(204);
    expect(await closed).toEqual(["io server disconnect", "io server disconnect"]);
    expect(await roomMembers(userRoom(user.id))).toEqual([]);
  });

  it("a password change closes other devices' connections and keeps this one", async () => {
    const { user, client, cookie } = await signedInUser();
    const here = socket({ cookie });
    await connected(here);
    // The other device signs in separately, so it holds another session.
    const other = await signedIn(server, user);
    const there = socket({ cookie: other.cookieHeader() });
    await connected(there);
    const closed = disconnected(there);
    const res = await client.post("/settings?index&_data=routes%2Fsettings._index", {
      intent: "change-password",
      currentPassword: TEST_PASSWORD,
      newPassword: "an entirely new passphrase",
      confirmPassword: "an entirely new passphrase",
    });
    expect(res.status).toBe(204);
    expect(await closed).toBe("io server disconnect");
    expect(here.connected).toBe(true);
    expect(await roomMembers(userRoom(user.id))).toEqual([here.id]);
  });
});

import { useRouteLoaderData } from "@remix-run/react";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { Socket } from "socket.io-client";

const SocketContext = createContext<Socket | null>(null);

/**
 * One socket.io connection per tab, opened after hydration (pages work without it).
 * The server knows who a socket belongs to from the session cookie at the handshake,
 * so signing in or out in this tab opens a new connection as the new person: a
 * signed-out tab must stop receiving the previous person's events.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [socket, setSocket] = useState<Socket | null>(null);
  const root = useRouteLoaderData("root") as { user?: { id: number } | null } | undefined;
  const userId = root?.user?.id ?? null;
  useEffect(() => {
    let active = true;
    let opened: Socket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // A socket cut off for flooding (or refused while it waits) comes back only after the
    // wait the server names, instead of at once.
    const reconnectAfter = (seconds: unknown) => {
      if (typeof seconds !== "number" || !(seconds > 0)) return;
      clearTimeout(retry);
      retry = setTimeout(() => opened?.connect(), seconds * 1000);
    };
    void import("socket.io-client").then(({ io }) => {
      if (!active) return;
      opened = io({ transports: ["websocket", "polling"], withCredentials: true });
      opened.on("rate-limited", (payload: { retryAfter?: number }) =>
        reconnectAfter(payload?.retryAfter),
      );
      opened.on("connect_error", (error: Error & { data?: { retryAfter?: number } }) =>
        reconnectAfter(error.data?.retryAfter),
      );
      setSocket(opened);
    });
    return () => {
      active = false;
      clearTimeout(retry);
      opened?.close();
    };
  }, [userId]);
  return <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>;
}

export const useSocket = () => useContext(SocketContext);

/** Subscribes to one event while the component is mounted. */
export function useSocketEvent<T>(event: string, handler: (payload: T) => void) {
  const socket = useSocket();
  useEffect(() => {
    if (!socket) return;
    socket.on(event, handler);
    return () => {
      socket.off(event, handler);
    };
  }, [socket, event, handler]);
}

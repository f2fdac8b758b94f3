import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { Socket } from "socket.io-client";

const SocketContext = createContext<Socket | null>(null);

/** One socket.io connection per tab, opened after hydration (pages work without it). */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [socket, setSocket] = useState<Socket | null>(null);
  useEffect(() => {
    let active = true;
    let opened: Socket | null = null;
    void import("socket.io-client").then(({ io }) => {
      if (!active) return;
      opened = io({ transports: ["websocket", "polling"], withCredentials: true });
      setSocket(opened);
    });
    return () => {
      active = false;
      opened?.close();
    };
  }, []);
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

import { Link } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSocket, useSocketEvent } from "~/components/realtime.tsx";
import { cn } from "~/utils/cn.ts";

/** The header bell: unread count from the page, kept current live (and after a reconnect). */
export function NotificationBell({ count: initial }: { count: number }) {
  const [count, setCount] = useState(initial);
  useEffect(() => setCount(initial), [initial]);
  // Each new notification is one more unread; the exact count comes back after a reconnect.
  const onNew = useCallback(() => setCount((n) => n + 1), []);
  const onUnread = useCallback((payload: { count: number }) => setCount(payload.count), []);
  useSocketEvent("notification:new", onNew);
  useSocketEvent("notifications:unread", onUnread);

  const socket = useSocket();
  const connectedOnce = useRef(false);
  useEffect(() => {
    if (!socket) return;
    const onConnect = () => {
      if (!connectedOnce.current) {
        connectedOnce.current = true;
        return;
      }
      void fetch("/notifications/unread", { headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : null))
        .then((data: { count: number } | null) => data && setCount(data.count))
        .catch(() => undefined);
    };
    if (socket.connected) connectedOnce.current = true;
    socket.on("connect", onConnect);
    return () => {
      socket.off("connect", onConnect);
    };
  }, [socket]);

  const { t } = useTranslation();
  const label = t("shell.notifications", { count });
  return (
    <Link
      to="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative flex h-9 w-9 items-center justify-center rounded-lg text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800"
    >
      <svg viewBox="0 0 20 20" className="h-5 w-5" aria-hidden="true" fill="currentColor">
        <path d="M10 2a5 5 0 0 0-5 5v2.6l-1.3 2.6A1 1 0 0 0 4.6 14h10.8a1 1 0 0 0 .9-1.4L15 9.6V7a5 5 0 0 0-5-5Zm0 16a2.5 2.5 0 0 0 2.4-2h-4.8A2.5 2.5 0 0 0 10 18Z" />
      </svg>
      <span
        data-testid="unread-count"
        className={cn(
          "absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] font-semibold leading-5 text-white",
          !count && "hidden",
        )}
      >
        {count > 99 ? "99+" : count}
      </span>
    </Link>
  );
}

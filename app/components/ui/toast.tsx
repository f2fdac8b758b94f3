import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { cn } from "~/utils/cn.ts";

export interface ToastMessage {
  id: string;
  kind: "success" | "info" | "error";
  title: string;
  description?: string;
}

/**
 * A polite live region showing toasts; each fades after a few seconds or on dismiss.
 * On a phone they sit just under the header: at the foot of the screen they covered the
 * form that was just submitted.
 */
export function Toaster({
  toasts,
  onDismiss,
}: {
  toasts: ToastMessage[];
  onDismiss: (id: string) => void;
}) {
  return (
    <div
      aria-live="polite"
      data-testid="toaster"
      className="pointer-events-none fixed inset-x-0 top-[4.5rem] z-50 flex flex-col items-center gap-2 px-4 sm:bottom-4 sm:top-auto sm:items-end"
    >
      {toasts.slice(0, VISIBLE_TOASTS).map((toast) => (
        <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} />
      ))}
    </div>
  );
}

function ToastItem({ toast, onDismiss }: { toast: ToastMessage; onDismiss: (id: string) => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(toast.id), 6000);
    return () => clearTimeout(timer);
  }, [toast.id, onDismiss]);
  return (
    <div
      role="status"
      className={cn(
        "pointer-events-auto w-full max-w-sm rounded-xl border px-4 py-3 shadow-lg",
        toast.kind === "error"
          ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          : toast.kind === "success"
            ? "border-brand-300 bg-white text-stone-900 dark:border-brand-800 dark:bg-stone-900 dark:text-stone-100"
            : "border-stone-300 bg-white text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100",
      )}
    >
      <div className="flex items-start gap-3">
        <div className="flex-1">
          <p className="text-sm font-semibold">{toast.title}</p>
          {toast.description ? (
            <p className="mt-0.5 text-sm opacity-80">{toast.description}</p>
          ) : null}
        </div>
        <button
          type="button"
          onClick={() => onDismiss(toast.id)}
          className="rounded px-1 text-lg leading-none opacity-60 hover:opacity-100"
          aria-label={t("ui.dismissNotification")}
        >
          ×
        </button>
      </div>
    </div>
  );
}

/** At most this many toasts show at once; later ones wait their turn, each with its full time. */
const VISIBLE_TOASTS = 4;
/** A burst beyond this many waiting loses its oldest waiting toasts, never the ones on screen. */
const WAITING_TOASTS = 12;

/**
 * Holds the toasts of this page, in the order they came. One change can
 * announce several things at once (points, badges, a new tier, the notice
 * itself): they queue rather than push the first ones off before they show.
 */
export function useToasts() {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  // Stable, so a toast's timer runs from when it shows, not from the last change.
  const push = useCallback(
    (toast: Omit<ToastMessage, "id"> & { id?: string }) =>
      setToasts((current) => {
        const id = toast.id ?? Math.random().toString(36).slice(2);
        if (current.some((t) => t.id === id)) return current;
        const next = [...current, { ...toast, id }];
        const excess = next.length - VISIBLE_TOASTS - WAITING_TOASTS;
        if (excess > 0) next.splice(VISIBLE_TOASTS, excess);
        return next;
      }),
    [],
  );
  const dismiss = useCallback(
    (id: string) => setToasts((current) => current.filter((t) => t.id !== id)),
    [],
  );
  return { toasts, push, dismiss };
}

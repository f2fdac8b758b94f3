import { useEffect, useState } from "react";
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
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} />
      ))}
    </div>
  );
}

function ToastItem({ toast, onDismiss }: { toast: ToastMessage; onDismiss: (id: string) => void }) {
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
          aria-label="Dismiss notification"
        >
          ×
        </button>
      </div>
    </div>
  );
}

/** Holds the toasts shown on this page. */
export function useToasts() {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const push = (toast: Omit<ToastMessage, "id"> & { id?: string }) =>
    setToasts((current) => {
      const id = toast.id ?? Math.random().toString(36).slice(2);
      if (current.some((t) => t.id === id)) return current;
      return [...current.slice(-3), { ...toast, id }];
    });
  const dismiss = (id: string) => setToasts((current) => current.filter((t) => t.id !== id));
  return { toasts, push, dismiss };
}

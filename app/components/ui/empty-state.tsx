import type { ReactNode } from "react";

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="rounded-xl border border-dashed border-stone-300 bg-white/60 px-6 py-12 text-center dark:border-stone-700 dark:bg-stone-900/40">
      <h2 className="text-base font-semibold text-stone-900 dark:text-stone-100">{title}</h2>
      {children ? (
        <div className="mx-auto mt-2 max-w-md text-sm text-stone-600 dark:text-stone-400">
          {children}
        </div>
      ) : null}
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}

import type { ReactNode } from "react";

export interface TimelineEntry {
  id: string | number;
  /** What happened, e.g. "Submitted for review". */
  title: ReactNode;
  /** When, already formatted for the reader. */
  when: string;
  /** Who did it, when known. */
  who?: string | null;
  /** A comment or detail shown under the line. */
  detail?: ReactNode;
}

/** What happened to something, oldest or newest first as given: a story's review, a tier's history. */
export function Timeline({ entries, empty }: { entries: TimelineEntry[]; empty?: ReactNode }) {
  if (!entries.length)
    return empty ? <p className="text-sm text-stone-600 dark:text-stone-400">{empty}</p> : null;
  return (
    <ol className="relative space-y-4 border-l border-stone-200 pl-5 text-sm dark:border-stone-700">
      {entries.map((entry) => (
        <li key={entry.id} className="relative">
          <span
            aria-hidden
            className="absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full border-2 border-white bg-brand-600 dark:border-stone-900"
          />
          <p>
            <span className="font-medium">{entry.title}</span>
            <span className="text-stone-500 dark:text-stone-400">
              {" "}
              · {entry.when}
              {entry.who ? ` · ${entry.who}` : ""}
            </span>
          </p>
          {entry.detail ? (
            <div className="mt-0.5 whitespace-pre-line text-stone-700 dark:text-stone-300">
              {entry.detail}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

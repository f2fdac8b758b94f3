import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/card.tsx";

export interface StoryHistoryEvent {
  id: number;
  label: string;
  comment: string;
  actor: string | null;
  date: string;
}

export interface StoryHistoryVersion {
  version: number;
  date: string;
  /** Who published it, where the page names them. */
  by?: string | null;
}

const headingClass =
  "text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400";

/**
 * A story's history (each step, when and by whom, with its comment) and its
 * published versions, as two cards. `heading` is the level the page's outline needs.
 */
export function StoryHistory({
  events,
  versions,
  heading: Heading = "h2",
  capitalize = false,
}: {
  events: StoryHistoryEvent[];
  versions: StoryHistoryVersion[];
  heading?: "h2" | "h3";
  /** Labels written as raw action names ("changes requested") start with a capital. */
  capitalize?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Card className="p-5">
        <Heading className={headingClass}>{t("stories.history.title")}</Heading>
        <ol className="mt-3 space-y-3 text-sm">
          {events.map((e) => (
            <li key={e.id}>
              <p>
                <span className={capitalize ? "font-medium capitalize" : "font-medium"}>
                  {e.label}
                </span>
                <span className="text-stone-500 dark:text-stone-400">
                  {" "}
                  · {e.date}
                  {e.actor ? ` · ${e.actor}` : ""}
                </span>
              </p>
              {e.comment ? (
                <p className="mt-0.5 whitespace-pre-line text-stone-700 dark:text-stone-300">
                  {e.comment}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </Card>
      {versions.length ? (
        <Card className="p-5">
          <Heading className={headingClass}>{t("stories.history.versions")}</Heading>
          <ul className="mt-3 space-y-1 text-sm">
            {versions.map((v) => (
              <li key={v.version}>
                {t("stories.history.version", { version: v.version })} · {v.date}
                {v.by ? ` · ${v.by}` : ""}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

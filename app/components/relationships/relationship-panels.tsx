import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormats } from "~/i18n/use-formats.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";

const muted = "text-sm text-stone-600 dark:text-stone-400";
const linkClass = "font-medium text-brand-700 underline dark:text-brand-300";

export function Panel(props: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card className="space-y-4 p-5" data-testid={props.testId}>
      <h2 className="text-lg font-semibold">{props.title}</h2>
      {props.children}
    </Card>
  );
}

export function GoalList({ goals, name }: { goals: { id: number; body: string }[]; name: string }) {
  const { t } = useTranslation();
  if (!goals.length) return <p className={muted}>{t("manageRelationship.noGoals", { name })}</p>;
  return (
    <ul className="list-disc space-y-1 pl-5" data-testid="goals">
      {goals.map((g) => (
        <li key={g.id}>{g.body}</li>
      ))}
    </ul>
  );
}

export function ConversationList(props: {
  conversations: { id: number; held_at: string; notes: string; author_name: string | null }[];
}) {
  const { t } = useTranslation();
  const { day } = useFormats();
  if (!props.conversations.length)
    return <p className={muted}>{t("manageRelationship.noConversations")}</p>;
  return (
    <ol className="space-y-3" data-testid="conversations">
      {props.conversations.map((c) => (
        <li key={c.id} className="border-l-2 border-brand-300 pl-3 dark:border-brand-700">
          <p className="text-xs font-medium text-stone-600 dark:text-stone-400">
            <time dateTime={c.held_at}>{day(c.held_at)}</time>
            {c.author_name ? ` · ${c.author_name}` : ""}
          </p>
          <p className="whitespace-pre-line text-sm">{c.notes}</p>
        </li>
      ))}
    </ol>
  );
}

export function NextStepList(props: {
  steps: {
    id: number;
    body: string;
    due_at: string;
    done_at: string | null;
    reminded_at: string | null;
    owner_name: string | null;
  }[];
  now: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { day } = useFormats();
  if (!props.steps.length) return <p className={muted}>{t("manageRelationship.noNextSteps")}</p>;
  return (
    <ul className="divide-y divide-stone-200 dark:divide-stone-800" data-testid="next-steps">
      {props.steps.map((s) => {
        const overdue = !s.done_at && s.due_at < props.now;
        return (
          <li key={s.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
            <div className="min-w-0 flex-1">
              <p className={s.done_at ? "text-sm line-through opacity-70" : "text-sm"}>{s.body}</p>
              <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                {t("manageRelationship.dueOn", { date: day(s.due_at) })}
                {s.owner_name ? ` · ${s.owner_name}` : ""}
                {s.reminded_at && !s.done_at ? ` · ${t("manageRelationship.reminded")}` : ""}
              </p>
            </div>
            <div className="flex items-center gap-2">
              {overdue ? <Badge tone="spot">{t("manageRelationship.overdue")}</Badge> : null}
              {s.done_at ? (
                <Badge tone="neutral">
                  {t("manageRelationship.doneOn", { date: day(s.done_at) })}
                </Badge>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value="done" />
                  <input type="hidden" name="stepId" value={s.id} />
                  <Button type="submit" size="sm" variant="secondary" disabled={props.busy}>
                    {t("manageRelationship.markDone")}
                  </Button>
                </Form>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function SuggestionList(props: {
  suggestions: {
    speaking: {
      id: number;
      title: string;
      eventName: string;
      startsAt: string;
      where: string;
      reason: string;
      online: boolean;
      topics: string[];
      near: string | null;
    }[];
    references: { id: number; topic: string; company: string; waiting: boolean }[];
    earlyAccess: {
      slug: string;
      title: string;
      kind: string;
      kindKey: "release" | "briefing" | "roadmap" | "insider" | "recording";
      reason: string;
      topics: string[];
    }[];
  };
}) {
  const { t } = useTranslation();
  const { day } = useFormats();
  const kinds = {
    release: t("manageEarlyAccess.kind.release"),
    briefing: t("manageEarlyAccess.kind.briefing"),
    roadmap: t("manageEarlyAccess.kind.roadmap"),
    insider: t("manageEarlyAccess.kind.insider"),
    recording: t("manageEarlyAccess.kind.recording"),
  };
  const onTopics = (topics: string[]) =>
    topics.length ? [t("manageRelationship.onTopics", { topics: topics.join(", ") })] : [];
  const { speaking, references, earlyAccess } = props.suggestions;
  const none = !speaking.length && !references.length && !earlyAccess.length;
  if (none) return <p className={muted}>{t("manageRelationship.noSuggestions")}</p>;
  return (
    <div className="grid gap-4 md:grid-cols-3" data-testid="suggestions">
      <section aria-label={t("manageRelationship.speakingSlots")}>
        <h3 className="text-sm font-semibold">{t("manageRelationship.speakingSlots")}</h3>
        <ul className="mt-2 space-y-2 text-sm">
          {speaking.map((o) => (
            <li key={o.id}>
              <Link to={`/speaking/${o.id}`} className={linkClass}>
                {o.title}
              </Link>
              <div className="text-xs text-stone-600 dark:text-stone-400">
                {o.eventName} · {day(o.startsAt)} ·{" "}
                {o.online ? t("manageRelationship.online") : o.where}
                <br />
                {[
                  ...onTopics(o.topics),
                  ...(o.near ? [t("manageRelationship.near", { place: o.near })] : []),
                ].join(" · ")}
              </div>
            </li>
          ))}
          {!speaking.length ? (
            <li className={muted}>{t("manageRelationship.noSpeaking")}</li>
          ) : null}
        </ul>
      </section>
      <section aria-label={t("manageRelationship.referenceRequests")}>
        <h3 className="text-sm font-semibold">{t("manageRelationship.referencesFromIndustry")}</h3>
        <ul className="mt-2 space-y-2 text-sm">
          {references.map((r) => (
            <li key={r.id}>
              <Link to={`/references/${r.id}`} className={linkClass}>
                {r.topic}
              </Link>
              <div className="text-xs text-stone-600 dark:text-stone-400">
                {r.company || t("manageRelationship.aProspect")}
                {" · "}
                {r.waiting
                  ? t("manageRelationship.waitingForRoom")
                  : t("manageRelationship.waitingForAnswer")}
              </div>
            </li>
          ))}
          {!references.length ? (
            <li className={muted}>{t("manageRelationship.noneOpen")}</li>
          ) : null}
        </ul>
      </section>
      <section aria-label={t("manageRelationship.earlyAccess")}>
        <h3 className="text-sm font-semibold">{t("manageRelationship.earlyAccessReadable")}</h3>
        <ul className="mt-2 space-y-2 text-sm">
          {earlyAccess.map((i) => (
            <li key={i.slug}>
              <Link to={`/early-access/${i.slug}`} className={linkClass}>
                {i.title}
              </Link>
              <div className="text-xs text-stone-600 dark:text-stone-400">
                {[kinds[i.kindKey] ?? i.kind, ...onTopics(i.topics)].join(" · ")}
              </div>
            </li>
          ))}
          {!earlyAccess.length ? (
            <li className={muted}>{t("manageRelationship.noEarlyAccess")}</li>
          ) : null}
        </ul>
      </section>
    </div>
  );
}

import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";

const day = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
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
  if (!goals.length)
    return (
      <p className={muted}>
        {name} has not written any goals yet (they keep them in their settings).
      </p>
    );
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
  if (!props.conversations.length) return <p className={muted}>No conversation recorded yet.</p>;
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
  if (!props.steps.length) return <p className={muted}>No next step planned.</p>;
  return (
    <ul className="divide-y divide-stone-200 dark:divide-stone-800" data-testid="next-steps">
      {props.steps.map((s) => {
        const overdue = !s.done_at && s.due_at < props.now;
        return (
          <li key={s.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
            <div className="min-w-0 flex-1">
              <p className={s.done_at ? "text-sm line-through opacity-70" : "text-sm"}>{s.body}</p>
              <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                Due {day(s.due_at)}
                {s.owner_name ? ` · ${s.owner_name}` : ""}
                {s.reminded_at && !s.done_at ? " · reminded" : ""}
              </p>
            </div>
            <div className="flex items-center gap-2">
              {overdue ? <Badge tone="spot">Overdue</Badge> : null}
              {s.done_at ? (
                <Badge tone="neutral">Done {day(s.done_at)}</Badge>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value="done" />
                  <input type="hidden" name="stepId" value={s.id} />
                  <Button type="submit" size="sm" variant="secondary" disabled={props.busy}>
                    Mark done
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
    }[];
    references: { id: number; topic: string; company: string; waiting: boolean }[];
    earlyAccess: { slug: string; title: string; kind: string; reason: string }[];
  };
}) {
  const { speaking, references, earlyAccess } = props.suggestions;
  const none = !speaking.length && !references.length && !earlyAccess.length;
  if (none)
    return (
      <p className={muted}>
        Nothing open matches their goals, expertise, industry or location right now.
      </p>
    );
  return (
    <div className="grid gap-4 md:grid-cols-3" data-testid="suggestions">
      <section aria-label="Speaking slots">
        <h3 className="text-sm font-semibold">Speaking slots</h3>
        <ul className="mt-2 space-y-2 text-sm">
          {speaking.map((o) => (
            <li key={o.id}>
              <Link to={`/speaking/${o.id}`} className={linkClass}>
                {o.title}
              </Link>
              <div className="text-xs text-stone-600 dark:text-stone-400">
                {o.eventName} · {day(o.startsAt)} · {o.where}
                <br />
                {o.reason}
              </div>
            </li>
          ))}
          {!speaking.length ? <li className={muted}>None open on their topics.</li> : null}
        </ul>
      </section>
      <section aria-label="Reference requests">
        <h3 className="text-sm font-semibold">Reference requests from their industry</h3>
        <ul className="mt-2 space-y-2 text-sm">
          {references.map((r) => (
            <li key={r.id}>
              <Link to={`/references/${r.id}`} className={linkClass}>
                {r.topic}
              </Link>
              <div className="text-xs text-stone-600 dark:text-stone-400">
                {r.company || "A prospect"}
                {r.waiting ? " · waiting for room" : " · waiting for an answer"}
              </div>
            </li>
          ))}
          {!references.length ? <li className={muted}>None open.</li> : null}
        </ul>
      </section>
      <section aria-label="Early access">
        <h3 className="text-sm font-semibold">Early access they can read</h3>
        <ul className="mt-2 space-y-2 text-sm">
          {earlyAccess.map((i) => (
            <li key={i.slug}>
              <Link to={`/early-access/${i.slug}`} className={linkClass}>
                {i.title}
              </Link>
              <div className="text-xs text-stone-600 dark:text-stone-400">
                {i.kind} · {i.reason}
              </div>
            </li>
          ))}
          {!earlyAccess.length ? <li className={muted}>Nothing on their topics.</li> : null}
        </ul>
      </section>
    </div>
  );
}

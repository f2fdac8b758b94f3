import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Container } from "~/components/app-shell.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import type { ItemView, Teaser } from "~/modules/early-access/reader.server.ts";
import { formatDate } from "./format.ts";

type ReadView = Extract<ItemView, { state: "read" }>;
type NdaView = Extract<ItemView, { state: "nda" }>;

export function BackToEarlyAccess() {
  return (
    <p className="text-sm">
      <Link to="/early-access" className="font-medium text-brand-700 underline dark:text-brand-300">
        ← Early access
      </Link>
    </p>
  );
}

/** What someone who may not read an item yet sees of it: kind, teaser line, when it unlocks. */
export function TeaserPanel({ teaser, children }: { teaser: Teaser; children?: ReactNode }) {
  return (
    <Card className="p-6 sm:p-8" data-testid="early-access-teaser">
      <div className="flex flex-wrap items-center gap-2">
        <Badge>{teaser.kindLabel}</Badge>
        <Badge tone="spot">Early access</Badge>
      </div>
      <p className="mt-4 text-lg font-medium">{teaser.teaser}</p>
      <p className="mt-2 font-medium text-amber-800 dark:text-amber-300">{teaser.hint}</p>
      {children}
    </Card>
  );
}

/** The NDA terms of the reader's tier, to acknowledge once before NDA items open. */
export function NdaAcknowledgement({
  view,
  busy,
}: {
  view: SerializeFrom<NdaView>;
  busy: boolean;
}) {
  return (
    <Container className="max-w-3xl">
      <BackToEarlyAccess />
      <h1 className="mt-4 text-2xl font-bold tracking-tight sm:text-3xl">
        Before you read: {view.terms.tierName} terms
      </h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">
        This item is shared under a non-disclosure agreement. Read the terms for your tier once and
        acknowledge them; we record the date. Then it opens, along with every other NDA item your
        tier can read.
      </p>
      <div className="mt-6">
        <TeaserPanel teaser={view.teaser} />
      </div>
      <Card className="mt-6 p-6 sm:p-8">
        <h2 className="text-lg font-semibold">
          {view.terms.tierName} non-disclosure terms{" "}
          <span className="text-sm font-normal text-stone-500">(version {view.terms.version})</span>
        </h2>
        <div className="prose-ll mt-3" dangerouslySetInnerHTML={{ __html: view.terms.html }} />
        <Form method="post" className="mt-6">
          <input type="hidden" name="intent" value="acknowledge" />
          <Button type="submit" disabled={busy}>
            I have read and accept these terms
          </Button>
        </Form>
      </Card>
    </Container>
  );
}

/** An early-access item, in full, for someone who may read it. */
export function EarlyAccessArticle({ item }: { item: SerializeFrom<ReadView>["item"] }) {
  return (
    <Container className="max-w-3xl">
      <BackToEarlyAccess />
      <article className="mt-4">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="brand">{item.kindLabel}</Badge>
          {item.isPublic ? (
            <Badge tone="info">Public</Badge>
          ) : (
            <Badge tone="spot">Early access</Badge>
          )}
          {item.underNda ? <Badge tone="danger">Under NDA — do not share</Badge> : null}
        </div>
        <h1 className="mt-3 text-3xl font-bold tracking-tight">{item.title}</h1>
        {item.summary ? (
          <p className="mt-3 text-lg text-stone-700 dark:text-stone-300">{item.summary}</p>
        ) : null}
        {item.publishedAt ? (
          <p className="mt-2 text-sm text-stone-500 dark:text-stone-400">
            Published {formatDate(item.publishedAt)}
          </p>
        ) : null}
        {item.downloadUrl || item.recordingUrl ? (
          <div className="mt-5 flex flex-wrap gap-3">
            {item.downloadUrl ? (
              <a
                href={item.downloadUrl}
                rel="noopener noreferrer"
                target="_blank"
                className={buttonClass("primary", "sm")}
              >
                Download
              </a>
            ) : null}
            {item.recordingUrl ? (
              <a
                href={item.recordingUrl}
                rel="noopener noreferrer"
                target="_blank"
                className={buttonClass("secondary", "sm")}
              >
                Watch the recording
              </a>
            ) : null}
          </div>
        ) : null}
        <Card className="mt-6 p-6 sm:p-8">
          {item.bodyHtml ? (
            <div className="prose-ll" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
          ) : (
            <p className="text-stone-600 dark:text-stone-400">This item has no write-up.</p>
          )}
        </Card>
        <Card className="mt-6 p-5">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
            Release cascade
          </h2>
          <ul className="mt-3 space-y-1 text-sm">
            {item.cascade.map((step) => (
              <li key={step.tierName}>
                <span className="font-medium">{step.tierName}</span> from {formatDate(step.opensAt)}
              </li>
            ))}
            <li>
              <span className="font-medium">Everyone</span>{" "}
              {item.publicAt ? `from ${formatDate(item.publicAt)}` : "— not planned to be public"}
            </li>
          </ul>
        </Card>
      </article>
    </Container>
  );
}

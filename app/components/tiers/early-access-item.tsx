import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Container } from "~/components/app-shell.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import type { ItemView, Teaser } from "~/modules/early-access/reader.server.ts";
import { useTranslation } from "react-i18next";
import { useDate, useKindLabel } from "./early-access-labels.ts";
import { rich, slot } from "~/components/reputation/rich.tsx";

type ReadView = Extract<ItemView, { state: "read" }>;
type NdaView = Extract<ItemView, { state: "nda" }>;

export function BackToEarlyAccess() {
  const { t } = useTranslation();
  return (
    <p className="text-sm">
      <Link to="/early-access" className="font-medium text-brand-700 underline dark:text-brand-300">
        {t("earlyAccess.back")}
      </Link>
    </p>
  );
}

/** What someone who may not read an item yet sees of it: kind, teaser line, when it unlocks. */
export function TeaserPanel({ teaser, children }: { teaser: Teaser; children?: ReactNode }) {
  const { t } = useTranslation();
  const kind = useKindLabel();
  return (
    <Card className="p-6 sm:p-8" data-testid="early-access-teaser">
      <div className="flex flex-wrap items-center gap-2">
        <Badge>{kind(teaser.kindLabel)}</Badge>
        <Badge tone="spot">{t("earlyAccess.earlyAccess")}</Badge>
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
  const { t } = useTranslation();
  return (
    <Container className="max-w-3xl">
      <BackToEarlyAccess />
      <h1 className="mt-4 text-2xl font-bold tracking-tight sm:text-3xl">
        {t("earlyAccess.beforeYouRead", { tier: view.terms.tierName })}
      </h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">{t("earlyAccess.ndaIntro")}</p>
      <div className="mt-6">
        <TeaserPanel teaser={view.teaser} />
      </div>
      <Card className="mt-6 p-6 sm:p-8">
        <h2 className="text-lg font-semibold">
          {t("earlyAccess.ndaTerms", { tier: view.terms.tierName })}{" "}
          <span className="text-sm font-normal text-stone-500">
            {t("earlyAccess.version", { version: view.terms.version })}
          </span>
        </h2>
        <div className="prose-ll mt-3" dangerouslySetInnerHTML={{ __html: view.terms.html }} />
        <Form method="post" className="mt-6">
          <input type="hidden" name="intent" value="acknowledge" />
          <Button type="submit" disabled={busy}>
            {t("earlyAccess.accept")}
          </Button>
        </Form>
      </Card>
    </Container>
  );
}

/** An early-access item, in full, for someone who may read it. */
export function EarlyAccessArticle({ item }: { item: SerializeFrom<ReadView>["item"] }) {
  const { t } = useTranslation();
  const kind = useKindLabel();
  const formatDate = useDate();
  return (
    <Container className="max-w-3xl">
      <BackToEarlyAccess />
      <article className="mt-4">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="brand">{kind(item.kindLabel)}</Badge>
          {item.isPublic ? (
            <Badge tone="info">{t("earlyAccess.public")}</Badge>
          ) : (
            <Badge tone="spot">{t("earlyAccess.earlyAccess")}</Badge>
          )}
          {item.underNda ? (
            <Badge tone="danger">{t("earlyAccess.underNdaDoNotShare")}</Badge>
          ) : null}
        </div>
        <h1 className="mt-3 text-3xl font-bold tracking-tight">{item.title}</h1>
        {item.summary ? (
          <p className="mt-3 text-lg text-stone-700 dark:text-stone-300">{item.summary}</p>
        ) : null}
        {item.publishedAt ? (
          <p className="mt-2 text-sm text-stone-500 dark:text-stone-400">
            {t("earlyAccess.published", { date: formatDate(item.publishedAt) })}
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
                {t("earlyAccess.download")}
              </a>
            ) : null}
            {item.recordingUrl ? (
              <a
                href={item.recordingUrl}
                rel="noopener noreferrer"
                target="_blank"
                className={buttonClass("secondary", "sm")}
              >
                {t("earlyAccess.watch")}
              </a>
            ) : null}
          </div>
        ) : null}
        <Card className="mt-6 p-6 sm:p-8">
          {item.bodyHtml ? (
            <div className="prose-ll" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
          ) : (
            <p className="text-stone-600 dark:text-stone-400">{t("earlyAccess.noWriteUp")}</p>
          )}
        </Card>
        <Card className="mt-6 p-5">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
            {t("earlyAccess.cascade")}
          </h2>
          <ul className="mt-3 space-y-1 text-sm">
            {item.cascade.map((step) => (
              <li key={step.tierName}>
                {rich(
                  t("earlyAccess.tierFrom", { tier: slot("tier"), date: formatDate(step.opensAt) }),
                  {
                    tier: <span className="font-medium">{step.tierName}</span>,
                  },
                )}
              </li>
            ))}
            <li>
              {item.publicAt
                ? rich(
                    t("earlyAccess.tierFrom", {
                      tier: slot("tier"),
                      date: formatDate(item.publicAt),
                    }),
                    { tier: <span className="font-medium">{t("earlyAccess.everyone")}</span> },
                  )
                : rich(t("earlyAccess.neverPublic", { tier: slot("tier") }), {
                    tier: <span className="font-medium">{t("earlyAccess.everyone")}</span>,
                  })}
            </li>
          </ul>
        </Card>
      </article>
    </Container>
  );
}

import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { useTranslation } from "react-i18next";
import { useDate, useKindLabel } from "./early-access-labels.ts";

export interface ReadableCardData {
  access: "read";
  id: number;
  slug: string;
  kindLabel: string;
  title: string;
  summary: string;
  publishedAt: string | null;
  requiresNda: boolean;
  underNda: boolean;
  isPublic: boolean;
}

export interface NdaCardData {
  access: "nda";
  id: number;
  slug: string;
  kindLabel: string;
  teaser: string;
  hint: string;
}

export interface TeaserData {
  access: "teaser";
  id: number;
  kindLabel: string;
  teaser: string;
  hint: string;
  availableAt: string | null;
}

function LockIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className="h-4 w-4" fill="currentColor">
      <path d="M6 8V6a4 4 0 1 1 8 0v2h1a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1h1zm2 0h4V6a2 2 0 1 0-4 0v2z" />
    </svg>
  );
}

/** An item this person may open. */
export function ReadableItemCard({ item }: { item: ReadableCardData }) {
  const { t } = useTranslation();
  const kind = useKindLabel();
  const formatDate = useDate();
  return (
    <Card className="flex h-full flex-col p-5 transition-shadow hover:shadow-md">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="brand">{kind(item.kindLabel)}</Badge>
        {item.isPublic ? (
          <Badge tone="info">{t("earlyAccess.public")}</Badge>
        ) : (
          <Badge tone="spot">{t("earlyAccess.earlyAccess")}</Badge>
        )}
        {item.underNda ? <Badge tone="danger">{t("earlyAccess.underNda")}</Badge> : null}
      </div>
      <h2 className="mt-3 text-lg font-semibold">
        <Link to={`/early-access/${item.slug}`} className="hover:underline">
          {item.title}
        </Link>
      </h2>
      {item.summary ? (
        <p className="mt-2 line-clamp-3 text-sm text-stone-700 dark:text-stone-300">
          {item.summary}
        </p>
      ) : null}
      {item.publishedAt ? (
        <p className="mt-auto pt-4 text-xs text-stone-500 dark:text-stone-400">
          {t("earlyAccess.published", { date: formatDate(item.publishedAt) })}
        </p>
      ) : null}
    </Card>
  );
}

/** An item this person may know about but not read yet: the teaser fields only. */
export function TeaserCard({ teaser }: { teaser: TeaserData }) {
  const { t } = useTranslation();
  const kind = useKindLabel();
  return (
    <Card
      className="flex h-full flex-col border-dashed bg-stone-50 p-5 dark:bg-stone-900/60"
      data-testid="early-access-teaser"
    >
      <div className="flex flex-wrap items-center gap-2">
        <Badge>{kind(teaser.kindLabel)}</Badge>
        <span className="inline-flex items-center gap-1 text-xs font-medium text-stone-600 dark:text-stone-400">
          <LockIcon /> {t("earlyAccess.locked")}
        </span>
      </div>
      <p className="mt-3 font-medium text-stone-800 dark:text-stone-200">{teaser.teaser}</p>
      <p className="mt-auto pt-4 text-sm font-medium text-amber-800 dark:text-amber-300">
        {teaser.hint}
      </p>
    </Card>
  );
}

/** An item open to this person once they acknowledge their tier's NDA terms. */
export function NdaItemCard({ item }: { item: NdaCardData }) {
  const { t } = useTranslation();
  const kind = useKindLabel();
  return (
    <Card className="flex h-full flex-col p-5 transition-shadow hover:shadow-md">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="brand">{kind(item.kindLabel)}</Badge>
        <Badge tone="danger">{t("earlyAccess.underNda")}</Badge>
      </div>
      <p className="mt-3 text-lg font-semibold">
        <Link to={`/early-access/${item.slug}`} className="hover:underline">
          {item.teaser}
        </Link>
      </p>
      <p className="mt-auto pt-4 text-sm text-stone-600 dark:text-stone-400">{item.hint}</p>
    </Card>
  );
}

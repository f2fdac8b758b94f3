import { Form } from "@remix-run/react";
import { useState } from "react";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { useTranslation } from "react-i18next";
import { useFormats } from "~/i18n/use-formats.ts";

export interface OwnCredential {
  id: string;
  name: string;
  kind: string;
  isPublic: boolean;
  issuedAt: string;
  validUntil: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
  url: string;
  linkedIn: string;
}

/** One of the advocate's credentials: downloads, the verification link, LinkedIn, re-issue. */
export function CredentialItem({
  credential: c,
  busy,
}: {
  credential: OwnCredential;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const day = formats.longDay;
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(c.url);
      setCopied(true);
    } catch {
      window.prompt(t("credentials.copyPrompt"), c.url);
    }
  };
  return (
    <li className="space-y-3 py-4" data-testid="credential">
      <div className="flex flex-wrap items-center gap-2">
        <a href={c.url} className="font-medium underline">
          {c.name}
        </a>
        {c.revokedAt ? <Badge tone="danger">{t("credentials.revokedBadge")}</Badge> : null}
        {!c.revokedAt && !c.isPublic ? <Badge>{t("credentials.private")}</Badge> : null}
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {t("credentials.issuedOn", { issued: day(c.issuedAt) })}
        {c.validUntil
          ? ` · ${t("credentials.validUntilLower", { until: day(c.validUntil) })}`
          : null}
        {c.revokedAt
          ? ` · ${t("credentials.revokedOn", {
              on: day(c.revokedAt),
              reason: c.revokedReason ?? t("credentials.check.noReason"),
            })}`
          : null}
      </p>
      {c.revokedAt ? null : (
        <div className="flex flex-wrap gap-2">
          <a className={buttonClass("secondary", "sm")} href={`/credentials/${c.id}.jwt`} download>
            {t("credentials.downloadJwt")}
          </a>
          <a className={buttonClass("secondary", "sm")} href={`/credentials/${c.id}.json`} download>
            {t("credentials.downloadJson")}
          </a>
          <Button type="button" variant="secondary" size="sm" onClick={() => void copy()}>
            {copied ? t("credentials.linkCopied") : t("credentials.copyLink")}
          </Button>
          {c.isPublic ? (
            <a
              className={buttonClass("primary", "sm")}
              href={c.linkedIn}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t("credentials.addToLinkedIn")}
            </a>
          ) : null}
          {confirming ? (
            <Form method="post" className="flex flex-wrap items-center gap-2">
              <input type="hidden" name="intent" value="reissue" />
              <input type="hidden" name="id" value={c.id} />
              <span className="text-sm">{t("credentials.reissueWarning")}</span>
              <Button type="submit" variant="danger" size="sm" disabled={busy}>
                {t("credentials.reissueNow")}
              </Button>
              <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)}>
                {t("credentials.cancel")}
              </Button>
            </Form>
          ) : (
            <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(true)}>
              {t("credentials.reissue")}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

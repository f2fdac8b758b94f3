import { Form } from "@remix-run/react";
import { useState } from "react";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { formatLongDay } from "~/utils/format.ts";

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
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(c.url);
      setCopied(true);
    } catch {
      window.prompt("Copy the verification link:", c.url);
    }
  };
  return (
    <li className="space-y-3 py-4" data-testid="credential">
      <div className="flex flex-wrap items-center gap-2">
        <a href={c.url} className="font-medium underline">
          {c.name}
        </a>
        {c.revokedAt ? <Badge tone="danger">Revoked</Badge> : null}
        {!c.revokedAt && !c.isPublic ? <Badge>Private</Badge> : null}
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Issued {formatLongDay(c.issuedAt)}
        {c.validUntil ? ` · valid until ${formatLongDay(c.validUntil)}` : null}
        {c.revokedAt
          ? ` · revoked on ${formatLongDay(c.revokedAt)}, reason: ${c.revokedReason ?? "not given"}`
          : null}
      </p>
      {c.revokedAt ? null : (
        <div className="flex flex-wrap gap-2">
          <a className={buttonClass("secondary", "sm")} href={`/credentials/${c.id}.jwt`} download>
            Download JWT
          </a>
          <a className={buttonClass("secondary", "sm")} href={`/credentials/${c.id}.json`} download>
            Download JSON
          </a>
          <Button type="button" variant="secondary" size="sm" onClick={() => void copy()}>
            {copied ? "Link copied" : "Copy verification link"}
          </Button>
          {c.isPublic ? (
            <a
              className={buttonClass("primary", "sm")}
              href={c.linkedIn}
              target="_blank"
              rel="noopener noreferrer"
            >
              Add to LinkedIn profile
            </a>
          ) : null}
          {confirming ? (
            <Form method="post" className="flex flex-wrap items-center gap-2">
              <input type="hidden" name="intent" value="reissue" />
              <input type="hidden" name="id" value={c.id} />
              <span className="text-sm">The current copy will show as replaced.</span>
              <Button type="submit" variant="danger" size="sm" disabled={busy}>
                Re-issue now
              </Button>
              <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </Form>
          ) : (
            <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(true)}>
              Re-issue…
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

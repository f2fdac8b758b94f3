import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";

export const BULK_FORM_ID = "bulk-invite";

/**
 * The bar above the promoters table: the selected rows (their checkboxes
 * belong to this form) or every promoter not invited yet, previewed first.
 */
export function BulkInviteBar({ notInvited, busy }: { notInvited: number; busy: boolean }) {
  return (
    <Form
      id={BULK_FORM_ID}
      method="post"
      className="flex flex-wrap items-center gap-2"
      aria-label="Invite many promoters"
    >
      <input type="hidden" name="intent" value="preview" />
      <Button type="submit" size="sm" variant="secondary" disabled={busy}>
        Preview invitation to the selected
      </Button>
      <Button
        type="submit"
        size="sm"
        variant="secondary"
        name="all"
        value="1"
        disabled={busy || notInvited === 0}
      >
        Preview for all not yet invited ({notInvited})
      </Button>
    </Form>
  );
}

/** The message as the promoters will read it, and the button that sends it to each of them. */
export function InvitationPreview({
  preview,
  busy,
}: {
  preview: { subject: string; html: string; emails: string[]; all: boolean };
  busy: boolean;
}) {
  const n = preview.emails.length;
  return (
    <Card className="space-y-3 p-5" data-testid="invitation-preview">
      <div>
        <h2 className="font-semibold">
          Preview: invitation to {n} promoter{n === 1 ? "" : "s"}
        </h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Subject: <span className="font-medium">{preview.subject}</span>. Each person gets their
          own link. To: {preview.emails.slice(0, 5).join(", ")}
          {n > 5 ? ` and ${n - 5} more` : ""}.
        </p>
      </div>
      <iframe
        title="The invitation as it will be read"
        srcDoc={preview.html}
        sandbox=""
        className="h-96 w-full rounded-lg border border-stone-200 bg-white dark:border-stone-800"
      />
      <Form method="post" className="flex flex-wrap gap-2">
        <input type="hidden" name="intent" value="inviteMany" />
        {preview.all ? (
          <input type="hidden" name="all" value="1" />
        ) : (
          preview.emails.map((e) => <input key={e} type="hidden" name="email" value={e} />)
        )}
        <Button type="submit" disabled={busy}>
          Send {n} invitation{n === 1 ? "" : "s"}
        </Button>
      </Form>
    </Card>
  );
}

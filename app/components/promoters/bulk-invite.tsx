import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { around, SLOT } from "~/components/admin/locale.ts";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";

export const BULK_FORM_ID = "bulk-invite";

/**
 * The bar above the promoters table: the selected rows (their checkboxes
 * belong to this form) or every promoter not invited yet, previewed first.
 */
export function BulkInviteBar({ notInvited, busy }: { notInvited: number; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Form
      id={BULK_FORM_ID}
      method="post"
      className="flex flex-wrap items-center gap-2"
      aria-label={t("promoters.bulkLabel")}
    >
      <input type="hidden" name="intent" value="preview" />
      <Button type="submit" size="sm" variant="secondary" disabled={busy}>
        {t("promoters.previewSelected")}
      </Button>
      <Button
        type="submit"
        size="sm"
        variant="secondary"
        name="all"
        value="1"
        disabled={busy || notInvited === 0}
      >
        {t("promoters.previewAll", { total: notInvited })}
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
  const { t } = useTranslation();
  const list = preview.emails.slice(0, 5).join(", ");
  const [before, after] = around(
    t("promoters.previewLine", {
      subject: SLOT,
      to: n > 5 ? t("promoters.andMore", { list, more: n - 5 }) : list,
    }),
  );
  return (
    <Card className="space-y-3 p-5" data-testid="invitation-preview">
      <div>
        <h2 className="font-semibold">{t("promoters.previewTitle", { count: n })}</h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {before}
          <span className="font-medium">{preview.subject}</span>
          {after}
        </p>
      </div>
      <iframe
        title={t("promoters.previewFrame")}
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
          {t("promoters.sendN", { count: n })}
        </Button>
      </Form>
    </Card>
  );
}

import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/card.tsx";
import { useFormats } from "~/i18n/use-formats.ts";

/** After one invitation: it went out by email; the link is shown once, for a manager who would rather send it too. */
export function InvitationSent({
  invited,
}: {
  invited: { email: string; link: string; expiresAt: string | Date };
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <Card className="border-brand-300 p-5 dark:border-brand-800" role="status">
      <h2 className="font-semibold">{t("promoters.sentTo", { email: invited.email })}</h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        {t("promoters.sentBody", { date: formats.day(invited.expiresAt) })}
      </p>
      <label className="mt-3 block text-sm font-medium" htmlFor="invite-link">
        {t("promoters.linkLabel")}
      </label>
      <input
        id="invite-link"
        readOnly
        value={invited.link}
        className="mt-1 w-full rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm dark:border-stone-700 dark:bg-stone-950"
        data-testid="invitation-link"
      />
    </Card>
  );
}

import { Form, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { InSentence, SLOT } from "~/components/auth/in-sentence.tsx";
import { Button } from "~/components/ui/button.tsx";

/**
 * For someone whose address is not confirmed yet: they can read everything
 * they could before, and this says why posting, voting and asking for a
 * conversation wait, with the one action that helps.
 */
export function VerifyEmailBanner({ email }: { email: string }) {
  const location = useLocation();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formAction === "/verify-email";
  return (
    <div
      role="region"
      aria-label={t("auth.verify.bannerLabel")}
      data-testid="verify-email-banner"
      className="border-b border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          <strong>{t("auth.verify.bannerTitle")}</strong>{" "}
          <InSentence text={t("auth.verify.bannerBody", { email: SLOT })}>
            <span className="break-all font-medium">{email}</span>
          </InSentence>
        </p>
        <Form method="post" action="/verify-email" className="shrink-0">
          <input type="hidden" name="back" value={`${location.pathname}${location.search}`} />
          <Button type="submit" variant="secondary" size="sm" disabled={busy}>
            {busy ? t("ui.sending") : t("auth.verify.sendAgain")}
          </Button>
        </Form>
      </div>
    </div>
  );
}

import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";

/**
 * The single sign-on button: a plain link (the browser itself goes on to the
 * identity provider), with a divider before the password form when there is one.
 */
export function ProviderSignIn({
  label,
  redirectTo,
  divider = true,
}: {
  label: string;
  redirectTo: string;
  divider?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="space-y-5">
      <a
        href={`/auth/oidc/start?${new URLSearchParams({ redirectTo })}`}
        className={buttonClass("secondary", "md", "w-full")}
        data-testid="sso-button"
      >
        {label}
      </a>
      {divider ? (
        <p className="flex items-center gap-3 text-xs uppercase tracking-wide text-stone-500 dark:text-stone-400">
          <span className="h-px flex-1 bg-stone-200 dark:bg-stone-700" aria-hidden />
          {t("auth.sso.orPassword")}
          <span className="h-px flex-1 bg-stone-200 dark:bg-stone-700" aria-hidden />
        </p>
      ) : null}
    </div>
  );
}

/** Why a single sign-on attempt stopped, as the callback reported it. */
export function ProviderSignInError({ message }: { message: string | null }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Callout tone="danger" title={t("auth.sso.notSignedIn")} data-testid="sso-error">
      {message}
    </Callout>
  );
}

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";

/** A secret or token that is shown this one time, with a copy button. */
export function SecretOnce({
  title,
  value,
  children,
}: {
  title: string;
  value: string;
  children?: React.ReactNode;
}) {
  const [copied, setCopied] = useState(false);
  const { t } = useTranslation();
  return (
    <Callout tone="success" title={title} data-testid="secret-once">
      <p>{t("integrations.copyNow")}</p>
      {children}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code className="block min-w-0 break-all rounded-lg border border-emerald-300 bg-white px-3 py-2 font-mono text-xs text-stone-900 dark:border-emerald-800 dark:bg-stone-950 dark:text-stone-100">
          {value}
        </code>
        <Button
          variant="secondary"
          size="sm"
          className="shrink-0"
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true));
          }}
        >
          {copied ? t("integrations.copied") : t("integrations.copy")}
        </Button>
      </div>
    </Callout>
  );
}

/** A submit button that asks first, for actions that cannot be undone. */
export function ConfirmSubmit({
  question,
  children,
  intent,
  variant = "danger",
}: {
  question: string;
  children: React.ReactNode;
  intent: string;
  variant?: "danger" | "secondary";
}) {
  return (
    <Button
      type="submit"
      name="intent"
      value={intent}
      variant={variant}
      size="sm"
      onClick={(e) => {
        if (!confirm(question)) e.preventDefault();
      }}
    >
      {children}
    </Button>
  );
}

import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/card.tsx";

interface Check {
  ok: boolean;
  detail: string;
}

/** The four checks of a credential (signature, issuer, dates, status) and the verdict. */
export function CredentialChecks({
  verification,
}: {
  verification: { verifies: boolean; signature: Check; issuer: Check; dates: Check; status: Check };
}) {
  const { t } = useTranslation();
  const rows: [string, Check][] = [
    [t("credentials.signature"), verification.signature],
    [t("credentials.issuer"), verification.issuer],
    [t("credentials.dates"), verification.dates],
    [t("credentials.status"), verification.status],
  ];
  return (
    <Card className="p-6" data-testid="credential-checks">
      <p
        role="status"
        className={`text-lg font-semibold ${
          verification.verifies
            ? "text-emerald-700 dark:text-emerald-400"
            : "text-red-700 dark:text-red-400"
        }`}
      >
        {verification.verifies ? t("credentials.verifies") : t("credentials.doesNotVerify")}
      </p>
      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[8rem_1fr]">
        {rows.map(([label, check]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd className={check.ok ? "" : "text-red-700 dark:text-red-400"}>
              <span aria-hidden="true">{check.ok ? "✓ " : "✗ "}</span>
              <span className="sr-only">
                {check.ok ? t("credentials.passes") : t("credentials.fails")}{" "}
              </span>
              {check.detail}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

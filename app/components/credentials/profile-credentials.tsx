import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/card.tsx";
import { useTranslation } from "react-i18next";
import { useFormats } from "~/i18n/use-formats.ts";

type PublicCredential = { id: string; name: string; issued_at: string; valid_until: string | null };

/** The advocate's public credentials, each linking to its verification page. */
export function ProfileCredentials({
  credentials,
  isOwner,
}: {
  credentials: PublicCredential[];
  isOwner: boolean;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  if (credentials.length === 0) return null;
  return (
    <Card className="p-6" data-testid="profile-credentials">
      <div className="flex items-center justify-between gap-4">
        <h2 className="text-lg font-semibold">{t("credentials.profileHeading")}</h2>
        {isOwner ? (
          <Link
            to="/settings/credentials"
            className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
          >
            {t("credentials.manage")}
          </Link>
        ) : null}
      </div>
      <ul className="mt-3 space-y-2">
        {credentials.map((c) => (
          <li key={c.id}>
            <Link to={`/credentials/${c.id}`} className="font-medium underline">
              {c.name}
            </Link>
            <span className="text-sm text-stone-600 dark:text-stone-400">
              {" "}
              ·{" "}
              {c.valid_until
                ? t("credentials.issuedValidUntil", {
                    issued: formats.longDay(c.issued_at),
                    until: formats.longDay(c.valid_until),
                  })
                : t("credentials.issued", { issued: formats.longDay(c.issued_at) })}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, useFormatTag } from "~/components/admin/locale.ts";
import { auditSentence, type DescribedEntry } from "~/modules/audit/sentences.ts";
import { auditSentenceIn } from "./sentence-in.ts";

const linkClass = "font-medium text-brand-700 underline dark:text-brand-300";

/** One audit entry: the sentence with its links, the reason given, and when. */
export function AuditEntry({
  entry,
}: {
  entry: DescribedEntry & { id: number; reason: string | null; created_at: string };
}) {
  const { t, i18n } = useTranslation();
  const tag = useFormatTag();
  // English reads exactly as the export does; other languages place the names as they need.
  const parts = i18n.language === "en" ? auditSentence(entry) : auditSentenceIn(entry, t);
  return (
    <li className="flex flex-col gap-1 px-5 py-3 text-sm sm:flex-row sm:items-start sm:justify-between sm:gap-6">
      <div className="min-w-0 break-words" data-testid="audit-entry">
        <p>
          {parts.map((part, i) =>
            part.href ? (
              <Link key={i} to={part.href} className={linkClass}>
                {part.text}
              </Link>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
          {t("auditSentence.end")}
        </p>
        {entry.reason ? (
          <p className="mt-0.5 text-stone-600 dark:text-stone-400">“{entry.reason}”</p>
        ) : null}
      </div>
      <time
        className="shrink-0 whitespace-nowrap text-stone-600 dark:text-stone-400"
        dateTime={new Date(entry.created_at).toISOString()}
      >
        {t("audit.when", {
          when: formatDateTime(tag, entry.created_at, {
            dateStyle: "medium",
            timeStyle: "short",
            timeZone: "UTC",
          }),
        })}
      </time>
    </li>
  );
}

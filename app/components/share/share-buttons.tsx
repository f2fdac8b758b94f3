import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { shareIntents } from "~/modules/share/intents.ts";

/** Share on LinkedIn, X or by email, with a sentence the reader can edit first. */
export function ShareButtons({
  url,
  text,
  heading,
}: {
  url: string;
  text: string;
  heading?: string;
}) {
  const id = useId();
  const { t } = useTranslation();
  const [sentence, setSentence] = useState(text);
  const links = shareIntents(url, sentence || text);
  const linkProps = { target: "_blank", rel: "noopener noreferrer" } as const;
  return (
    <Card className="mt-8 p-4 sm:p-5" data-testid="share-buttons">
      <h2 className="text-base font-semibold">{heading ?? t("share.heading")}</h2>
      <label htmlFor={id} className="mt-2 block text-sm text-stone-600 dark:text-stone-400">
        {t("share.edit")}
      </label>
      <textarea
        id={id}
        value={sentence}
        onChange={(event) => setSentence(event.target.value)}
        rows={2}
        maxLength={250}
        className="mt-1 w-full rounded-lg border border-stone-300 bg-white p-2 text-sm dark:border-stone-700 dark:bg-stone-900"
      />
      <div className="mt-3 flex flex-wrap gap-2">
        <a href={links.linkedin} {...linkProps} className={buttonClass("secondary", "sm")}>
          {t("share.linkedin")}
        </a>
        <a href={links.x} {...linkProps} className={buttonClass("secondary", "sm")}>
          {t("share.x")}
        </a>
        <a href={links.email} className={buttonClass("secondary", "sm")}>
          {t("share.email")}
        </a>
      </div>
    </Card>
  );
}

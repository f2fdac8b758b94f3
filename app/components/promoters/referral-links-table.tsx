import { useTranslation } from "react-i18next";
export interface ReferralLinkView {
  kind: "profile" | "story" | "talk";
  id: number | null;
  title: string;
  url: string | null;
  clicks: number;
  conversions: number;
}

/** An advocate's links, one row per page they can share, with what each brought. */
export function ReferralLinksTable({ links }: { links: ReferralLinkView[] }) {
  const { t } = useTranslation();
  const KIND_LABELS = {
    profile: t("promoterWidgets.kinds.profile"),
    story: t("promoterWidgets.kinds.story"),
    talk: t("promoterWidgets.kinds.talk"),
  };
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("promoterWidgets.linksCaption")}</caption>
        <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-400">
          <tr>
            <th scope="col" className="py-2 pr-3">
              {t("promoterWidgets.colPage")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("promoterWidgets.colShare")}
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              {t("manageReferrals.clicks")}
            </th>
            <th scope="col" className="py-2 text-right">
              {t("manageReferrals.conversions")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
          {links.map((l) => (
            <tr key={`${l.kind}-${l.id ?? 0}`} data-testid={`link-${l.kind}-${l.id ?? "me"}`}>
              <td className="py-2 pr-3 align-top">
                <span className="mr-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs dark:bg-stone-800">
                  {KIND_LABELS[l.kind]}
                </span>
                {l.title}
              </td>
              <td className="py-2 pr-3 align-top">
                {l.url ? (
                  <input
                    readOnly
                    value={l.url}
                    aria-label={t("promoterWidgets.linkTo", { title: l.title })}
                    onFocus={(e) => e.currentTarget.select()}
                    className="w-full min-w-48 rounded border border-stone-300 bg-stone-50 px-2 py-1 font-mono text-xs dark:border-stone-700 dark:bg-stone-900"
                  />
                ) : null}
              </td>
              <td className="py-2 pr-3 text-right align-top tabular-nums">{l.clicks}</td>
              <td className="py-2 text-right align-top tabular-nums">{l.conversions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

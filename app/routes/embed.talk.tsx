import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nFor } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { EmbedTalkButton } from "~/components/share/embed-talk-button.tsx";
import { embedRefusal, embedResponse } from "~/modules/share/embeds.server.ts";

/** Matches the profile's industry field, so the directory filter can find it. */
const MAX_INDUSTRY = 60;

/**
 * "Talk to a customer like you" for other websites. `?industry=` pre-fills
 * the directory's filter; `?open=tab` opens a new tab instead of leaving the page.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = new URL(request.url).searchParams;
  const i18n = i18nFor(await localeOf(request, context));
  const industry = (query.get("industry") ?? "").trim();
  if (industry.length > MAX_INDUSTRY)
    return embedRefusal(400, i18n.t("embed.industryTooLong", { max: MAX_INDUSTRY }));
  const target = new URL("/advocates", context.env.PUBLIC_URL);
  target.searchParams.set("openTo", "open_to_references");
  if (industry) target.searchParams.set("industry", industry);
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <EmbedTalkButton href={target.href} newTab={query.get("open") === "tab"} />
    </I18nextProvider>,
  );
  return embedResponse(context.db, html);
}

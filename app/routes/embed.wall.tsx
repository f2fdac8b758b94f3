import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nFor } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { EmbedWallPage } from "~/components/share/embed-wall.tsx";
import { embedRefusal, embedResponse } from "~/modules/share/embeds.server.ts";
import { loadEmbedWall, wallIndustry } from "~/modules/share/wall.server.ts";

/** The wall of published stories and testimonials, for other websites: `?industry=Healthcare`. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const i18n = i18nFor(await localeOf(request, context));
  const industry = wallIndustry(new URL(request.url).searchParams.get("industry"));
  if (industry === null) return embedRefusal(400, i18n.t("embed.unknownIndustry"));
  const wall = await loadEmbedWall(context.db, industry);
  const origin = context.env.PUBLIC_URL.replace(/\/+$/, "");
  return embedResponse(
    context.db,
    renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <EmbedWallPage wall={wall} origin={origin} />
      </I18nextProvider>,
    ),
  );
}

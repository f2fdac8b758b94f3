import type { Response } from "express";
import { communityLocale } from "../app/i18n/community.ts";
import { i18nFor, isLocale, LOCALE_TAGS, LOCALES, type Locale } from "../app/i18n/index.ts";

/**
 * The language of a page answered before the app runs: what the browser asks
 * for, else the community's (no session or database is read for it).
 */
function browserLocaleOf(res: Response): Locale {
  if (!res.req.get("accept-language")) return communityLocale();
  const asked = res.req.acceptsLanguages(...LOCALES);
  return isLocale(asked) ? asked : communityLocale();
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A self-contained page for answers the server gives before the app runs
 * (the database is away, a body is too large): no database, no render, no
 * script. Remix data requests and JSON clients get `{ error }` instead.
 */
export function sendPlainPage(
  res: Response,
  status: number,
  /** The page's words, in the language the reader's browser asks for. */
  words: (t: (key: string, values?: Record<string, unknown>) => string) => {
    title: string;
    message: string;
    refreshSeconds?: number;
  },
) {
  const locale = browserLocaleOf(res);
  const { t } = i18nFor(locale);
  const page = words((key, values) => t(`plainPage.${key}`, values));
  res.status(status);
  res.setHeader("Cache-Control", "no-store");
  if (res.req.query._data !== undefined || res.req.accepts(["html", "json"]) === "json") {
    res.json({ error: page.message });
    return;
  }
  const refresh = page.refreshSeconds
    ? `<meta http-equiv="refresh" content="${page.refreshSeconds}">\n`
    : "";
  res.type("html").send(`<!doctype html>
<html lang="${LOCALE_TAGS[locale]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh}<title>${escapeHtml(page.title)} · Limelight</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;min-height:100vh;display:grid;place-items:center;background:#fafaf9;color:#1c1917}
main{max-width:32rem;padding:2rem;text-align:center}
.code{font-size:.8rem;font-weight:600;letter-spacing:.08em;text-transform:uppercase;color:#047857}
h1{font-size:1.8rem;margin:.5rem 0}
p{color:#57534e;line-height:1.5}
a{color:#047857}
@media (prefers-color-scheme:dark){body{background:#1c1917;color:#fafaf9}p{color:#d6d3d1}.code,a{color:#34d399}}
</style>
</head>
<body>
<main>
<p class="code">${escapeHtml(t("plainPage.errorCode", { status }))}</p>
<h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.message)}</p>
<p><a href="/">${escapeHtml(t("plainPage.home"))}</a></p>
</main>
</body>
</html>
`);
}

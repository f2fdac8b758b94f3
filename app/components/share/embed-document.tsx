import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DEFAULT_LOCALE, isLocale, LOCALE_TAGS } from "~/i18n/index.ts";

/** What every widget shares: the product's type and colours, light and dark, and no script. */
const baseCss = `body{margin:0;font-family:Inter,system-ui,sans-serif;color:#1c1917;background:#fff}
a{color:#047857}
.eyebrow{font-size:12px;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:#047857}
h1{font-size:18px;margin:6px 0}
p{margin:4px 0;font-size:14px;color:#57534e}
@media (prefers-color-scheme:dark){body{background:#1c1917;color:#fafaf9}p{color:#d6d3d1}a{color:#6ee7b7}.eyebrow{color:#6ee7b7}}`;

/** The page around a widget that another website frames: static HTML, styles inline. */
export function EmbedDocument(props: {
  title: string;
  canonical: string;
  css?: string;
  children: ReactNode;
}) {
  const { i18n } = useTranslation();
  const lang = LOCALE_TAGS[isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE];
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="canonical" href={props.canonical} />
        <style dangerouslySetInnerHTML={{ __html: baseCss + (props.css ?? "") }} />
      </head>
      <body>{props.children}</body>
    </html>
  );
}

import { useTranslation } from "react-i18next";
import { EmbedDocument } from "./embed-document.tsx";

const css = `body{background:transparent}
main{padding:8px}
a.talk{display:inline-block;padding:10px 18px;border-radius:9999px;background:#047857;color:#fff;font-weight:600;font-size:15px;text-decoration:none}
a.talk:hover{background:#065f46}
a.talk:focus-visible{outline:3px solid #6ee7b7;outline-offset:2px}
@media (prefers-color-scheme:dark){body{background:transparent}a.talk{background:#6ee7b7;color:#064e3b}a.talk:hover{background:#a7f3d0}}`;

/**
 * One button for another website. It leaves the frame (the whole tab, or a
 * new one) for the directory of advocates open to references, where the
 * visitor picks someone and asks; the advocate consents before anything is shared.
 */
export function EmbedTalkButton(props: { href: string; newTab: boolean }) {
  const { t } = useTranslation();
  return (
    <EmbedDocument title={t("embed.talk")} canonical={props.href} css={css}>
      <main>
        <a
          className="talk"
          href={props.href}
          target={props.newTab ? "_blank" : "_top"}
          rel={props.newTab ? "noopener" : undefined}
        >
          {t("embed.talk")}
        </a>
      </main>
    </EmbedDocument>
  );
}

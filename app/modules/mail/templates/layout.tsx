import {
  Body,
  Button,
  Container,
  Head,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import { useContext, type ReactNode } from "react";
import { LOCALE_TAGS } from "../../../i18n/index.ts";
import { MailFooterContext } from "./footer-context.ts";
import { localize, useMailT, withElements, type Localized } from "./locale-context.ts";

const brand = "#b45309";

// Light by default; clients that honour prefers-color-scheme get the dark palette.
const darkMode = `
  :root { color-scheme: light dark; supported-color-schemes: light dark; }
  @media (prefers-color-scheme: dark) {
    body, .ll-body { background: #0c0a09 !important; }
    .ll-card { background: #1c1917 !important; border-color: #292524 !important; }
    .ll-text { color: #e7e5e4 !important; }
    .ll-muted { color: #a8a29e !important; }
  }
`;

/** The frame of every Limelight message: the name, the card, the footer. No images, no tracking. */
export function EmailLayout({
  preview,
  children,
  footer,
}: {
  preview: Localized;
  children: Localized<ReactNode>;
  footer?: Localized<ReactNode>;
}) {
  const unsubscribe = useContext(MailFooterContext);
  const { locale, t } = useMailT();
  return (
    <Html lang={LOCALE_TAGS[locale]}>
      <Head>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style>{darkMode}</style>
      </Head>
      <Preview>{localize(preview, locale)}</Preview>
      <Body
        className="ll-body"
        style={{
          background: "#fafaf9",
          fontFamily: "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', sans-serif",
          margin: 0,
          padding: "24px 0",
        }}
      >
        <Container style={{ maxWidth: 560, margin: "0 auto", padding: "0 16px" }}>
          <Text style={{ fontSize: 18, fontWeight: 700, color: brand, margin: "0 0 12px" }}>
            Limelight
          </Text>
          <Section
            className="ll-card"
            style={{
              background: "#ffffff",
              border: "1px solid #e7e5e4",
              borderRadius: 12,
              padding: "24px",
            }}
          >
            {localize(children, locale)}
          </Section>
          <Text className="ll-muted" style={{ fontSize: 12, color: "#78716c", marginTop: 16 }}>
            {footer === undefined ? t("mail.layout.footer") : localize(footer, locale)}
          </Text>
          {unsubscribe ? (
            <Text className="ll-muted" style={{ fontSize: 12, color: "#78716c" }}>
              {unsubscribe.settingsUrl
                ? withElements(
                    t,
                    "mail.layout.unsubscribeMember",
                    { kind: t(`mail.kinds.${unsubscribe.kind}`, unsubscribe.kindLabel) },
                    {
                      unsubscribe: (
                        <Link href={unsubscribe.unsubscribeUrl}>
                          {t("mail.layout.unsubscribe")}
                        </Link>
                      ),
                      choose: <Link href={unsubscribe.settingsUrl}>{t("mail.layout.choose")}</Link>,
                    },
                  )
                : withElements(
                    t,
                    "mail.layout.unsubscribeAddress",
                    { kind: t(`mail.kinds.${unsubscribe.kind}`, unsubscribe.kindLabel) },
                    {
                      unsubscribe: (
                        <Link href={unsubscribe.unsubscribeUrl}>
                          {t("mail.layout.unsubscribe")}
                        </Link>
                      ),
                    },
                  )}
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return (
    <Text className="ll-text" style={{ fontSize: 15, lineHeight: "24px", color: "#1c1917" }}>
      {children}
    </Text>
  );
}

/** The one action a message asks for, as a button with its link written out below for plain readers. */
export function Action({ href, children }: { href: string; children: ReactNode }) {
  const { t } = useMailT();
  return (
    <Section style={{ margin: "20px 0" }}>
      <Button
        href={href}
        style={{
          background: brand,
          color: "#ffffff",
          borderRadius: 8,
          padding: "12px 18px",
          fontSize: 15,
          fontWeight: 600,
          textDecoration: "none",
        }}
      >
        {children}
      </Button>
      <Text className="ll-muted" style={{ fontSize: 12, color: "#78716c", wordBreak: "break-all" }}>
        {withElements(t, "mail.layout.openLink", {}, { link: <Link href={href}>{href}</Link> })}
      </Text>
    </Section>
  );
}

export function Rule() {
  return <Hr style={{ borderColor: "#e7e5e4", margin: "20px 0" }} />;
}

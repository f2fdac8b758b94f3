import { Heading, Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { Action, EmailLayout, Paragraph, Rule } from "./layout.tsx";

export interface DigestLine {
  text: string;
  href: string | null;
  note?: string;
}

export interface DigestSections {
  answers: DigestLine[];
  active: DigestLine[];
  waiting: DigestLine[];
  speaking: DigestLine[];
  earlyAccess: DigestLine[];
  standing: string;
}

function Part({ title, lines }: { title: string; lines: DigestLine[] }): ReactNode {
  if (!lines.length) return null;
  return (
    <Section>
      <Heading
        as="h2"
        className="ll-text"
        style={{ fontSize: 16, color: "#1c1917", margin: "16px 0 4px" }}
      >
        {title}
      </Heading>
      {lines.map((line, i) => (
        <Text
          key={i}
          className="ll-text"
          style={{ fontSize: 14, lineHeight: "22px", color: "#1c1917", margin: "4px 0" }}
        >
          {line.href ? <Link href={line.href}>{line.text}</Link> : line.text}
          {line.note ? (
            <span className="ll-muted" style={{ color: "#78716c" }}>
              {" "}
              · {line.note}
            </span>
          ) : null}
        </Text>
      ))}
    </Section>
  );
}

/**
 * The daily or weekly digest. Every line was judged by the access policy
 * for this reader when it was composed; early access shows a title only
 * when the reader may open the item, otherwise its teaser.
 */
export function DigestEmail(props: {
  recipientName: string;
  /** Which period the digest covers: the last day, or this week. */
  rhythm: "daily" | "weekly";
  sections: DigestSections;
  siteUrl: string;
}) {
  const s = props.sections;
  const period = props.rhythm;
  return (
    <EmailLayout preview={(t) => t("mail.digest.preview", { period })}>
      {(t) => (
        <>
          <Paragraph>{t("mail.hi", { name: props.recipientName })}</Paragraph>
          <Paragraph>{t("mail.digest.intro", { period })}</Paragraph>
          <Part title={t("mail.digest.answers")} lines={s.answers} />
          <Part title={t("mail.digest.waiting")} lines={s.waiting} />
          <Part title={t("mail.digest.active")} lines={s.active} />
          <Part title={t("mail.digest.speaking")} lines={s.speaking} />
          <Part title={t("mail.digest.earlyAccess")} lines={s.earlyAccess} />
          <Rule />
          <Paragraph>{s.standing}</Paragraph>
          <Action href={props.siteUrl}>{t("mail.digest.action")}</Action>
        </>
      )}
    </EmailLayout>
  );
}

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
  periodLabel: string;
  sections: DigestSections;
  siteUrl: string;
}) {
  const s = props.sections;
  return (
    <EmailLayout preview={`What happened in the community ${props.periodLabel}`}>
      <Paragraph>Hi {props.recipientName},</Paragraph>
      <Paragraph>Here is what happened in the community {props.periodLabel}.</Paragraph>
      <Part title="New answers to your questions" lines={s.answers} />
      <Part title="Waiting for you" lines={s.waiting} />
      <Part title="The liveliest threads" lines={s.active} />
      <Part title="Speaking opportunities" lines={s.speaking} />
      <Part title="Early access newly open to you" lines={s.earlyAccess} />
      <Rule />
      <Paragraph>{s.standing}</Paragraph>
      <Action href={props.siteUrl}>Open the community</Action>
    </EmailLayout>
  );
}

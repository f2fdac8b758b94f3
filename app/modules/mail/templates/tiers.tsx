import type { Locale } from "../../../i18n/index.ts";
import { mailShortDay } from "./locale-context.ts";
import { Action, EmailLayout, Paragraph } from "./layout.tsx";

// Tier decisions: what changed, why, and the page where the person reads (and acts on) it.

/** The end of a term in the reader's language ("31 Dec"), or as given when already written out. */
const termEndIn = (termEnd: Date | string, now: Date | undefined, locale: Locale) =>
  typeof termEnd === "string" ? termEnd : mailShortDay(locale, termEnd, now ?? new Date());

export function TierGrantedEmail(props: {
  name: string;
  tierName: string;
  reason: string;
  termEnd: Date | string;
  /** When the message is composed: a term ending this year is named without its year. */
  now?: Date;
  link: string;
}) {
  const tier = props.tierName;
  return (
    <EmailLayout preview={(t) => t("mail.tierGranted.preview", { tier })}>
      {(t, locale) => (
        <>
          <Paragraph>{t("mail.hi", { name: props.name })}</Paragraph>
          <Paragraph>
            {t("mail.tierGranted.body", {
              tier,
              termEnd: termEndIn(props.termEnd, props.now, locale),
            })}
          </Paragraph>
          <Paragraph>{t("mail.quote", { text: props.reason })}</Paragraph>
          <Paragraph>{t("mail.tierGranted.page")}</Paragraph>
          <Action href={props.link}>{t("mail.tierGranted.action")}</Action>
        </>
      )}
    </EmailLayout>
  );
}

export function TierRenewalDueEmail(props: {
  name: string;
  tierName: string;
  termEnd: Date | string;
  /** When the message is composed: a term ending this year is named without its year. */
  now?: Date;
  link: string;
}) {
  const tier = props.tierName;
  return (
    <EmailLayout
      preview={(t, locale) =>
        t("mail.tierRenewalDue.subject", {
          tier,
          termEnd: termEndIn(props.termEnd, props.now, locale),
        })
      }
    >
      {(t, locale) => (
        <>
          <Paragraph>{t("mail.hi", { name: props.name })}</Paragraph>
          <Paragraph>
            {t("mail.tierRenewalDue.body", {
              tier,
              termEnd: termEndIn(props.termEnd, props.now, locale),
            })}
          </Paragraph>
          <Action href={props.link}>{t("mail.tierGranted.action")}</Action>
        </>
      )}
    </EmailLayout>
  );
}

export function TierLapsedEmail(props: { name: string; tierName: string; link: string }) {
  const tier = props.tierName;
  return (
    <EmailLayout preview={(t) => t("mail.tierLapsed.subject", { tier })}>
      {(t) => (
        <>
          <Paragraph>{t("mail.hi", { name: props.name })}</Paragraph>
          <Paragraph>{t("mail.tierLapsed.body", { tier })}</Paragraph>
          <Action href={props.link}>{t("mail.tierLapsed.action")}</Action>
        </>
      )}
    </EmailLayout>
  );
}

export function NominationDecidedEmail(props: {
  name: string;
  nomineeName: string;
  tierName: string;
  accepted: boolean;
  reason: string;
  link: string;
}) {
  const values = { nominee: props.nomineeName, tier: props.tierName };
  return (
    <EmailLayout
      preview={(t) => t("mail.nominationDecided.preview", { nominee: props.nomineeName })}
    >
      {(t) => (
        <>
          <Paragraph>{t("mail.hi", { name: props.name })}</Paragraph>
          <Paragraph>
            {props.accepted
              ? t("mail.nominationDecided.accepted", values)
              : t("mail.nominationDecided.declined", values)}
          </Paragraph>
          <Paragraph>{t("mail.quote", { text: props.reason })}</Paragraph>
          <Action href={props.link}>{t("mail.nominationDecided.action")}</Action>
        </>
      )}
    </EmailLayout>
  );
}

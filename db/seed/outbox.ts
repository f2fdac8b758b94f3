import { sql } from "kysely";
import type { ReactElement } from "react";
import { composeEmail } from "../../app/modules/mail/compose.server.ts";
import { absoluteUrl, DEFAULT_SITE } from "../../app/modules/mail/settings.ts";
import {
  EmailChangeConfirmEmail,
  EmailChangeNoticeEmail,
  EmailVerifyEmail,
} from "../../app/modules/mail/templates/account.tsx";
import {
  SpeakingDecidedEmail,
  StoryReviewedEmail,
  TalkDecidedEmail,
} from "../../app/modules/mail/templates/advocacy.tsx";
import {
  NominationDecidedEmail,
  TierGrantedEmail,
  TierLapsedEmail,
  TierRenewalDueEmail,
} from "../../app/modules/mail/templates/tiers.tsx";
import { enqueue } from "../../app/modules/outbox/queue.server.ts";
import type { Queryable } from "../client.ts";
import { PEOPLE } from "./people.ts";

const HOUR = 3_600_000;
const link = (path: string) => absoluteUrl(DEFAULT_SITE, path);
// Links in kept demo mail point at pages, never at a live token: the seed mints none.
const spentToken = (n: number) => link(`/verify-email/demo-link-already-used-${n}`);

interface DemoMail {
  handle: string;
  kind: string;
  subject: string;
  hoursAgo: number;
  template: (name: string) => ReactElement;
}

const MAILS: DemoMail[] = [
  {
    handle: "catie",
    kind: "tier_granted",
    subject: "You are now an MVP",
    hoursAgo: 30 * 24,
    template: (name) =>
      TierGrantedEmail({
        name,
        tierName: "MVP",
        reason:
          "Catie answered more pipeline questions this year than anyone, and ran two meetups.",
        termEnd: "31 December 2027",
        link: link("/settings/tier"),
      }),
  },
  {
    handle: "tomas-aguilar",
    kind: "tier_granted",
    subject: "You are now an MVP",
    hoursAgo: 12 * 24,
    template: (name) =>
      TierGrantedEmail({
        name,
        tierName: "MVP",
        reason: "For the dispatch dashboard story and the regional user group.",
        termEnd: "30 November 2027",
        link: link("/settings/tier"),
      }),
  },
  {
    handle: "aiko-t",
    kind: "tier_renewal_due",
    subject: "Your MVP term ends on 28 December 2026",
    hoursAgo: 50,
    template: (name) =>
      TierRenewalDueEmail({
        name,
        tierName: "MVP",
        termEnd: "28 December 2026",
        link: link("/settings/tier"),
      }),
  },
  {
    handle: "seun",
    kind: "tier_renewal_due",
    subject: "Your MVP term ends on 20 December 2026",
    hoursAgo: 80,
    template: (name) =>
      TierRenewalDueEmail({
        name,
        tierName: "MVP",
        termEnd: "20 December 2026",
        link: link("/settings/tier"),
      }),
  },
  {
    handle: "hannah-lindqvist",
    kind: "tier_lapsed",
    subject: "Your MVP term has ended",
    hoursAgo: 9 * 24,
    template: (name) => TierLapsedEmail({ name, tierName: "MVP", link: link("/settings/tier") }),
  },
  {
    handle: "rajesh-iyer",
    kind: "tier_lapsed",
    subject: "Your MVP term has ended",
    hoursAgo: 40 * 24,
    template: (name) => TierLapsedEmail({ name, tierName: "MVP", link: link("/settings/tier") }),
  },
  {
    handle: "catie",
    kind: "nomination_decided",
    subject: "Your nomination of Tomás Aguilar was accepted",
    hoursAgo: 12 * 24,
    template: (name) =>
      NominationDecidedEmail({
        name,
        nomineeName: "Tomás Aguilar",
        tierName: "MVP",
        accepted: true,
        reason: "For the dispatch dashboard story and the regional user group.",
        link: link("/nominate"),
      }),
  },
  {
    handle: "marisol",
    kind: "nomination_decided",
    subject: "Your nomination of Rajesh Iyer was declined",
    hoursAgo: 6 * 24,
    template: (name) =>
      NominationDecidedEmail({
        name,
        nomineeName: "Rajesh Iyer",
        tierName: "MVP",
        accepted: false,
        reason: "Not this round: the MVP cohort is full until the spring review.",
        link: link("/nominate"),
      }),
  },
  {
    handle: "catie",
    kind: "speaking_decided",
    subject: "You are speaking at Data Council Austin",
    hoursAgo: 20 * 24,
    template: (name) =>
      SpeakingDecidedEmail({
        name,
        eventName: "Data Council Austin",
        decision: "accept",
        message: "Your incremental-loads pitch is exactly what this audience asked for.",
        link: link("/speaking/mine"),
      }),
  },
  {
    handle: "aiko-t",
    kind: "speaking_decided",
    subject: "Your application to Midwest Supply Chain Summit was shortlisted",
    hoursAgo: 4 * 24,
    template: (name) =>
      SpeakingDecidedEmail({
        name,
        eventName: "Midwest Supply Chain Summit",
        decision: "shortlist",
        message: "We will confirm the line-up by the end of the month.",
        link: link("/speaking/mine"),
      }),
  },
  {
    handle: "seun",
    kind: "talk_decided",
    subject: "Your talk is verified",
    hoursAgo: 15 * 24,
    template: (name) =>
      TalkDecidedEmail({
        name,
        talkTitle: "One number for dispatch and the board",
        eventName: "Lagos Data Meetup",
        verified: true,
        reason: "",
        link: link("/speaking/mine"),
      }),
  },
  {
    handle: "tomas-aguilar",
    kind: "talk_decided",
    subject: "“Dashboards dispatchers trust” was not verified",
    hoursAgo: 3 * 24,
    template: (name) =>
      TalkDecidedEmail({
        name,
        talkTitle: "Dashboards dispatchers trust",
        eventName: "Logistics Tech Week",
        verified: false,
        reason: "The recording link asks for a sign-in; could you share a public one?",
        link: link("/speaking/mine"),
      }),
  },
  {
    handle: "catie",
    kind: "story_reviewed",
    subject: "Your story is published",
    hoursAgo: 25 * 24,
    template: (name) =>
      StoryReviewedEmail({
        name,
        storyTitle: "From 40 spreadsheets to one live dashboard",
        outcome: "published",
        note: "",
        link: link("/stories/mine"),
      }),
  },
  {
    handle: "marisol",
    kind: "story_reviewed",
    subject: "Changes requested on your story",
    hoursAgo: 2 * 24,
    template: (name) =>
      StoryReviewedEmail({
        name,
        storyTitle: "Month-end close in two days",
        outcome: "changes_requested",
        note: "Could you name the dashboard, and say what the finance team did before?",
        link: link("/stories/mine"),
      }),
  },
  {
    handle: "declan.murphy",
    kind: "email_verify",
    subject: "Confirm your email address for Limelight",
    hoursAgo: 60 * 24,
    template: (name) => EmailVerifyEmail({ name, link: spentToken(1) }),
  },
  {
    handle: "lukas.becker",
    kind: "email_verify",
    subject: "Confirm your email address for Limelight",
    hoursAgo: 45 * 24,
    template: (name) => EmailVerifyEmail({ name, link: spentToken(2) }),
  },
  {
    handle: "grace.mwangi",
    kind: "email_change_confirm",
    subject: "Confirm your new email address for Limelight",
    hoursAgo: 7 * 24 + 2,
    template: (name) => EmailChangeConfirmEmail({ name, link: spentToken(3) }),
  },
  {
    handle: "grace.mwangi",
    kind: "email_change_notice",
    subject: "The email address of your Limelight account was changed",
    hoursAgo: 7 * 24,
    template: (name) =>
      EmailChangeNoticeEmail({
        name,
        newEmail: "grace.mwangi@demo.limelight.dev",
        link: link("/settings"),
      }),
  },
];

/**
 * The outbox of the demo community: a few messages of each kind advocates
 * and members get, kept in full as they would be without a mail server, so
 * /manage/outbox shows what Limelight sends from the first start.
 */
export async function seedOutbox(trx: Queryable, ids: Map<string, number>, now: Date) {
  let n = 0;
  for (const mail of MAILS) {
    const person = PEOPLE.find((p) => p.handle === mail.handle || p.email.startsWith(mail.handle));
    const userId = person ? ids.get(person.handle) : undefined;
    if (!person || userId === undefined) continue;
    const createdAt = new Date(now.getTime() - mail.hoursAgo * HOUR);
    const message = await composeEmail(DEFAULT_SITE, {
      to: person.email,
      userId,
      kind: mail.kind,
      idempotencyKey: `demo:${mail.kind}:${n++}`,
      subject: mail.subject,
      template: mail.template(person.displayName),
    });
    // Kept in full, as the worker keeps mail when no server is configured.
    await enqueue(trx, message);
    await sql`update outbox_messages set status = 'kept', attempts = 1, created_at = ${createdAt}, next_attempt_at = ${createdAt} where idempotency_key = ${message.idempotencyKey}`.execute(
      trx,
    );
  }
}

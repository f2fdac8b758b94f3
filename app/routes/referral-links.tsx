import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { Card } from "~/components/ui/card.tsx";

export const meta: MetaFunction = () => [{ title: "How referral links work · Limelight" }];

/** The plain explanation of personal referral links and their cookie. */
export default function ReferralLinksExplained() {
  return (
    <Container className="max-w-2xl">
      <PageHeader
        title="How referral links work"
        description="Advocates share links to their profile, stories and talks. Here is exactly what such a link records."
      />
      <Card className="space-y-4 p-6 text-sm leading-6 text-stone-700 dark:text-stone-300">
        <p>
          When you open a link such as <code>/r/abc123</code>, Limelight counts one visit for the
          advocate who shared it and sets one cookie, <code>ll_via</code>, on this site only. It
          holds a random value and nothing about you, and it lasts 30 days.
        </p>
        <p>
          If you later sign in and read a story or ask an advocate for a conversation, or someone
          refers your company, that advocate is thanked for bringing you: the community team sees
          that their link helped, and the advocate sees a count (never your name or email).
        </p>
        <p>
          There are no third-party trackers, pixels or ad networks here. Delete the cookie in your
          browser at any time, or never open such a link, and nothing is attributed.
        </p>
        <p>
          Advocates find their own links under{" "}
          <Link
            to="/settings/referral-links"
            className="font-medium text-brand-700 underline dark:text-brand-300"
          >
            Settings → Referral links
          </Link>
          .
        </p>
      </Card>
    </Container>
  );
}

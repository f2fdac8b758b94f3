import { Form, Link } from "@remix-run/react";
import { ApplicationStatusBadge } from "~/components/advocacy/status-badge.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { Fact, Facts, WhenWhere } from "~/components/ui/facts.tsx";
import { FormError, TextAreaField, TextField } from "~/components/ui/field.tsx";
import type { ApplicationStatus } from "../../../db/tables/advocacy.ts";
import type { FieldProps } from "~/utils/form-fields.ts";

/** The advocate's own application, or why they cannot apply, or the application form. */
export function ApplyPanel({
  opportunityId,
  application,
  closedReason,
  signedIn,
  canApply,
  openToSpeaking,
  field,
  formError,
  busy,
}: {
  opportunityId: number;
  application: {
    id: number;
    status: ApplicationStatus;
    decision_message: string | null;
    talk_id: number | null;
  } | null;
  closedReason: string | null;
  signedIn: boolean;
  canApply: boolean;
  openToSpeaking: boolean;
  field: (name: "talkTitle" | "pitch") => FieldProps;
  formError?: string;
  busy: boolean;
}) {
  return (
    <>
      {application ? (
        <div className="space-y-3" data-testid="own-application">
          <div className="flex items-center gap-2">
            <span className="text-sm">Your application:</span>
            <ApplicationStatusBadge status={application.status} />
          </div>
          {application.decision_message ? (
            <p className="rounded-lg bg-stone-100 px-3 py-2 text-sm dark:bg-stone-800">
              <span className="font-medium">From the community team:</span>{" "}
              {application.decision_message}
            </p>
          ) : null}
          {application.talk_id ? (
            <ButtonLink to={`/speaking/talks/${application.talk_id}`} size="sm">
              Go to your talk
            </ButtonLink>
          ) : null}
          {application.status === "pending" || application.status === "shortlisted" ? (
            <Form
              method="post"
              onSubmit={(e) => {
                if (!confirm("Withdraw your application?")) e.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="applicationId" value={application.id} />
              <Button type="submit" variant="ghost" size="sm" disabled={busy}>
                Withdraw application
              </Button>
            </Form>
          ) : null}
        </div>
      ) : closedReason ? (
        <p className="text-stone-700 dark:text-stone-300">{closedReason}</p>
      ) : !signedIn ? (
        <p className="text-stone-700 dark:text-stone-300">
          <Link
            to={`/login?redirectTo=${encodeURIComponent(`/speaking/${opportunityId}`)}`}
            className="font-medium text-brand-700 underline dark:text-brand-300"
          >
            Sign in
          </Link>{" "}
          as a verified customer to apply.
        </p>
      ) : !canApply ? (
        <p className="text-stone-700 dark:text-stone-300">
          Speaking slots are for verified customers. Once a community manager verifies you as a
          customer, you can apply here.
        </p>
      ) : !openToSpeaking ? (
        <p className="text-stone-700 dark:text-stone-300">
          Turn on “Open to speaking” in{" "}
          <Link
            to="/settings/profile"
            className="font-medium text-brand-700 underline dark:text-brand-300"
          >
            your profile
          </Link>{" "}
          to apply.
        </p>
      ) : (
        <Form method="post" noValidate className="space-y-4">
          <FormError message={formError} />
          <TextField label="Talk title (optional)" {...field("talkTitle")} />
          <TextAreaField
            label="Your pitch"
            rows={6}
            {...field("pitch")}
            hint="What you would talk about and why it would help this audience. A few sentences is enough."
            required
          />
          <Button type="submit" disabled={busy}>
            {busy ? "Sending…" : "Send application"}
          </Button>
        </Form>
      )}
    </>
  );
}

/** When, where, for whom and until when; the managers' way in. */
export function OpportunityFacts({
  opportunity: o,
  when,
  deadline,
  canManage,
}: {
  opportunity: {
    id: number;
    is_virtual: boolean;
    location: string;
    expected_audience: number | null;
    audience_description: string;
    event_url: string;
  };
  when: string;
  deadline: string;
  canManage: boolean;
}) {
  return (
    <aside>
      <Card className="p-6">
        <Facts>
          <WhenWhere when={when} isVirtual={o.is_virtual} location={o.location} />
          {o.expected_audience || o.audience_description ? (
            <Fact label="Audience">
              {o.expected_audience
                ? `About ${o.expected_audience.toLocaleString("en-US")} people`
                : ""}
              {o.expected_audience && o.audience_description ? " · " : ""}
              {o.audience_description}
            </Fact>
          ) : null}
          <Fact label="Apply by">{deadline}</Fact>
          {o.event_url ? (
            <Fact label="Event website" valueClassName="">
              <a
                href={o.event_url}
                rel="noopener noreferrer"
                target="_blank"
                className="font-medium text-brand-700 underline dark:text-brand-300"
              >
                {new URL(o.event_url).hostname}
              </a>
            </Fact>
          ) : null}
        </Facts>
        {canManage ? (
          <ButtonLink
            to={`/manage/speaking/${o.id}`}
            variant="secondary"
            size="sm"
            className="mt-5 w-full"
          >
            Manage applications
          </ButtonLink>
        ) : null}
      </Card>
    </aside>
  );
}

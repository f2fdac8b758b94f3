import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormats } from "~/i18n/use-formats.ts";
import { Linked, linkMark } from "./linked.tsx";
import { ApplicationStatusBadge } from "~/components/advocacy/status-badge.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { Fact, Facts } from "~/components/ui/facts.tsx";
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
  const { t } = useTranslation();
  return (
    <>
      {application ? (
        <div className="space-y-3" data-testid="own-application">
          <div className="flex items-center gap-2">
            <span className="text-sm">{t("speaking.apply.yours")}</span>
            <ApplicationStatusBadge status={application.status} />
          </div>
          {application.decision_message ? (
            <p className="rounded-lg bg-stone-100 px-3 py-2 text-sm dark:bg-stone-800">
              <span className="font-medium">{t("speaking.apply.fromTeam")}</span>{" "}
              {application.decision_message}
            </p>
          ) : null}
          {application.talk_id ? (
            <ButtonLink to={`/speaking/talks/${application.talk_id}`} size="sm">
              {t("speaking.apply.goToTalk")}
            </ButtonLink>
          ) : null}
          {application.status === "pending" || application.status === "shortlisted" ? (
            <Form
              method="post"
              onSubmit={(e) => {
                if (!confirm(t("speaking.apply.confirmWithdraw"))) e.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="applicationId" value={application.id} />
              <Button type="submit" variant="ghost" size="sm" disabled={busy}>
                {t("speaking.apply.withdraw")}
              </Button>
            </Form>
          ) : null}
        </div>
      ) : closedReason ? (
        <p className="text-stone-700 dark:text-stone-300">{closedReason}</p>
      ) : !signedIn ? (
        <p className="text-stone-700 dark:text-stone-300">
          <Linked
            message={t("speaking.apply.signIn", { link: linkMark })}
            link={
              <Link
                to={`/login?redirectTo=${encodeURIComponent(`/speaking/${opportunityId}`)}`}
                className="font-medium text-brand-700 underline dark:text-brand-300"
              >
                {t("speaking.apply.signInLink")}
              </Link>
            }
          />
        </p>
      ) : !canApply ? (
        <p className="text-stone-700 dark:text-stone-300">{t("speaking.apply.customersOnly")}</p>
      ) : !openToSpeaking ? (
        <p className="text-stone-700 dark:text-stone-300">
          <Linked
            message={t("speaking.apply.openTo", { link: linkMark })}
            link={
              <Link
                to="/settings/profile"
                className="font-medium text-brand-700 underline dark:text-brand-300"
              >
                {t("speaking.apply.openToLink")}
              </Link>
            }
          />
        </p>
      ) : (
        <Form method="post" noValidate className="space-y-4">
          <FormError message={formError} />
          <TextField label={t("speaking.apply.talkTitle")} {...field("talkTitle")} />
          <TextAreaField
            label={t("speaking.apply.pitch")}
            rows={6}
            {...field("pitch")}
            hint={t("speaking.apply.pitchHint")}
            required
          />
          <Button type="submit" disabled={busy}>
            {busy ? t("speaking.apply.sending") : t("speaking.apply.send")}
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
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <aside>
      <Card className="p-6">
        <Facts>
          <Fact label={t("speaking.facts.when")}>{when}</Fact>
          <Fact label={t("speaking.facts.where")}>
            {o.is_virtual ? t("speaking.facts.virtual") : o.location}
          </Fact>
          {o.expected_audience || o.audience_description ? (
            <Fact label={t("speaking.facts.audience")}>
              {o.expected_audience
                ? t("speaking.facts.about", { people: formats.count(o.expected_audience) })
                : ""}
              {o.expected_audience && o.audience_description ? " · " : ""}
              {o.audience_description}
            </Fact>
          ) : null}
          <Fact label={t("speaking.facts.applyBy")}>{deadline}</Fact>
          {o.event_url ? (
            <Fact label={t("speaking.facts.eventWebsite")} valueClassName="">
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
            {t("speaking.facts.manageApplications")}
          </ButtonLink>
        ) : null}
      </Card>
    </aside>
  );
}

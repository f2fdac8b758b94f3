import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormats } from "~/i18n/use-formats.ts";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { Fact, Facts } from "~/components/ui/facts.tsx";
import { FormError, TextAreaField, TextField } from "~/components/ui/field.tsx";
import type { EvidenceSchema, ReasonSchema } from "~/modules/advocacy/validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";
import type { TalkStatus, TalkFormat } from "../../../db/tables/advocacy.ts";

/** What the talk page's panels show of a talk. */
export interface TalkPanelData {
  format: TalkFormat;
  status: TalkStatus;
  is_virtual: boolean;
  location: string;
  attendance: number | null;
  recording_url: string;
  slides_url: string;
  event_url: string;
  evidence_note: string;
  decided_by_name: string | null;
}

/** The speaker adds a recording or slides once the talk has happened. */
export function TalkEvidenceCard({
  talk,
  happened,
  when,
  pointsIfVerified,
  busy,
  actionData,
}: {
  talk: TalkPanelData;
  happened: boolean;
  when: string;
  pointsIfVerified: number;
  busy: boolean;
  actionData?: ActionError;
}) {
  const { t } = useTranslation();
  const form = formFields<typeof EvidenceSchema>(
    actionData,
    {
      recordingUrl: talk.recording_url,
      slidesUrl: talk.slides_url,
      attendance: talk.attendance,
      evidenceNote: talk.evidence_note,
    },
    { intent: "evidence" },
  );
  return (
    <Card className="space-y-4 p-6">
      <h2 className="text-lg font-semibold">{t("speaking.evidence.title")}</h2>
      {!happened ? (
        <p className="text-stone-700 dark:text-stone-300">
          {t("speaking.evidence.after", { when, format: talk.format, points: pointsIfVerified })}
        </p>
      ) : (
        <Form method="post" noValidate className="space-y-4">
          <input type="hidden" name="intent" value="evidence" />
          <FormError message={form.formError} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label={t("speaking.evidence.recording")}
              {...form.field("recordingUrl")}
              type="url"
              placeholder="https://…"
            />
            <TextField
              label={t("speaking.evidence.slides")}
              {...form.field("slidesUrl")}
              type="url"
              placeholder="https://…"
            />
            <TextField
              label={t("speaking.evidence.attendance")}
              {...form.field("attendance")}
              inputMode="numeric"
            />
          </div>
          <TextAreaField
            label={t("speaking.evidence.note")}
            {...form.field("evidenceNote")}
            rows={2}
          />
          <Button type="submit" disabled={busy}>
            {talk.status === "pending"
              ? t("speaking.evidence.update")
              : t("speaking.evidence.submit")}
          </Button>
        </Form>
      )}
      {!happened ? <FormError message={form.formError} /> : null}
    </Card>
  );
}

/** A manager verifies the talk (awarding its points once) or rejects it with a reason. */
export function TalkVerificationCard({
  talk,
  canVerify,
  canReject,
  pointsIfVerified,
  busy,
  actionData,
}: {
  talk: Pick<TalkPanelData, "status">;
  canVerify: boolean;
  canReject: boolean;
  pointsIfVerified: number;
  busy: boolean;
  actionData?: ActionError;
}) {
  const { t } = useTranslation();
  const verifyForm = formFields(actionData, {}, { intent: "verify" });
  const rejectForm = formFields<typeof ReasonSchema>(actionData, {}, { intent: "reject" });
  return (
    <Card className="space-y-4 p-6">
      <h2 className="text-lg font-semibold">{t("speaking.verification.title")}</h2>
      <FormError message={verifyForm.formError ?? rejectForm.formError} />
      {canVerify ? (
        <Form method="post" className="space-y-2">
          <input type="hidden" name="intent" value="verify" />
          <p className="text-sm text-stone-700 dark:text-stone-300">
            {t("speaking.verification.check", { points: pointsIfVerified })}
          </p>
          <Button type="submit" disabled={busy}>
            {t("speaking.verification.verify")}
          </Button>
        </Form>
      ) : null}
      {canReject ? (
        <Form
          method="post"
          noValidate
          className={
            canVerify
              ? "space-y-3 border-t border-stone-200 pt-4 dark:border-stone-800"
              : "space-y-3"
          }
          onSubmit={(event) => {
            const message =
              talk.status === "verified"
                ? t("speaking.verification.confirmRejectVerified")
                : t("speaking.verification.confirmReject");
            if (!confirm(message)) event.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="reject" />
          <TextAreaField
            label={t("speaking.verification.reason")}
            {...rejectForm.field("reason")}
            rows={2}
            hint={t("speaking.verification.reasonHint")}
          />
          <Button type="submit" variant="danger" disabled={busy}>
            {talk.status === "verified"
              ? t("speaking.verification.rejectVerified")
              : t("speaking.verification.reject")}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

/** When and where the talk is, how many came, and its links. */
export function TalkFacts({ talk, when }: { talk: TalkPanelData; when: string }) {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <aside>
      <Card className="p-6">
        <Facts>
          <Fact label={t("speaking.facts.when")}>{when}</Fact>
          <Fact label={t("speaking.facts.where")}>
            {talk.is_virtual ? t("speaking.facts.virtual") : talk.location}
          </Fact>
          {talk.attendance !== null ? (
            <Fact label={t("speaking.facts.attendance")}>{formats.count(talk.attendance)}</Fact>
          ) : null}
          {talk.recording_url || talk.slides_url || talk.event_url ? (
            <Fact label={t("speaking.facts.links")} valueClassName="mt-1 flex flex-col gap-1">
              {[
                { href: talk.recording_url, label: t("speaking.facts.recording") },
                { href: talk.slides_url, label: t("speaking.facts.slides") },
                { href: talk.event_url, label: t("speaking.facts.eventWebsite") },
              ]
                .filter((l) => l.href)
                .map((l) => (
                  <a
                    key={l.label}
                    href={l.href}
                    rel="nofollow noopener noreferrer"
                    target="_blank"
                    className="font-medium text-brand-700 underline dark:text-brand-300"
                  >
                    {l.label}
                  </a>
                ))}
            </Fact>
          ) : null}
          {talk.status === "verified" && talk.decided_by_name ? (
            <Fact label={t("speaking.facts.verifiedBy")}>{talk.decided_by_name}</Fact>
          ) : null}
        </Facts>
      </Card>
    </aside>
  );
}

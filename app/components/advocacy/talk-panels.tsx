import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { Fact, Facts, WhenWhere } from "~/components/ui/facts.tsx";
import { FormError, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { formatLabel } from "~/modules/advocacy/formats.ts";
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
  talk: t,
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
  const form = formFields<typeof EvidenceSchema>(
    actionData,
    {
      recordingUrl: t.recording_url,
      slidesUrl: t.slides_url,
      attendance: t.attendance,
      evidenceNote: t.evidence_note,
    },
    { intent: "evidence" },
  );
  return (
    <Card className="space-y-4 p-6">
      <h2 className="text-lg font-semibold">Evidence</h2>
      {!happened ? (
        <p className="text-stone-700 dark:text-stone-300">
          After the talk ({when}), add the recording or slides here and a community manager will
          verify it. A verified {formatLabel(t.format).toLowerCase()} talk earns +{pointsIfVerified}{" "}
          points.
        </p>
      ) : (
        <Form method="post" noValidate className="space-y-4">
          <input type="hidden" name="intent" value="evidence" />
          <FormError message={form.formError} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Recording link"
              {...form.field("recordingUrl")}
              type="url"
              placeholder="https://…"
            />
            <TextField
              label="Slides link"
              {...form.field("slidesUrl")}
              type="url"
              placeholder="https://…"
            />
            <TextField label="Attendance" {...form.field("attendance")} inputMode="numeric" />
          </div>
          <TextAreaField
            label="Note for the community team"
            {...form.field("evidenceNote")}
            rows={2}
          />
          <Button type="submit" disabled={busy}>
            {t.status === "pending" ? "Update evidence" : "Submit evidence"}
          </Button>
        </Form>
      )}
      {!happened ? <FormError message={form.formError} /> : null}
    </Card>
  );
}

/** A manager verifies the talk (awarding its points once) or rejects it with a reason. */
export function TalkVerificationCard({
  talk: t,
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
  const verifyForm = formFields(actionData, {}, { intent: "verify" });
  const rejectForm = formFields<typeof ReasonSchema>(actionData, {}, { intent: "reject" });
  return (
    <Card className="space-y-4 p-6">
      <h2 className="text-lg font-semibold">Verification</h2>
      <FormError message={verifyForm.formError ?? rejectForm.formError} />
      {canVerify ? (
        <Form method="post" className="space-y-2">
          <input type="hidden" name="intent" value="verify" />
          <p className="text-sm text-stone-700 dark:text-stone-300">
            Check the recording or slides. Verifying awards +{pointsIfVerified} points to the
            speaker, once.
          </p>
          <Button type="submit" disabled={busy}>
            Verify talk
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
              t.status === "verified"
                ? "Reject this verified talk? Its points are taken back from the speaker."
                : "Reject this talk?";
            if (!confirm(message)) event.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="reject" />
          <TextAreaField
            label="Reason"
            {...rejectForm.field("reason")}
            rows={2}
            hint="The speaker sees it, so they can put it right."
          />
          <Button type="submit" variant="danger" disabled={busy}>
            {t.status === "verified" ? "Reject and take back points" : "Reject"}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

/** When and where the talk is, how many came, and its links. */
export function TalkFacts({ talk: t, when }: { talk: TalkPanelData; when: string }) {
  return (
    <aside>
      <Card className="p-6">
        <Facts>
          <WhenWhere when={when} isVirtual={t.is_virtual} location={t.location} />
          {t.attendance !== null ? (
            <Fact label="Attendance">{t.attendance.toLocaleString("en-US")}</Fact>
          ) : null}
          {t.recording_url || t.slides_url || t.event_url ? (
            <Fact label="Links" valueClassName="mt-1 flex flex-col gap-1">
              {[
                { href: t.recording_url, label: "Recording" },
                { href: t.slides_url, label: "Slides" },
                { href: t.event_url, label: "Event website" },
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
          {t.status === "verified" && t.decided_by_name ? (
            <Fact label="Verified by">{t.decided_by_name}</Fact>
          ) : null}
        </Facts>
      </Card>
    </aside>
  );
}

import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { GrantSchema, RenewSchema, RevokeSchema } from "~/modules/tiers/validation.ts";
import { addMonths } from "~/modules/tiers/rules.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { formFields, type ActionError } from "~/utils/form-fields.ts";
import { dateInputValue, formatDate } from "./format.ts";

/** The manager's form to grant an awarded tier for a term, with the reason the advocate reads. */
export function GrantForm({
  actionData,
  awardable,
  defaults,
  busy,
}: {
  actionData: ActionError | undefined;
  awardable: Array<{ id: number; name: string; termMonths: number }>;
  defaults: { handle: string; termStart: string; termEnd: string };
  busy: boolean;
}) {
  const { field, formError } = formFields<typeof GrantSchema>(actionData, defaults, {
    intent: "grant",
  });
  const formRef = useRef<HTMLFormElement>(null);
  const navigation = useNavigation();
  const granting = useRef(false);
  // Once a grant has gone through (the action redirected, so there is no refusal to show),
  // empty the form: leaving the same values in it invites granting the award twice.
  useEffect(() => {
    if (navigation.formData?.get("intent") === "grant") granting.current = true;
    else if (navigation.state === "idle" && granting.current) {
      granting.current = false;
      if (!actionData) formRef.current?.reset();
    }
  }, [navigation.state, navigation.formData, actionData]);
  return (
    <Card className="p-6">
      <h2 className="text-lg font-semibold">Grant an award</h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Awarded tiers are for verified customers, for a term, with a reason they will read. They are
        told at once, wherever they are signed in.
      </p>
      <Form method="post" ref={formRef} className="mt-5 space-y-4" noValidate>
        <input type="hidden" name="intent" value="grant" />
        <FormError message={formError} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Advocate's handle" placeholder="catie" required {...field("handle")} />
          <SelectField label="Tier" {...field("tierId")}>
            {awardable.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.termMonths}-month term)
              </option>
            ))}
          </SelectField>
          <TextField label="Term starts" type="date" {...field("termStart")} />
          <TextField label="Term ends" type="date" {...field("termEnd")} />
        </div>
        <TextAreaField
          label="Reason"
          rows={3}
          hint="Shown to the advocate and kept in their tier history."
          {...field("reason")}
        />
        <div className="flex justify-end">
          <Button type="submit" disabled={busy}>
            Grant award
          </Button>
        </div>
      </Form>
    </Card>
  );
}

export interface AwardView {
  id: number;
  handle: string;
  displayName: string;
  tierName: string;
  status: "active" | "revoked" | "lapsed";
  since: string;
  termStart: string;
  termEnd: string;
  renewals: number;
  reason: string;
  grantedByName: string | null;
}

/** One award in the manager's list, with its renew and revoke forms while it is active. */
export function AwardCard({
  award,
  actionData,
  busy,
}: {
  award: AwardView;
  actionData: ActionError | undefined;
  busy: boolean;
}) {
  // Only a refused submission about this award fills its forms.
  const mine = actionData?.values?.awardId === String(award.id) ? actionData : undefined;
  const renew = formFields<typeof RenewSchema>(
    mine,
    {
      termStart: dateInputValue(award.termEnd),
      termEnd: dateInputValue(addMonths(new Date(award.termEnd), 12)),
    },
    { intent: "renew" },
  );
  const revoke = formFields<typeof RevokeSchema>(mine, {}, { intent: "revoke" });
  return (
    <Card className="p-5">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <p className="font-semibold">
            <Link to={`/u/${award.handle}`} className="hover:underline">
              {award.displayName}
            </Link>{" "}
            <Badge tone="spot">{award.tierName}</Badge>{" "}
            {award.status !== "active" ? <Badge>{award.status}</Badge> : null}
          </p>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            Term {formatDate(award.termStart)} – {formatDate(award.termEnd)} · since{" "}
            {formatDate(award.since)}
            {award.renewals
              ? ` · renewed ${award.renewals} ${award.renewals === 1 ? "time" : "times"}`
              : ""}
            {award.grantedByName ? ` · granted by ${award.grantedByName}` : ""}
          </p>
          <p className="mt-1 text-sm italic text-stone-700 dark:text-stone-300">“{award.reason}”</p>
        </div>
      </div>
      {award.status === "active" ? (
        <div className="mt-4 grid gap-4 lg:grid-cols-2">
          <details
            open={renew.submitted}
            className="rounded-lg border border-stone-200 p-3 dark:border-stone-800"
          >
            <summary className="cursor-pointer text-sm font-medium">Renew</summary>
            <Form method="post" className="mt-3 space-y-3" noValidate>
              <input type="hidden" name="intent" value="renew" />
              <input type="hidden" name="awardId" value={award.id} />
              <FormError message={renew.formError} />
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField label="New term starts" type="date" {...renew.field("termStart")} />
                <TextField label="New term ends" type="date" {...renew.field("termEnd")} />
              </div>
              <TextField label="Reason" {...renew.field("reason")} />
              <Button type="submit" size="sm" disabled={busy}>
                Renew award
              </Button>
            </Form>
          </details>
          <details
            open={revoke.submitted}
            className="rounded-lg border border-stone-200 p-3 dark:border-stone-800"
          >
            <summary className="cursor-pointer text-sm font-medium text-red-700 dark:text-red-400">
              Revoke
            </summary>
            <Form
              method="post"
              className="mt-3 space-y-3"
              noValidate
              onSubmit={(e) => {
                if (!confirm(`Revoke ${award.displayName}'s ${award.tierName} award?`))
                  e.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value="revoke" />
              <input type="hidden" name="awardId" value={award.id} />
              <FormError message={revoke.formError} />
              <TextField label="Reason" {...revoke.field("reason")} />
              <Button type="submit" size="sm" variant="danger" disabled={busy}>
                Revoke award
              </Button>
            </Form>
          </details>
        </div>
      ) : null}
    </Card>
  );
}

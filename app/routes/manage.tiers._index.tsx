import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { dateInputValue, formatDate } from "~/components/tiers/format.ts";
import { Segmented } from "~/components/tiers/segmented.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import {
  announceTierChange,
  grantTier,
  listAwards,
  renewAward,
  revokeAward,
} from "~/modules/tiers/awards.server.ts";
import { listTiers } from "~/modules/tiers/catalogue.server.ts";
import { addMonths } from "~/modules/tiers/rules.ts";
import { GrantSchema, RevokeSchema, TermSchema } from "~/modules/tiers/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Tier awards · Manage · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageTierAwards);
  const url = new URL(request.url);
  const status = url.searchParams.get("status") === "ended" ? "ended" : "active";
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const [awards, tiers] = await Promise.all([
    listAwards(context.db, { status, page }),
    listTiers(context.db),
  ]);
  const today = new Date(new Date().toISOString().slice(0, 10));
  return json({
    ...awards,
    status,
    handle: url.searchParams.get("handle") ?? "",
    awardable: tiers
      .filter((t) => t.kind === "awarded")
      .sort((a, b) => b.rank - a.rank)
      .map((t) => ({ id: t.id, name: t.name, termMonths: t.term_months ?? 12 })),
    defaults: {
      termStart: dateInputValue(today),
      termEnd: dateInputValue(addMonths(today, 12)),
    },
  });
}

const IdSchema = z.object({ awardId: z.coerce.number().int().positive() });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAllowed(request, context, policy.manageTierAwards);
  const actor = { id: user.id, role: user.role };
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = new URL(request.url);
  const backTo = `${back.pathname}${back.search}`;
  const values = Object.fromEntries(
    [...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  try {
    if (intent === "grant") {
      const parsed = parseForm(GrantSchema, formData);
      if (!parsed.ok)
        return formErrors({
          fieldErrors: parsed.fieldErrors,
          values: parsed.values,
          formError: "The award was not granted. Check the fields below.",
        });
      const result = await grantTier(context.db, actor, parsed.data);
      announceTierChange(context.realtime, [result.notice]);
      return redirectWithToast(backTo, {
        kind: "success",
        title: "Tier granted",
        description: `@${parsed.data.handle} has been told.`,
      });
    }
    const id = IdSchema.safeParse(values);
    if (!id.success) return formErrors({ formError: "Choose an award." });
    if (intent === "renew") {
      const parsed = parseForm(TermSchema, formData);
      if (!parsed.ok)
        return formErrors({
          fieldErrors: parsed.fieldErrors,
          values: parsed.values,
          formError: "The award was not renewed. Check the fields below.",
        });
      const result = await renewAward(context.db, actor, id.data.awardId, parsed.data);
      announceTierChange(context.realtime, [result.notice]);
      return redirectWithToast(backTo, { kind: "success", title: "Award renewed" });
    }
    if (intent === "revoke") {
      const parsed = parseForm(RevokeSchema, formData);
      if (!parsed.ok)
        return formErrors({
          fieldErrors: parsed.fieldErrors,
          values: parsed.values,
          formError: "The award was not revoked. Give a reason.",
        });
      const result = await revokeAward(context.db, actor, id.data.awardId, parsed.data);
      announceTierChange(context.realtime, [result.notice]);
      return redirectWithToast(backTo, { kind: "success", title: "Award revoked" });
    }
    return formErrors({ formError: "That request was not understood." });
  } catch (error) {
    return answerDomainError(error, values);
  }
}

export default function ManageAwards() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const v = actionData?.values;
  const isGrant = v?.intent === "grant" || !v?.intent;
  const grantErrors = isGrant ? (actionData?.fieldErrors ?? {}) : {};
  const errorFor = (awardId: number, intent: string) =>
    v?.awardId === String(awardId) && v?.intent === intent ? actionData : undefined;
  return (
    <div className="space-y-8">
      <Card className="p-6">
        <h2 className="text-lg font-semibold">Grant an award</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          Awarded tiers are for verified customers, for a term, with a reason they will read. They
          are told at once, wherever they are signed in.
        </p>
        <Form method="post" className="mt-5 space-y-4" noValidate>
          <input type="hidden" name="intent" value="grant" />
          {isGrant ? <FormError message={actionData?.formError} /> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Advocate's handle"
              name="handle"
              placeholder="catie"
              defaultValue={isGrant ? (v?.handle ?? data.handle) : data.handle}
              error={grantErrors.handle}
              required
            />
            <SelectField
              label="Tier"
              name="tierId"
              defaultValue={isGrant ? v?.tierId : undefined}
              error={grantErrors.tierId}
            >
              {data.awardable.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({t.termMonths}-month term)
                </option>
              ))}
            </SelectField>
            <TextField
              label="Term starts"
              name="termStart"
              type="date"
              defaultValue={
                isGrant ? (v?.termStart ?? data.defaults.termStart) : data.defaults.termStart
              }
              error={grantErrors.termStart}
            />
            <TextField
              label="Term ends"
              name="termEnd"
              type="date"
              defaultValue={isGrant ? (v?.termEnd ?? data.defaults.termEnd) : data.defaults.termEnd}
              error={grantErrors.termEnd}
            />
          </div>
          <TextAreaField
            label="Reason"
            name="reason"
            rows={3}
            defaultValue={isGrant ? v?.reason : undefined}
            error={grantErrors.reason}
            hint="Shown to the advocate and kept in their tier history."
          />
          <div className="flex justify-end">
            <Button type="submit" disabled={busy}>
              Grant award
            </Button>
          </div>
        </Form>
      </Card>

      <section className="space-y-4" aria-labelledby="awards-heading">
        <h2 id="awards-heading" className="text-lg font-semibold">
          Awards
        </h2>
        <Segmented
          label="Award status"
          current={data.status}
          items={[
            { key: "active", to: "/manage/tiers", label: "Active" },
            { key: "ended", to: "/manage/tiers?status=ended", label: "Revoked and lapsed" },
          ]}
        />
        {data.rows.length === 0 ? (
          <EmptyState title={data.status === "active" ? "No active awards" : "No ended awards"}>
            {data.status === "active"
              ? "Grant one above, or accept a nomination."
              : "Revoked and lapsed awards appear here."}
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {data.rows.map((award) => {
              const renewError = errorFor(award.id, "renew");
              const revokeError = errorFor(award.id, "revoke");
              return (
                <li key={award.id} data-testid={`award-${award.handle}`}>
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
                        <p className="mt-1 text-sm italic text-stone-700 dark:text-stone-300">
                          “{award.reason}”
                        </p>
                      </div>
                    </div>
                    {award.status === "active" ? (
                      <div className="mt-4 grid gap-4 lg:grid-cols-2">
                        <details
                          open={Boolean(renewError)}
                          className="rounded-lg border border-stone-200 p-3 dark:border-stone-800"
                        >
                          <summary className="cursor-pointer text-sm font-medium">Renew</summary>
                          <Form method="post" className="mt-3 space-y-3" noValidate>
                            <input type="hidden" name="intent" value="renew" />
                            <input type="hidden" name="awardId" value={award.id} />
                            <FormError message={renewError?.formError} />
                            <div className="grid gap-3 sm:grid-cols-2">
                              <TextField
                                label="New term starts"
                                name="termStart"
                                type="date"
                                defaultValue={
                                  renewError?.values?.termStart ?? dateInputValue(award.termEnd)
                                }
                                error={renewError?.fieldErrors?.termStart}
                              />
                              <TextField
                                label="New term ends"
                                name="termEnd"
                                type="date"
                                defaultValue={
                                  renewError?.values?.termEnd ??
                                  dateInputValue(addMonths(new Date(award.termEnd), 12))
                                }
                                error={renewError?.fieldErrors?.termEnd}
                              />
                            </div>
                            <TextField
                              label="Reason"
                              name="reason"
                              defaultValue={renewError?.values?.reason}
                              error={renewError?.fieldErrors?.reason}
                            />
                            <Button type="submit" size="sm" disabled={busy}>
                              Renew award
                            </Button>
                          </Form>
                        </details>
                        <details
                          open={Boolean(revokeError)}
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
                              if (
                                !confirm(`Revoke ${award.displayName}'s ${award.tierName} award?`)
                              )
                                e.preventDefault();
                            }}
                          >
                            <input type="hidden" name="intent" value="revoke" />
                            <input type="hidden" name="awardId" value={award.id} />
                            <FormError message={revokeError?.formError} />
                            <TextField
                              label="Reason"
                              name="reason"
                              defaultValue={revokeError?.values?.reason}
                              error={revokeError?.fieldErrors?.reason}
                            />
                            <Button type="submit" size="sm" variant="danger" disabled={busy}>
                              Revoke award
                            </Button>
                          </Form>
                        </details>
                      </div>
                    ) : null}
                  </Card>
                </li>
              );
            })}
          </ul>
        )}
        <Pagination page={data.page} pageCount={data.pageCount} />
      </section>
    </div>
  );
}

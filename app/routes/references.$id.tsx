import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Container } from "~/components/app-shell.tsx";
import { ReferenceDetails } from "~/components/promoters/reference-details.tsx";
import { ReferenceStatusBadge } from "~/components/advocacy/reference-status.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, SelectField } from "~/components/ui/field.tsx";
import {
  cancelReference,
  completeReference,
  rateReference,
  respondToReference,
} from "~/modules/promoters/reference-lifecycle.server.ts";
import { getReferenceRequest } from "~/modules/promoters/reference-reads.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formErrors, parseIntent } from "~/utils/forms.ts";
import { answerDomainError, orErrorPage } from "~/utils/http.server.ts";
import { idParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("references.detail.metaTitle") },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const reference = await orErrorPage(getReferenceRequest(context.db, user, idParam(params.id)));
  return json({ reference, viewerId: user.id });
}

const helpfulField = z
  .enum(["yes", "no", ""])
  .default("")
  .transform((v) => (v === "yes" ? true : v === "no" ? false : null));

const ActionSchemas = {
  accept: z.object({}),
  decline: z.object({}),
  complete: z.object({ helpful: helpfulField }),
  rate: z.object({ helpful: z.enum(["yes", "no"]).transform((v) => v === "yes") }),
  cancel: z.object({ reason: z.string().trim().max(300).default("") }),
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireUser(request, context);
  const requestId = idParam(params.id);
  const { t } = i18nFor(await localeOf(request, context));
  const parsed = parseIntent(await request.formData(), ActionSchemas);
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      formError: t("references.detail.incomplete"),
    });
  const back = `/references/${requestId}`;
  const run = await commandContext(request, context);
  try {
    switch (parsed.intent) {
      case "accept":
      case "decline": {
        await respondToReference(run, { requestId, decision: parsed.intent });
        return redirectWithToast(back, {
          kind: "success",
          title:
            parsed.intent === "accept"
              ? t("references.detail.accepted")
              : t("references.detail.declined"),
          description:
            parsed.intent === "decline" ? t("references.detail.declinedBody") : undefined,
        });
      }
      case "complete": {
        const { request: updated } = await completeReference(run, {
          requestId,
          helpful: parsed.data.helpful,
        });
        return redirectWithToast(back, {
          kind: "success",
          title:
            updated.status === "completed"
              ? t("references.detail.completed")
              : t("references.detail.held"),
          description:
            updated.status === "completed"
              ? t("references.detail.completedBody")
              : t("references.detail.heldBody"),
        });
      }
      case "rate":
        await rateReference(run, { requestId, helpful: parsed.data.helpful });
        return redirectWithToast(back, { kind: "success", title: t("references.detail.thanks") });
      case "cancel": {
        await cancelReference(run, { requestId, reason: parsed.data.reason });
        return redirectWithToast(back, {
          kind: "success",
          title: t("references.detail.cancelled"),
        });
      }
    }
  } catch (error) {
    return answerDomainError(error);
  }
}

export default function ReferenceRequestPage() {
  const { reference: r, viewerId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t } = useTranslation();
  const isAdvocate = viewerId === r.advocate_id;
  const isProspect = viewerId === r.prospect_id;
  const mayCancel =
    ["queued", "pending", "accepted"].includes(r.status) &&
    (isProspect || viewerId === r.requested_by);
  const ownDone = isAdvocate
    ? r.advocate_completed_at
    : isProspect
      ? r.prospect_completed_at
      : null;
  return (
    <Container className="max-w-3xl">
      <p className="mb-4 text-sm">
        <Link to="/references" className="font-medium text-brand-700 underline dark:text-brand-300">
          {t("references.detail.back")}
        </Link>
      </p>
      <Card className="p-6 sm:p-8">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-bold tracking-tight">{r.topic}</h1>
          <span data-testid="reference-status">
            <ReferenceStatusBadge status={r.status} />
          </span>
        </div>
        <ReferenceDetails reference={r} />

        <div className="mt-8 space-y-4">
          <FormError message={actionData?.formError} />
          {isAdvocate && r.status === "pending" ? (
            <div className="flex flex-wrap gap-3">
              <Form method="post">
                <input type="hidden" name="intent" value="accept" />
                <Button type="submit" disabled={busy}>
                  {t("references.detail.accept")}
                </Button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="decline" />
                <Button type="submit" variant="secondary" disabled={busy}>
                  {t("references.detail.decline")}
                </Button>
              </Form>
              <p className="w-full text-sm text-stone-600 dark:text-stone-400">
                {t("references.detail.declineNote")}
              </p>
            </div>
          ) : null}
          {(isAdvocate || isProspect) && r.status === "accepted" && !ownDone ? (
            <Form method="post" className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="complete" />
              {isProspect ? (
                <SelectField label={t("references.detail.helpful")} name="helpful" defaultValue="">
                  <option value="">{t("references.detail.ratherNot")}</option>
                  <option value="yes">{t("references.detail.yesHelped")}</option>
                  <option value="no">{t("references.detail.notReally")}</option>
                </SelectField>
              ) : null}
              <Button type="submit" disabled={busy}>
                {t("references.detail.markCompleted")}
              </Button>
            </Form>
          ) : null}
          {(isAdvocate || isProspect) && r.status === "accepted" && ownDone ? (
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {t("references.detail.youMarked")}
            </p>
          ) : null}
          {isProspect && r.prospect_completed_at && r.helpful === null ? (
            <Form method="post" className="flex flex-wrap items-center gap-3">
              <input type="hidden" name="intent" value="rate" />
              <span className="text-sm">{t("references.detail.didItHelp")}</span>
              <Button
                type="submit"
                name="helpful"
                value="yes"
                size="sm"
                variant="secondary"
                disabled={busy}
              >
                {t("references.detail.yes")}
              </Button>
              <Button
                type="submit"
                name="helpful"
                value="no"
                size="sm"
                variant="ghost"
                disabled={busy}
              >
                {t("references.detail.notReally")}
              </Button>
            </Form>
          ) : null}
          {mayCancel ? (
            <Form
              method="post"
              onSubmit={(e) => {
                if (!confirm(t("references.detail.confirmCancel"))) e.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value="cancel" />
              <Button type="submit" variant="ghost" size="sm" disabled={busy}>
                {t("references.detail.cancel")}
              </Button>
            </Form>
          ) : null}
        </div>
      </Card>
    </Container>
  );
}

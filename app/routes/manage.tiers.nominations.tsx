import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { useFormats } from "~/i18n/use-formats.ts";
import { Segmented } from "~/components/tiers/segmented.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { decideNomination, listNominations } from "~/modules/tiers/nominations.server.ts";
import { DecisionSchema } from "~/modules/tiers/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formValues, invalidForm, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { pageParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageTiers.nominations.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageTierAwards);
  const url = new URL(request.url);
  const status = url.searchParams.get("status") === "decided" ? "decided" : "open";
  const page = pageParam(url.searchParams.get("page"));
  return json({ ...(await listNominations(context.db, { status, page })), status });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageTierAwards);
  const formData = await request.formData();
  const { t } = i18nFor(await localeOf(request, context));
  const parsed = parseForm(DecisionSchema, formData);
  if (!parsed.ok)
    return invalidForm({
      ...parsed,
      formError: parsed.fieldErrors.nominationId ?? t("manageTiers.nominations.notDecided"),
    });
  try {
    const result = await decideNomination(await commandContext(request, context), parsed.data);
    return redirectWithToast("/manage/tiers/nominations", {
      kind: "success",
      title:
        result.status === "accepted"
          ? t("manageTiers.nominations.acceptedToast")
          : t("manageTiers.nominations.declinedToast"),
      description: t("manageTiers.nominations.told", { name: result.nomineeName }),
    });
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function NominationQueue() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t } = useTranslation();
  const { day, count } = useFormats();
  const formatDate = (value: string | null | undefined) => (value ? day(value) : "");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {data.status === "open"
            ? t("manageTiers.nominations.openIntro")
            : t("manageTiers.nominations.decidedIntro")}
        </p>
        <Segmented
          label={t("manageTiers.nominations.status")}
          current={data.status}
          items={[
            {
              key: "open",
              to: "/manage/tiers/nominations",
              label: t("manageTiers.nominations.open"),
            },
            {
              key: "decided",
              to: "/manage/tiers/nominations?status=decided",
              label: t("manageTiers.nominations.decided"),
            },
          ]}
        />
      </div>
      {data.rows.length === 0 ? (
        <EmptyState
          title={
            data.status === "open"
              ? t("manageTiers.nominations.emptyQueue")
              : t("manageTiers.nominations.noneDecided")
          }
        >
          {t("manageTiers.nominations.emptyText")}
        </EmptyState>
      ) : (
        <ul className="space-y-4">
          {data.rows.map((n) => {
            const mine = actionData?.values?.nominationId === String(n.id) ? actionData : undefined;
            const { field, formError } = formFields<typeof DecisionSchema>(mine);
            return (
              <li key={n.id} data-testid={`nomination-${n.nomineeHandle}`}>
                <Card className="p-5">
                  <p className="font-semibold">
                    <Link to={`/u/${n.nomineeHandle}`} className="hover:underline">
                      {n.nomineeName}
                    </Link>{" "}
                    {t("manageTiers.nominations.for")} <Badge tone="spot">{n.tierName}</Badge>{" "}
                    {n.status !== "open" ? (
                      <Badge tone={n.status === "accepted" ? "brand" : "neutral"}>
                        {n.status === "accepted"
                          ? t("manageTiers.nominations.statusAccepted")
                          : t("manageTiers.nominations.statusDeclined")}
                      </Badge>
                    ) : null}
                  </p>
                  <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                    {t("manageTiers.nominations.nominated", { date: formatDate(n.createdAt) })}
                    {n.nominatorName ? (
                      <>
                        {" "}
                        {t("manageTiers.nominations.by")}{" "}
                        <Link to={`/u/${n.nominatorHandle}`} className="underline">
                          {n.nominatorName}
                        </Link>
                      </>
                    ) : null}{" "}
                    ·{" "}
                    {t("manageTiers.nominations.reputation", {
                      reputation: count(n.reputation),
                    })}
                  </p>
                  <p className="mt-3 whitespace-pre-line text-sm text-stone-800 dark:text-stone-200">
                    {n.reason}
                  </p>
                  {n.evidenceLinks.length ? (
                    <ul className="mt-2 space-y-1 text-sm">
                      {n.evidenceLinks.map((link) => (
                        <li key={link}>
                          <a
                            href={link}
                            rel="nofollow noopener noreferrer"
                            target="_blank"
                            className="break-all text-brand-700 underline dark:text-brand-300"
                          >
                            {link}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {n.status === "open" ? (
                    <Form method="post" className="mt-4 space-y-3" noValidate>
                      <input type="hidden" name="nominationId" value={n.id} />
                      <FormError message={formError} />
                      <TextField
                        label={t("manageTiers.nominations.reason")}
                        hint={t("manageTiers.nominations.reasonHint")}
                        {...field("reason")}
                      />
                      <div className="flex flex-wrap gap-2">
                        <Button
                          type="submit"
                          name="decision"
                          value="accept"
                          size="sm"
                          disabled={busy}
                        >
                          {t("manageTiers.nominations.accept", { tier: n.tierName })}
                        </Button>
                        <Button
                          type="submit"
                          name="decision"
                          value="decline"
                          size="sm"
                          variant="secondary"
                          disabled={busy}
                        >
                          {t("manageTiers.nominations.decline")}
                        </Button>
                      </div>
                    </Form>
                  ) : (
                    <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
                      {n.deciderName
                        ? t(
                            n.status === "accepted"
                              ? "manageTiers.nominations.acceptedBy"
                              : "manageTiers.nominations.declinedBy",
                            { date: formatDate(n.decidedAt), name: n.deciderName },
                          )
                        : t(
                            n.status === "accepted"
                              ? "manageTiers.nominations.acceptedOn"
                              : "manageTiers.nominations.declinedOn",
                            { date: formatDate(n.decidedAt) },
                          )}
                      {t("manageTiers.nominations.quoted", { reason: n.decisionReason })}
                    </p>
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}

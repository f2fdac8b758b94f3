import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { AwardCard, GrantForm } from "~/components/tiers/awards.tsx";
import { dateInputValue } from "~/components/tiers/format.ts";
import { Segmented } from "~/components/tiers/segmented.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { listAwards } from "~/modules/tiers/award-list.server.ts";
import { grantTier, renewAward, revokeAward } from "~/modules/tiers/awards.server.ts";
import { listTiers } from "~/modules/tiers/catalogue.server.ts";
import { addMonths } from "~/modules/tiers/rules.ts";
import { GrantSchema, RenewSchema, RevokeSchema } from "~/modules/tiers/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formValues, invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { pageParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageTiers.awards.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageTierAwards);
  const url = new URL(request.url);
  const status = url.searchParams.get("status") === "ended" ? "ended" : "active";
  const page = pageParam(url.searchParams.get("page"));
  const [awards, tiers] = await Promise.all([
    listAwards(context.db, { status, page }),
    listTiers(context.db),
  ]);
  const today = new Date(new Date().toISOString().slice(0, 10));
  return json({
    ...awards,
    status,
    awardable: tiers
      .filter((t) => t.kind === "awarded")
      .sort((a, b) => b.rank - a.rank)
      .map((t) => ({ id: t.id, name: t.name, termMonths: t.term_months ?? 12 })),
    defaults: {
      handle: url.searchParams.get("handle") ?? "",
      termStart: dateInputValue(today),
      termEnd: dateInputValue(addMonths(today, 12)),
    },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageTierAwards);
  const formData = await request.formData();
  const { t } = i18nFor(await localeOf(request, context));
  const NOT_DONE = {
    grant: t("manageTiers.awards.notGranted"),
    renew: t("manageTiers.awards.notRenewed"),
    revoke: t("manageTiers.awards.notRevoked"),
  };
  const back = new URL(request.url);
  const backTo = `${back.pathname}${back.search}`;
  const submission = parseIntent(formData, {
    grant: GrantSchema,
    renew: RenewSchema,
    revoke: RevokeSchema,
  });
  if (!submission.ok) {
    const intent = submission.values.intent as keyof typeof NOT_DONE;
    const formError = submission.formError ?? submission.fieldErrors.awardId ?? NOT_DONE[intent];
    return invalidForm({ ...submission, formError });
  }
  try {
    const ctx = await commandContext(request, context);
    switch (submission.intent) {
      case "grant":
        await grantTier(ctx, submission.data);
        // Back to the list without ?handle=, so the emptied form does not name them again.
        back.searchParams.delete("handle");
        return redirectWithToast(`${back.pathname}${back.search}`, {
          kind: "success",
          title: t("manageTiers.awards.granted"),
          description: t("manageTiers.awards.told", { handle: submission.data.handle }),
        });
      case "renew":
        await renewAward(ctx, submission.data);
        return redirectWithToast(backTo, {
          kind: "success",
          title: t("manageTiers.awards.renewed"),
        });
      case "revoke":
        await revokeAward(ctx, submission.data);
        return redirectWithToast(backTo, {
          kind: "success",
          title: t("manageTiers.awards.revoked"),
        });
    }
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function ManageAwards() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <GrantForm
        actionData={actionData}
        awardable={data.awardable}
        defaults={data.defaults}
        busy={busy}
      />
      <section className="space-y-4" aria-labelledby="awards-heading">
        <h2 id="awards-heading" className="text-lg font-semibold">
          {t("manageTiers.awards.heading")}
        </h2>
        <Segmented
          label={t("manageTiers.awards.status")}
          current={data.status}
          items={[
            { key: "active", to: "/manage/tiers", label: t("manageTiers.awards.active") },
            {
              key: "ended",
              to: "/manage/tiers?status=ended",
              label: t("manageTiers.awards.ended"),
            },
          ]}
        />
        {data.rows.length === 0 ? (
          <EmptyState
            title={
              data.status === "active"
                ? t("manageTiers.awards.noActive")
                : t("manageTiers.awards.noEnded")
            }
          >
            {data.status === "active"
              ? t("manageTiers.awards.noActiveText")
              : t("manageTiers.awards.noEndedText")}
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {data.rows.map((award) => (
              <li key={award.id} data-testid={`award-${award.handle}`}>
                <AwardCard award={award} actionData={actionData} busy={busy} />
              </li>
            ))}
          </ul>
        )}
        <Pagination page={data.page} pageCount={data.pageCount} />
      </section>
    </div>
  );
}

import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
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

export const meta: MetaFunction = () => [{ title: "Tier awards · Manage · Limelight" }];

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

const NOT_DONE = {
  grant: "The award was not granted. Check the fields below.",
  renew: "The award was not renewed. Check the fields below.",
  revoke: "The award was not revoked. Give a reason.",
};

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageTierAwards);
  const formData = await request.formData();
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
          title: "Tier granted",
          description: `@${submission.data.handle} has been told.`,
        });
      case "renew":
        await renewAward(ctx, submission.data);
        return redirectWithToast(backTo, { kind: "success", title: "Award renewed" });
      case "revoke":
        await revokeAward(ctx, submission.data);
        return redirectWithToast(backTo, { kind: "success", title: "Award revoked" });
    }
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function ManageAwards() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
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

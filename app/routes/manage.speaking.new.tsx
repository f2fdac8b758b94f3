import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { OpportunityForm } from "~/components/advocacy/opportunity-form.tsx";
import { policy } from "~/modules/access/policy.ts";
import { talkPointsByFormat } from "~/modules/advocacy/points.server.ts";
import { createOpportunity } from "~/modules/advocacy/opportunities.server.ts";
import { OpportunitySchema } from "~/modules/advocacy/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Post a speaking opportunity · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageSpeaking);
  return json({ pointsByFormat: await talkPointsByFormat(context.db) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageSpeaking);
  const parsed = parseForm(OpportunitySchema, await request.formData());
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: "Some fields need your attention. Nothing was posted yet.",
    });
  try {
    const opportunity = await createOpportunity(
      await commandContext(request, context),
      parsed.data,
    );
    return redirectWithToast(`/manage/speaking/${opportunity.id}`, {
      kind: "success",
      title: "Opportunity posted",
      description: "Advocates who are open to speaking can apply now.",
    });
  } catch (error) {
    return answerDomainError(error);
  }
}

export default function NewOpportunity() {
  const { pointsByFormat } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="space-y-4">
      <Link
        to="/manage/speaking"
        className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
      >
        ← Speaking
      </Link>
      <h2 className="text-xl font-semibold">Post a speaking opportunity</h2>
      <OpportunityForm
        actionData={actionData}
        saved={{ timeZone: "UTC", format: "conference" }}
        busy={busy}
        submitLabel="Post opportunity"
        showStatus={false}
        pointsByFormat={pointsByFormat}
      />
    </div>
  );
}

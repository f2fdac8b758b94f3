import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import { isVerifiedCustomer } from "~/modules/access/policy.ts";
import { getMonthlyCap, requestsThisMonth } from "~/modules/promoters/reference-caps.server.ts";
import { setMonthlyCap } from "~/modules/promoters/reference-queue.server.ts";
import { MonthlyCapSchema } from "~/modules/promoters/validation.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { openToOf } from "~/modules/profiles/pickers.server.ts";

export const meta: MetaFunction = () => [{ title: "Reference limit · Settings · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [cap, used, openTo] = await Promise.all([
    getMonthlyCap(context.db, user.id),
    requestsThisMonth(context.db, user.id),
    openToOf(context.db, user.id),
  ]);
  return json({
    cap,
    used,
    openToReferences: openTo.references,
    isAdvocate: isVerifiedCustomer(user),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const parsed = parseForm(MonthlyCapSchema, await request.formData());
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: "Nothing was saved yet.",
    });
  const delivered = await setMonthlyCap(await commandContext(request, context), {
    cap: parsed.data.monthlyCap,
  });
  return redirectWithToast("/settings/references", {
    kind: "success",
    title: "Monthly limit saved",
    description: delivered.length
      ? `${delivered.length} waiting request${delivered.length === 1 ? "" : "s"} reached you.`
      : undefined,
  });
}

export default function ReferenceSettings() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { field } = formFields<typeof MonthlyCapSchema>(actionData, { monthlyCap: data.cap });
  return (
    <Card className="space-y-5 p-6">
      <div>
        <h2 className="text-lg font-semibold">Reference conversations</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          How many new conversation requests may reach you each calendar month. When you reach it,
          new requests wait for next month or go to a similar advocate. Declined requests do not
          count.
        </p>
      </div>
      {!data.openToReferences ? (
        <p className="rounded-lg bg-stone-100 px-4 py-3 text-sm dark:bg-stone-800">
          You are not open to references now, so nobody can ask. Turn on “References” in{" "}
          <Link
            to="/settings/profile"
            className="font-medium text-brand-700 underline dark:text-brand-300"
          >
            your profile
          </Link>{" "}
          to be asked.
        </p>
      ) : null}
      <Form method="post" className="space-y-4" noValidate>
        <FormError message={actionData?.formError} />
        <TextField
          label="Conversations a month"
          type="number"
          min={0}
          max={20}
          {...field("monthlyCap")}
          hint={`This month: ${data.used} so far. 0 pauses new requests.`}
          className="max-w-xs"
        />
        <Button type="submit" disabled={busy}>
          Save limit
        </Button>
      </Form>
      <p className="text-sm">
        <Link to="/references" className="font-medium text-brand-700 underline dark:text-brand-300">
          See your requests
        </Link>
      </p>
    </Card>
  );
}

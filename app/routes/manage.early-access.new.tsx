import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ItemForm } from "~/components/tiers/item-form.tsx";
import { dateInputValue } from "~/components/tiers/format.ts";
import { policy } from "~/modules/access/policy.ts";
import { parseItemForm } from "~/modules/early-access/form.ts";
import { KIND_LABELS } from "~/modules/early-access/items.server.ts";
import { createItem } from "~/modules/early-access/manage.server.ts";
import { listTiers } from "~/modules/tiers/catalogue.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formValues, invalidForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "New early-access item · Manage · Limelight" }];

const DAY = 86_400_000;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageEarlyAccess);
  const tiers = (await listTiers(context.db)).sort((a, b) => b.rank - a.rank);
  // The usual cascade: the top tier today, the next in 14 days, the one after in 30.
  const offsets = [0, 14, 30];
  const today = new Date();
  const opens: Record<string, string> = {};
  tiers
    .filter((t) => t.kind !== "base")
    .forEach((t, i) => {
      if (i < offsets.length)
        opens[String(t.id)] = dateInputValue(new Date(today.getTime() + offsets[i] * DAY));
    });
  return json({
    tiers: tiers.map((t) => ({ id: t.id, name: t.name, rank: t.rank })),
    kinds: Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label })),
    opens,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageEarlyAccess);
  const formData = await request.formData();
  const tiers = await listTiers(context.db);
  const parsed = parseItemForm(
    formData,
    tiers.map((t) => t.id),
  );
  if (!parsed.ok)
    return invalidForm({
      ...parsed,
      formError: "Some fields need your attention. Nothing was saved yet.",
    });
  const publish = formData.get("publish") === "yes";
  try {
    const item = await createItem(await commandContext(request, context), {
      ...parsed.data,
      publish,
    });
    return redirectWithToast(`/manage/early-access/${item.id}`, {
      kind: "success",
      title: publish ? "Published" : "Saved as a draft",
      description: publish
        ? "Each tier sees it from its date in the cascade."
        : "Nobody but the community team sees it until you publish.",
    });
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function NewEarlyAccessItem() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">New early-access item</h2>
        <Link to="/manage/early-access" className="text-sm font-medium underline">
          Back to the list
        </Link>
      </div>
      <ItemForm
        tiers={data.tiers}
        kinds={data.kinds}
        actionData={actionData}
        saved={{
          title: "",
          teaser: "",
          summary: "",
          body: "",
          kind: "briefing",
          downloadUrl: "",
          recordingUrl: "",
          requiresNda: false,
          publicAt: "",
        }}
        opens={data.opens}
        busy={navigation.state === "submitting"}
        submitLabel="Save draft"
        offerPublish
      />
    </div>
  );
}

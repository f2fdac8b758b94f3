import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { ItemForm } from "~/components/tiers/item-form.tsx";
import { dateInputValue } from "~/components/tiers/format.ts";
import { policy } from "~/modules/access/policy.ts";
import { parseItemForm } from "~/modules/early-access/form.ts";
import { createItem } from "~/modules/early-access/manage.server.ts";
import { listTiers } from "~/modules/tiers/catalogue.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formValues, invalidForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageEarlyAccess.newMetaTitle") },
];

const DAY = 86_400_000;

const kindsIn = (t: TFunction) => [
  { value: "release", label: t("manageEarlyAccess.kind.release") },
  { value: "briefing", label: t("manageEarlyAccess.kind.briefing") },
  { value: "roadmap", label: t("manageEarlyAccess.kind.roadmap") },
  { value: "insider", label: t("manageEarlyAccess.kind.insider") },
  { value: "recording", label: t("manageEarlyAccess.kind.recording") },
];

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
    kinds: kindsIn(i18nFor(await localeOf(request, context)).t),
    opens,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageEarlyAccess);
  const formData = await request.formData();
  const { t } = i18nFor(await localeOf(request, context));
  const tiers = await listTiers(context.db);
  const parsed = parseItemForm(
    formData,
    tiers.map((t) => t.id),
  );
  if (!parsed.ok)
    return invalidForm({
      ...parsed,
      formError: t("manageEarlyAccess.needsAttention"),
    });
  const publish = formData.get("publish") === "yes";
  try {
    const item = await createItem(await commandContext(request, context), {
      ...parsed.data,
      publish,
    });
    return redirectWithToast(`/manage/early-access/${item.id}`, {
      kind: "success",
      title: publish ? t("manageEarlyAccess.publishedToast") : t("manageEarlyAccess.savedDraft"),
      description: publish ? t("manageEarlyAccess.cascadeNote") : t("manageEarlyAccess.draftNote"),
    });
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function NewEarlyAccessItem() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">{t("manageEarlyAccess.newHeading")}</h2>
        <Link to="/manage/early-access" className="text-sm font-medium underline">
          {t("manageEarlyAccess.back")}
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
        submitLabel={t("manageEarlyAccess.saveDraft")}
        offerPublish
      />
    </div>
  );
}

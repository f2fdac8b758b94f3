import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { ItemForm } from "~/components/tiers/item-form.tsx";
import { dateInputValue } from "~/components/tiers/format.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { policy } from "~/modules/access/policy.ts";
import { parseItemForm } from "~/modules/early-access/form.ts";
import {
  getItemForEditing,
  setPublished,
  updateItem,
} from "~/modules/early-access/manage.server.ts";
import { listTiers } from "~/modules/tiers/catalogue.server.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { NotFoundError } from "~/utils/errors.ts";
import { formValues, invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError, errorPage, orErrorPage } from "~/utils/http.server.ts";
import { idParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    {
      title: t("manageEarlyAccess.itemMetaTitle", {
        title: data?.item.title ?? t("manageEarlyAccess.item"),
      }),
    },
    { name: "robots", content: "noindex" },
  ];
};

const kindsIn = (t: TFunction) => [
  { value: "release", label: t("manageEarlyAccess.kind.release") },
  { value: "briefing", label: t("manageEarlyAccess.kind.briefing") },
  { value: "roadmap", label: t("manageEarlyAccess.kind.roadmap") },
  { value: "insider", label: t("manageEarlyAccess.kind.insider") },
  { value: "recording", label: t("manageEarlyAccess.kind.recording") },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageEarlyAccess);
  const id = idParam(params.id);
  const { item, releases } = await orErrorPage(
    getItemForEditing(context.db, await getViewer(request, context), id),
  );
  const tiers = (await listTiers(context.db)).sort((a, b) => b.rank - a.rank);
  return json({
    item: {
      id: item.id,
      slug: item.slug,
      title: item.title,
      teaser: item.teaser,
      summary: item.summary,
      body: item.body_md,
      kind: item.kind,
      downloadUrl: item.download_url ?? "",
      recordingUrl: item.recording_url ?? "",
      requiresNda: item.requires_nda,
      status: item.status,
      publicAt: dateInputValue(item.public_at),
    },
    opens: Object.fromEntries(releases.map((r) => [String(r.tier_id), dateInputValue(r.opens_at)])),
    tiers: tiers.map((t) => ({ id: t.id, name: t.name, rank: t.rank })),
    kinds: kindsIn(i18nFor(await localeOf(request, context)).t),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageEarlyAccess);
  const itemId = idParam(params.id);
  const formData = await request.formData();
  const { t } = i18nFor(await localeOf(request, context));
  const submission = parseIntent(formData, {
    publish: z.object({}),
    unpublish: z.object({}),
    save: z.object({}),
  });
  if (!submission.ok) return invalidForm(submission);
  try {
    const ctx = await commandContext(request, context);
    if (submission.intent !== "save") {
      const published = submission.intent === "publish";
      const item = await setPublished(ctx, { itemId, published });
      return redirectWithToast(`/manage/early-access/${itemId}`, {
        kind: "success",
        title: published
          ? t("manageEarlyAccess.publishedTitle", { title: item.title })
          : t("manageEarlyAccess.draftAgain", { title: item.title }),
        description: published
          ? t("manageEarlyAccess.cascadeNote")
          : t("manageEarlyAccess.teamOnlyNow"),
      });
    }
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
    await updateItem(ctx, { ...parsed.data, itemId });
    return redirectWithToast(`/manage/early-access/${itemId}`, {
      kind: "success",
      title: t("manageEarlyAccess.saved"),
    });
  } catch (error) {
    if (error instanceof NotFoundError) errorPage(error);
    return answerDomainError(error, formValues(formData));
  }
}

export default function EditEarlyAccessItem() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t } = useTranslation();
  const v = actionData?.values;
  const opens: Record<string, string> = {};
  for (const t of data.tiers)
    opens[String(t.id)] = v ? (v[`opens-${t.id}`] ?? "") : (data.opens[String(t.id)] ?? "");
  const published = data.item.status === "published";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <h2 className="text-lg font-semibold">{t("manageEarlyAccess.editHeading")}</h2>
          <Badge tone={published ? "info" : "neutral"}>
            {published ? t("manageEarlyAccess.published") : t("manageEarlyAccess.draft")}
          </Badge>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Link to="/manage/early-access" className={buttonClass("ghost", "sm")}>
            {t("manageEarlyAccess.back")}
          </Link>
          <Link
            to={`/manage/early-access/log?item=${data.item.id}`}
            className={buttonClass("ghost", "sm")}
          >
            {t("manageEarlyAccess.whoOpened")}
          </Link>
          {published ? (
            <Link to={`/early-access/${data.item.slug}`} className={buttonClass("secondary", "sm")}>
              {t("manageEarlyAccess.view")}
            </Link>
          ) : null}
          <Form
            method="post"
            onSubmit={(e) => {
              if (published && !confirm(t("manageEarlyAccess.confirmUnpublish")))
                e.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value={published ? "unpublish" : "publish"} />
            <Button
              type="submit"
              size="sm"
              variant={published ? "danger" : "primary"}
              disabled={busy}
            >
              {published ? t("manageEarlyAccess.unpublish") : t("manageEarlyAccess.publish")}
            </Button>
          </Form>
        </div>
      </div>
      {!published ? (
        <Card className="p-4 text-sm text-stone-700 dark:text-stone-300">
          {t("manageEarlyAccess.draftsNote")}
        </Card>
      ) : null}
      <ItemForm
        tiers={data.tiers}
        kinds={data.kinds}
        actionData={actionData}
        saved={data.item}
        opens={data.opens}
        busy={busy}
        submitLabel={t("manageEarlyAccess.saveChanges")}
      />
    </div>
  );
}

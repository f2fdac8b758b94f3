import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DeliveryLog } from "~/components/integrations/delivery-log.tsx";
import { EndpointForm } from "~/components/integrations/endpoint-form.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { WEBHOOK_EVENTS } from "~/modules/integrations/events.ts";
import { EndpointSchema, withGroups } from "~/modules/integrations/forms.server.ts";
import {
  getWebhookEndpoint,
  listWebhookDeliveries,
  redeliverWebhook,
  updateWebhookEndpoint,
} from "~/modules/integrations/webhooks.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import type { ActionError } from "~/utils/form-fields.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError, orErrorPage } from "~/utils/http.server.ts";
import { idParam, pageParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("integrations.endpointMetaTitle") },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAllowed(request, context, "manageIntegrations");
  const id = idParam(params.id);
  const endpoint = await orErrorPage(getWebhookEndpoint(context.db, id));
  const page = pageParam(new URL(request.url).searchParams.get("page"));
  return json({ endpoint, deliveries: await listWebhookDeliveries(context.db, id, page) });
}

const RedeliverSchema = z.object({ messageId: z.coerce.number().int().min(1).max(2_147_483_647) });

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireAllowed(request, context, "manageIntegrations");
  const id = idParam(params.id);
  const formData = withGroups(await request.formData(), ["events"]);
  const parsed = parseIntent(formData, { update: EndpointSchema, redeliver: RedeliverSchema });
  if (!parsed.ok) return invalidForm(parsed);
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const ctx = await commandContext(request, context);
  const { t } = i18nFor(await localeOf(request, context));
  try {
    if (parsed.intent === "update") {
      await updateWebhookEndpoint(ctx, {
        ...parsed.data,
        id,
        production: context.env.NODE_ENV === "production",
      });
      return redirectWithToast(`/manage/integrations/webhooks/${id}`, {
        kind: "success",
        title: t("integrations.endpointSaved"),
      });
    }
    await redeliverWebhook(ctx, { endpointId: id, messageId: parsed.data.messageId });
    return redirectWithToast(`/manage/integrations/webhooks/${id}`, {
      kind: "success",
      title: t("integrations.resent"),
    });
  } catch (error) {
    return answerDomainError(error, values);
  }
}

export default function WebhookEndpoint() {
  const { endpoint, deliveries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionError | undefined;
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <Link to="/manage/integrations/webhooks" className="text-sm hover:underline">
        {t("integrations.allEndpoints")}
      </Link>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <section className="space-y-4" aria-labelledby="log-heading">
          <h2 id="log-heading" className="text-lg font-semibold">
            {t("integrations.logHeading")}
          </h2>
          <p className="break-all text-sm text-stone-600 dark:text-stone-400">{endpoint.url}</p>
          {actionData?.values?.intent === "redeliver" ? (
            <FormError message={actionData.formError} />
          ) : null}
          <DeliveryLog rows={deliveries.rows} canRedeliver={endpoint.enabled} />
          <Pagination page={deliveries.page} pageCount={deliveries.pageCount} />
        </section>
        <Card className="h-fit p-5">
          <h2 className="mb-4 text-lg font-semibold">{t("integrations.editHeading")}</h2>
          {!endpoint.enabled && endpoint.disabled_reason ? (
            <p className="mb-4 text-sm text-red-800 dark:text-red-300">
              {t("integrations.turnedOff", { reason: endpoint.disabled_reason })}
            </p>
          ) : null}
          <EndpointForm
            events={WEBHOOK_EVENTS}
            actionData={actionData}
            saved={endpoint}
            intent="update"
            submitLabel={t("integrations.save")}
          />
        </Card>
      </div>
    </div>
  );
}

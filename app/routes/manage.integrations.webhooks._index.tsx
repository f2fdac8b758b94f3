import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EndpointForm } from "~/components/integrations/endpoint-form.tsx";
import { EndpointList } from "~/components/integrations/endpoint-list.tsx";
import { SecretOnce } from "~/components/integrations/secret-once.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { listEndpointsWithLastDelivery } from "~/modules/integrations/admin.server.ts";
import { WEBHOOK_EVENTS } from "~/modules/integrations/events.ts";
import { EndpointSchema, IdSchema, withGroups } from "~/modules/integrations/forms.server.ts";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  rotateWebhookSecret,
} from "~/modules/integrations/webhooks.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import type { ActionError } from "~/utils/form-fields.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("integrations.webhooksMetaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, "manageIntegrations");
  return json({ endpoints: await listEndpointsWithLastDelivery(context.db) });
}

type Answer = ActionError & { secret?: { url: string; value: string }; deleted?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, "manageIntegrations");
  const formData = withGroups(await request.formData(), ["events"]);
  const parsed = parseIntent(formData, {
    create: EndpointSchema,
    rotate: IdSchema,
    delete: IdSchema,
  });
  if (!parsed.ok) return invalidForm(parsed);
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const ctx = await commandContext(request, context);
  try {
    switch (parsed.intent) {
      case "create": {
        const made = await createWebhookEndpoint(ctx, {
          ...parsed.data,
          production: context.env.NODE_ENV === "production",
        });
        return json<Answer>({ secret: { url: made.url, value: made.secret } }, { status: 201 });
      }
      case "rotate": {
        const endpoint = await rotateWebhookSecret(ctx, parsed.data);
        const { url } = await getWebhookEndpoint(context.db, endpoint.id);
        return json<Answer>({ secret: { url, value: endpoint.secret } });
      }
      case "delete":
        await deleteWebhookEndpoint(ctx, parsed.data);
        return json<Answer>({
          deleted: i18nFor(await localeOf(request, context)).t("integrations.deletedDone"),
        });
    }
  } catch (error) {
    return answerDomainError(error, values);
  }
}

export default function Webhooks() {
  const { endpoints } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const { t } = useTranslation();
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <section className="space-y-4" aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading" className="text-lg font-semibold">
          {t("integrations.endpointsHeading")}
        </h2>
        {answer?.secret ? (
          <SecretOnce title={t("integrations.secretTitle")} value={answer.secret.value}>
            <p className="break-all">{t("integrations.forUrl", { url: answer.secret.url })}</p>
          </SecretOnce>
        ) : null}
        {answer?.deleted ? <p role="status">{answer.deleted}</p> : null}
        {answer?.values?.intent !== "create" ? <FormError message={answer?.formError} /> : null}
        {endpoints.length === 0 ? (
          <EmptyState title={t("integrations.noEndpointsTitle")}>
            {t("integrations.noEndpointsBody")}
          </EmptyState>
        ) : (
          <EndpointList endpoints={endpoints} />
        )}
      </section>
      <Card className="h-fit p-5">
        <h2 className="mb-4 text-lg font-semibold">{t("integrations.addHeading")}</h2>
        <EndpointForm
          key={answer?.secret ? answer.secret.value : "new"}
          events={WEBHOOK_EVENTS}
          actionData={answer}
          intent="create"
          submitLabel={t("integrations.addSubmit")}
        />
      </Card>
    </div>
  );
}

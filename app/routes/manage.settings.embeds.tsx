import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, TextAreaField } from "~/components/ui/field.tsx";
import { MAX_EMBED_ORIGINS, parseEmbedOrigins } from "~/modules/share/embed-origins.ts";
import { listEmbedOrigins, saveEmbedOrigins } from "~/modules/share/embeds.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import type { ActionError } from "~/utils/form-fields.ts";
import { formValues } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Embeds · Manage · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, "configureEmbeds");
  return json({
    origins: await listEmbedOrigins(context.db),
    publicUrl: context.env.PUBLIC_URL.replace(/\/+$/, ""),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, "configureEmbeds");
  const values = formValues(await request.formData());
  try {
    const origins = parseEmbedOrigins(values.origins ?? "");
    await saveEmbedOrigins(await commandContext(request, context), { origins });
  } catch (error) {
    return answerDomainError(error, values);
  }
  return redirectWithToast("/manage/settings/embeds", {
    kind: "success",
    title: "Websites for embedded widgets saved",
  });
}

export default function EmbedSettingsPage() {
  const { origins, publicUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionError | undefined;
  return (
    <div className="max-w-3xl">
      <h2 className="text-xl font-semibold">Embedded widgets</h2>
      <p className="mt-2 text-stone-600 dark:text-stone-400">
        Story cards, the wall of customer voices and the &ldquo;Talk to a customer like you&rdquo;
        button can be placed on your company&apos;s website in an iframe. Only the websites listed
        here may show them; every other website is refused.
      </p>
      <Card className="mt-6 p-6">
        <Form method="post" className="space-y-4">
          <FormError message={actionData?.formError} />
          <TextAreaField
            label="Websites allowed to embed"
            name="origins"
            hint={`One per line, like https://www.example.com (at most ${MAX_EMBED_ORIGINS}). Leave empty to refuse every website.`}
            defaultValue={actionData?.values?.origins ?? origins.join("\n")}
            error={actionData?.fieldErrors?.origins}
          />
          <Button type="submit">Save websites</Button>
        </Form>
      </Card>
      <Card className="mt-6 space-y-5 p-6">
        <h3 className="text-lg font-semibold">How to embed</h3>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Paste a story&apos;s address into a content system that understands oEmbed, or add one of
          these to a page. The widgets carry no script.
        </p>
        {snippets(publicUrl).map((s) => (
          <div key={s.label}>
            <h4 className="text-sm font-medium">{s.label}</h4>
            <p className="text-xs text-stone-600 dark:text-stone-400">{s.hint}</p>
            <pre className="mt-1 overflow-x-auto rounded bg-stone-100 p-3 text-xs dark:bg-stone-800">
              {s.code}
            </pre>
          </div>
        ))}
      </Card>
    </div>
  );
}

const iframe = (src: string, width: string, height: number, title: string) =>
  `<iframe src="${src}" width="${width}" height="${height}" style="border:0" title="${title}"></iframe>`;

function snippets(publicUrl: string) {
  return [
    {
      label: "A story card",
      hint: "Replace STORY-SLUG with the last part of the story's address.",
      code: iframe(`${publicUrl}/embed/stories/STORY-SLUG`, "480", 160, "Customer story"),
    },
    {
      label: "The wall of stories and recommendations",
      hint: "Leave out ?industry= to show every industry. Withdrawn and unpublished content leaves it at once.",
      code: iframe(
        `${publicUrl}/embed/wall?industry=Healthcare`,
        "100%",
        640,
        "What customers say",
      ),
    },
    {
      label: "“Talk to a customer like you”",
      hint: "Opens the advocates open to references, in the whole tab; add &open=tab for a new tab.",
      code: iframe(`${publicUrl}/embed/talk?industry=Healthcare`, "300", 64, "Talk to a customer"),
    },
  ];
}

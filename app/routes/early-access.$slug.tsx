import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  useLoaderData,
  useNavigation,
  useRouteError,
} from "@remix-run/react";
import { z } from "zod";
import { Container } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import {
  BackToEarlyAccess,
  EarlyAccessArticle,
  NdaAcknowledgement,
  TeaserPanel,
} from "~/components/tiers/early-access-item.tsx";
import {
  acknowledgeNda,
  openItem,
  TeaserOnlyError,
  type Teaser,
} from "~/modules/early-access/reader.server.ts";
import { getViewer, requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { parseIntent } from "~/utils/forms.ts";
import { errorPage, orErrorPage } from "~/utils/http.server.ts";
import { useTranslation } from "react-i18next";
import { rich, slot } from "~/components/reputation/rich.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  try {
    const view = await openItem(context.db, viewer, params.slug ?? "");
    return json({ view }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (error instanceof TeaserOnlyError)
      throw json(
        { teaser: error.teaser, signedIn: viewer !== null },
        { status: 403, headers: { "Cache-Control": "private, no-store" } },
      );
    errorPage(error);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireUser(request, context);
  const submission = parseIntent(await request.formData(), { acknowledge: z.object({}) });
  if (!submission.ok)
    return json({ formError: "That request was not understood." }, { status: 400 });
  await orErrorPage(
    acknowledgeNda(await commandContext(request, context), { slug: params.slug ?? "" }),
  );
  return redirect(`/early-access/${params.slug}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  const generic = [
    { title: t("earlyAccess.metaTitle") },
    { name: "robots", content: "noindex" },
    { property: "og:title", content: t("earlyAccess.metaTitle") },
    { property: "og:type", content: "article" },
  ];
  if (!data) return generic;
  const { view } = data;
  if (view.state !== "read")
    return [...generic, { name: "description", content: view.teaser.teaser }];
  const tags = [
    { title: t("earlyAccess.itemMetaTitle", { title: view.item.title }) },
    { property: "og:title", content: view.item.title },
    { property: "og:type", content: "article" },
    { name: "description", content: view.item.summary },
    { property: "og:description", content: view.item.summary },
  ];
  if (!view.item.isPublic) tags.push({ name: "robots", content: "noindex" });
  return tags;
};

export default function EarlyAccessItem() {
  const { view } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  if (view.state === "nda") return <NdaAcknowledgement view={view} busy={busy} />;
  if (view.state === "teaser")
    return (
      <Container className="max-w-3xl">
        <TeaserPanel teaser={view.teaser} />
      </Container>
    );
  return <EarlyAccessArticle item={view.item} />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 403 && error.data?.teaser) {
    const { teaser, signedIn } = error.data as { teaser: Teaser; signedIn: boolean };
    return (
      <Container className="max-w-3xl">
        <BackToEarlyAccess />
        <h1 className="mt-4 text-2xl font-bold tracking-tight">{t("earlyAccess.notOpenYet")}</h1>
        <div className="mt-6">
          <TeaserPanel teaser={teaser}>
            <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
              {signedIn
                ? rich(t("earlyAccess.seeYourTier", { link: slot("link") }), {
                    link: (
                      <Link to="/settings/tier" className="font-medium underline">
                        {t("earlyAccess.yourTierShort")}
                      </Link>
                    ),
                  })
                : rich(t("earlyAccess.signInIfTier", { signIn: slot("signIn") }), {
                    signIn: (
                      <Link to="/login" className="font-medium underline">
                        {t("earlyAccess.signIn")}
                      </Link>
                    ),
                  })}
            </p>
          </TeaserPanel>
        </div>
      </Container>
    );
  }
  return <GeneralErrorBoundary />;
}

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

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const generic = [
    { title: "Early access · Limelight" },
    { name: "robots", content: "noindex" },
    { property: "og:title", content: "Early access · Limelight" },
    { property: "og:type", content: "article" },
  ];
  if (!data) return generic;
  const { view } = data;
  if (view.state !== "read")
    return [...generic, { name: "description", content: view.teaser.teaser }];
  const tags = [
    { title: `${view.item.title} · Early access · Limelight` },
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
  if (isRouteErrorResponse(error) && error.status === 403 && error.data?.teaser) {
    const { teaser, signedIn } = error.data as { teaser: Teaser; signedIn: boolean };
    return (
      <Container className="max-w-3xl">
        <BackToEarlyAccess />
        <h1 className="mt-4 text-2xl font-bold tracking-tight">Not open to you yet</h1>
        <div className="mt-6">
          <TeaserPanel teaser={teaser}>
            <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
              {signedIn ? (
                <>
                  See{" "}
                  <Link to="/settings/tier" className="font-medium underline">
                    your tier
                  </Link>{" "}
                  for what the next one takes.
                </>
              ) : (
                <>
                  <Link to="/login" className="font-medium underline">
                    Sign in
                  </Link>{" "}
                  if your tier may already read it.
                </>
              )}
            </p>
          </TeaserPanel>
        </div>
      </Container>
    );
  }
  return <GeneralErrorBoundary />;
}

import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  useLoaderData,
  useNavigation,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { Container } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { formatDate } from "~/components/tiers/format.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { NotFoundError } from "~/modules/auth/errors.ts";
import {
  acknowledgeNda,
  openItem,
  TeaserOnlyError,
  type Teaser,
} from "~/modules/early-access/items.server.ts";
import { getViewer, requireUser } from "~/utils/auth.server.ts";
import { notFound } from "~/utils/http.server.ts";

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
    if (error instanceof NotFoundError) throw notFound(error.message);
    throw error;
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireUser(request, context);
  const viewer = await getViewer(request, context);
  const formData = await request.formData();
  if (formData.get("intent") !== "acknowledge")
    return json({ formError: "That request was not understood." }, { status: 400 });
  try {
    await acknowledgeNda(context.db, viewer, params.slug ?? "");
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound(error.message);
    const status = (error as { status?: number }).status;
    if (status === 403)
      throw new Response((error as Error).message, { status: 403, statusText: "Forbidden" });
    throw error;
  }
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

function TeaserPanel({ teaser, children }: { teaser: Teaser; children?: ReactNode }) {
  return (
    <Card className="p-6 sm:p-8" data-testid="early-access-teaser">
      <div className="flex flex-wrap items-center gap-2">
        <Badge>{teaser.kindLabel}</Badge>
        <Badge tone="spot">Early access</Badge>
      </div>
      <p className="mt-4 text-lg font-medium">{teaser.teaser}</p>
      <p className="mt-2 font-medium text-amber-800 dark:text-amber-300">{teaser.hint}</p>
      {children}
    </Card>
  );
}

export default function EarlyAccessItem() {
  const { view } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  if (view.state === "nda") {
    return (
      <Container className="max-w-3xl">
        <p className="text-sm">
          <Link
            to="/early-access"
            className="font-medium text-brand-700 underline dark:text-brand-300"
          >
            ← Early access
          </Link>
        </p>
        <h1 className="mt-4 text-2xl font-bold tracking-tight sm:text-3xl">
          Before you read: {view.terms.tierName} terms
        </h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          This item is shared under a non-disclosure agreement. Read the terms for your tier once
          and acknowledge them; we record the date. Then it opens, along with every other NDA item
          your tier can read.
        </p>
        <div className="mt-6">
          <TeaserPanel teaser={view.teaser} />
        </div>
        <Card className="mt-6 p-6 sm:p-8">
          <h2 className="text-lg font-semibold">
            {view.terms.tierName} non-disclosure terms{" "}
            <span className="text-sm font-normal text-stone-500">
              (version {view.terms.version})
            </span>
          </h2>
          <div className="prose-ll mt-3" dangerouslySetInnerHTML={{ __html: view.terms.html }} />
          <Form method="post" className="mt-6">
            <input type="hidden" name="intent" value="acknowledge" />
            <Button type="submit" disabled={navigation.state === "submitting"}>
              I have read and accept these terms
            </Button>
          </Form>
        </Card>
      </Container>
    );
  }
  if (view.state === "teaser") {
    return (
      <Container className="max-w-3xl">
        <TeaserPanel teaser={view.teaser} />
      </Container>
    );
  }
  const { item } = view;
  return (
    <Container className="max-w-3xl">
      <p className="text-sm">
        <Link
          to="/early-access"
          className="font-medium text-brand-700 underline dark:text-brand-300"
        >
          ← Early access
        </Link>
      </p>
      <article className="mt-4">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="brand">{item.kindLabel}</Badge>
          {item.isPublic ? (
            <Badge tone="info">Public</Badge>
          ) : (
            <Badge tone="spot">Early access</Badge>
          )}
          {item.underNda ? <Badge tone="danger">Under NDA — do not share</Badge> : null}
        </div>
        <h1 className="mt-3 text-3xl font-bold tracking-tight">{item.title}</h1>
        {item.summary ? (
          <p className="mt-3 text-lg text-stone-700 dark:text-stone-300">{item.summary}</p>
        ) : null}
        {item.publishedAt ? (
          <p className="mt-2 text-sm text-stone-500 dark:text-stone-400">
            Published {formatDate(item.publishedAt)}
          </p>
        ) : null}
        {item.downloadUrl || item.recordingUrl ? (
          <div className="mt-5 flex flex-wrap gap-3">
            {item.downloadUrl ? (
              <a
                href={item.downloadUrl}
                rel="noopener noreferrer"
                target="_blank"
                className={buttonClass("primary", "sm")}
              >
                Download
              </a>
            ) : null}
            {item.recordingUrl ? (
              <a
                href={item.recordingUrl}
                rel="noopener noreferrer"
                target="_blank"
                className={buttonClass("secondary", "sm")}
              >
                Watch the recording
              </a>
            ) : null}
          </div>
        ) : null}
        <Card className="mt-6 p-6 sm:p-8">
          {item.bodyHtml ? (
            <div className="prose-ll" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
          ) : (
            <p className="text-stone-600 dark:text-stone-400">This item has no write-up.</p>
          )}
        </Card>
        <Card className="mt-6 p-5">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
            Release cascade
          </h2>
          <ul className="mt-3 space-y-1 text-sm">
            {item.cascade.map((step) => (
              <li key={step.tierName}>
                <span className="font-medium">{step.tierName}</span> from {formatDate(step.opensAt)}
              </li>
            ))}
            <li>
              <span className="font-medium">Everyone</span>{" "}
              {item.publicAt ? `from ${formatDate(item.publicAt)}` : "— not planned to be public"}
            </li>
          </ul>
        </Card>
      </article>
    </Container>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 403 && error.data?.teaser) {
    const { teaser, signedIn } = error.data as { teaser: Teaser; signedIn: boolean };
    return (
      <Container className="max-w-3xl">
        <p className="text-sm">
          <Link
            to="/early-access"
            className="font-medium text-brand-700 underline dark:text-brand-300"
          >
            ← Early access
          </Link>
        </p>
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

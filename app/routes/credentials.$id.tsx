import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Container } from "~/components/app-shell.tsx";
import { CredentialChecks } from "~/components/credentials/credential-checks.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Card } from "~/components/ui/card.tsx";
import { findCredential } from "~/modules/credentials/files.server.ts";
import { verifyCredentialJwt } from "~/modules/credentials/verify.server.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { NotFoundError } from "~/utils/errors.ts";
import { notFound } from "~/utils/http.server.ts";
import { useTranslation } from "react-i18next";
import { rich, slot } from "~/components/reputation/rich.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";

/** The public verification page of one credential: what it says, and whether it verifies. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  try {
    const row = await findCredential(context.db, viewer, params.id ?? "");
    const verification = await verifyCredentialJwt(
      context.db,
      row.jwt,
      context.env.PUBLIC_URL,
      new Date(),
      await localeOf(request, context),
    );
    const doc = row.document as {
      description?: string;
      evidence?: { id: string; name?: string; narrative?: string }[];
    };
    return json({
      id: row.id,
      name: row.name,
      description: doc.description ?? "",
      evidence: doc.evidence ?? [],
      holder: { handle: row.handle, name: row.display_name },
      isPublic: row.is_public && row.profile_public,
      verification,
    });
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound(error.message);
    throw error;
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  if (!data) return [{ title: t("credentials.notFoundTitle") }];
  const tags = [
    { title: `${data.name} · ${data.holder.name} · Limelight` },
    { name: "description", content: data.description },
  ];
  // A private credential, seen by its owner, stays out of search engines.
  if (!data.isPublic) tags.push({ name: "robots", content: "noindex" });
  return tags;
};

export default function CredentialPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Container className="max-w-3xl space-y-6 py-8">
      <div>
        <p className="text-sm text-stone-600 dark:text-stone-400">{t("credentials.verifiable")}</p>
        <h1 className="text-2xl font-semibold">{data.name}</h1>
        <p className="mt-1">
          {rich(t("credentials.heldBy", { holder: slot("holder") }), {
            holder: (
              <Link
                to={`/u/${data.holder.handle}`}
                className="font-medium text-brand-700 underline dark:text-brand-300"
              >
                {data.holder.name}
              </Link>
            ),
          })}
        </p>
        {data.description ? <p className="mt-3">{data.description}</p> : null}
      </div>
      <CredentialChecks verification={data.verification} />
      {data.evidence.length > 0 ? (
        <Card className="p-6">
          <h2 className="text-lg font-semibold">{t("credentials.evidence")}</h2>
          <ul className="mt-3 list-disc space-y-1 pl-5">
            {data.evidence.map((e) => (
              <li key={e.id}>
                <a href={e.id} className="text-brand-700 underline dark:text-brand-300">
                  {e.name || e.id}
                </a>
                {e.narrative ? ` — ${e.narrative}` : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card className="space-y-2 p-6 text-sm">
        <h2 className="text-lg font-semibold">{t("credentials.checkYourself")}</h2>
        <p>
          {rich(
            t("credentials.checkYourselfBody", {
              jwt: slot("jwt"),
              json: slot("json"),
              keys: slot("keys"),
              list: slot("list"),
            }),
            {
              jwt: (
                <a href={`/credentials/${data.id}.jwt`} className="underline" download>
                  {t("credentials.signedJwt")}
                </a>
              ),
              json: (
                <a href={`/credentials/${data.id}.json`} className="underline" download>
                  JSON
                </a>
              ),
              keys: (
                <a href="/.well-known/jwks.json" className="underline">
                  {t("credentials.publishedKeys")}
                </a>
              ),
              list: (
                <a href="/credentials/status/1" className="underline">
                  {t("credentials.revocationList")}
                </a>
              ),
            },
          )}
        </p>
      </Card>
    </Container>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

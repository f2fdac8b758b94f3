import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { postableSpaces } from "~/modules/discussions/pages.server.ts";
import { listAllSpaces } from "~/modules/discussions/spaces.server.ts";
import { getViewer, requireUser } from "~/utils/auth.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("discussions.choose.metaTitle") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const viewer = await getViewer(request, context);
  const spaces = postableSpaces(viewer, await listAllSpaces(context.db));
  return json({
    spaces: spaces.map((s) => ({
      slug: s.space.slug,
      name: s.space.name,
      description: s.space.description,
      colour: s.space.colour,
      question: s.question,
      discussion: s.discussion,
    })),
  });
}

export default function ChooseSpace() {
  const { spaces } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Container className="max-w-3xl">
      <PageHeader
        title={t("discussions.choose.title")}
        description={t("discussions.choose.description")}
      />
      {spaces.length === 0 ? (
        <EmptyState title={t("discussions.choose.noneTitle")}>
          {t("discussions.choose.noneBody")}
        </EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {spaces.map((s) => (
            <li key={s.slug}>
              <Link to={`/s/${s.slug}/new`} className="block h-full">
                <Card className="h-full p-5 transition-shadow hover:shadow-md">
                  <p className="flex items-center gap-2 font-semibold">
                    <span
                      aria-hidden="true"
                      className="h-3 w-3 rounded-sm"
                      style={{ backgroundColor: s.colour }}
                    />
                    {s.name}
                  </p>
                  <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">{s.description}</p>
                  <p className="mt-2 text-xs font-medium text-brand-700 dark:text-brand-300">
                    {s.question && s.discussion
                      ? t("discussions.choose.both")
                      : s.question
                        ? t("discussions.choose.questions")
                        : t("discussions.choose.discussions")}
                  </p>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}

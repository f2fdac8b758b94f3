import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { postableSpaces } from "~/modules/discussions/pages.server.ts";
import { listAllSpaces } from "~/modules/discussions/spaces.server.ts";
import { getViewer, requireUser } from "~/utils/auth.server.ts";

export const meta: MetaFunction = () => [
  { title: "Where does it belong? · Discussions · Limelight" },
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
  return (
    <Container className="max-w-3xl">
      <PageHeader
        title="Where does it belong?"
        description="Pick the space that fits; the right people follow each one."
      />
      {spaces.length === 0 ? (
        <EmptyState title="No space is open to you for posting yet">
          A community manager can verify you as a customer, which opens more spaces.
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
                      ? "Questions and discussions"
                      : s.question
                        ? "Questions"
                        : "Discussions"}
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

import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Container } from "~/components/app-shell.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import { listChapters } from "~/modules/chapters/chapters.server.ts";
import { countryName, REGIONS } from "~/modules/chapters/countries.ts";

export const meta: MetaFunction = () => [
  { title: "Chapters · Limelight" },
  { name: "description", content: "Local groups of customer advocates, and their events." },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get("region") ?? "";
  const region = (REGIONS as readonly string[]).includes(asked) ? asked : "";
  const chapters = await listChapters(context.db, { region: region || undefined });
  return json({
    region,
    regions: REGIONS,
    chapters: chapters.map((c) => ({
      ...c,
      countryName: c.country ? countryName(c.country) : null,
    })),
  });
}

export default function Chapters() {
  const { chapters, region, regions } = useLoaderData<typeof loader>();
  return (
    <Container>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">
            Chapters
          </h1>
          <p className="mt-1 text-stone-600 dark:text-stone-400">
            Local groups that meet in person and online, led by advocates.
          </p>
        </div>
        <Form method="get" className="flex items-end gap-2">
          <label className="text-sm font-medium text-stone-800 dark:text-stone-200">
            Region
            <select
              name="region"
              defaultValue={region}
              className="mt-1 block rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-700 dark:bg-stone-900"
            >
              <option value="">All regions</option>
              {regions.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass("secondary", "md")}>
            Filter
          </button>
        </Form>
      </div>
      {chapters.length === 0 ? (
        <div className="mt-8">
          <EmptyState title={region ? `No chapters in ${region} yet` : "No chapters yet"}>
            Community managers start chapters where advocates want to meet.
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {chapters.map((c) => (
            <li key={c.id}>
              <Card className="h-full p-5">
                <Link
                  to={`/chapters/${c.slug}`}
                  className="text-lg font-semibold text-stone-900 hover:underline dark:text-white"
                >
                  {c.name}
                </Link>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Badge tone="info">{c.region}</Badge>
                  {c.countryName ? <Badge>{c.countryName}</Badge> : null}
                  <Badge>{c.memberCount === 1 ? "1 member" : `${c.memberCount} members`}</Badge>
                </div>
                <p className="mt-3 line-clamp-3 text-sm text-stone-600 dark:text-stone-400">
                  {c.description}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}

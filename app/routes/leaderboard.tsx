import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { Button } from "~/components/ui/button.tsx";
import { PlaceSelect } from "~/components/place-select.tsx";
import { parsePlace, placeLabel, placeValue } from "~/modules/profiles/location.ts";
import { placeFacets } from "~/modules/profiles/profiles.server.ts";
import {
  getLeaderboard,
  isBoard,
  type Board,
  type LeaderboardRow,
} from "~/modules/reputation/leaderboard.server.ts";
import { AREA_LABELS } from "~/modules/reputation/rules.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { cn } from "~/utils/cn.ts";
import { formatCount } from "~/utils/format.ts";

export const meta: MetaFunction = () => [
  { title: "Leaderboard · Limelight" },
  {
    name: "description",
    content: "The customers who helped their peers most: all time, this month and by area.",
  },
];

const BOARD_LABELS: Record<Board, string> = {
  all: "All time",
  "30d": "Last 30 days",
  help: AREA_LABELS.help,
  speaking: AREA_LABELS.speaking,
  stories: AREA_LABELS.stories,
  community: AREA_LABELS.community,
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const url = new URL(request.url);
  const boardParam = url.searchParams.get("board") ?? "all";
  const board: Board = isBoard(boardParam) ? boardParam : "all";
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const place = parsePlace(url.searchParams.get("place"));
  const [leaderboard, countries] = await Promise.all([
    getLeaderboard(context.db, viewer, { board, page, place: place ?? undefined }),
    placeFacets(context.db, viewer),
  ]);
  return json({
    ...leaderboard,
    signedIn: Boolean(viewer),
    place: placeValue(place),
    placeName: place ? placeLabel(place) : null,
    countries,
  });
}

function Row({ row, pinned = false }: { row: LeaderboardRow; pinned?: boolean }) {
  return (
    <li
      className={cn(
        "flex items-center gap-4 px-4 py-3",
        row.isViewer && "bg-brand-50/70 dark:bg-brand-900/30",
      )}
      data-testid={pinned ? "leaderboard-you" : "leaderboard-row"}
    >
      <span className="w-10 shrink-0 text-right font-mono text-sm font-semibold tabular-nums text-stone-600 dark:text-stone-300">
        #{row.rank}
      </span>
      {row.person ? (
        <>
          <Avatar name={row.person.displayName} handle={row.person.handle} size="sm" />
          <div className="min-w-0 flex-1">
            <Link to={`/u/${row.person.handle}`} className="font-medium hover:underline">
              {row.person.displayName}
            </Link>
            {row.isViewer ? (
              <span className="ml-2 text-xs font-medium text-brand-800 dark:text-brand-200">
                (you)
              </span>
            ) : null}
            {row.person.company ? (
              <p className="truncate text-xs text-stone-600 dark:text-stone-400">
                {row.person.company}
              </p>
            ) : null}
          </div>
        </>
      ) : (
        <>
          <span
            aria-hidden="true"
            className="inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-stone-200 text-xs text-stone-600 dark:bg-stone-800 dark:text-stone-300"
          >
            ?
          </span>
          <div className="min-w-0 flex-1 italic text-stone-600 dark:text-stone-400">
            an advocate
          </div>
        </>
      )}
      <span className="shrink-0 font-mono text-sm font-semibold tabular-nums">
        {formatCount(row.points)}
        <span className="sr-only"> points</span>
      </span>
    </li>
  );
}

function boardHref(board: Board, place: string) {
  const params = new URLSearchParams();
  if (board !== "all") params.set("board", board);
  if (place) params.set("place", place);
  const qs = params.toString();
  return `/leaderboard${qs ? `?${qs}` : ""}`;
}

export default function LeaderboardPage() {
  const data = useLoaderData<typeof loader>();
  const submit = useSubmit();
  return (
    <Container className="max-w-3xl">
      <PageHeader
        title="Leaderboard"
        description={
          <>
            Who helped their peers most. Points are earned, never bought —{" "}
            <Link
              to="/reputation"
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              how reputation works
            </Link>
            .
          </>
        }
      />
      <nav aria-label="Leaderboards" className="border-b border-stone-200 dark:border-stone-800">
        <ul className="-mb-px flex gap-4 overflow-x-auto">
          {(Object.keys(BOARD_LABELS) as Board[]).map((b) => (
            <li key={b}>
              <Link
                to={boardHref(b, data.place)}
                aria-current={data.board === b ? "page" : undefined}
                className={cn(
                  "inline-block whitespace-nowrap border-b-2 px-1 py-3 text-sm font-medium",
                  data.board === b
                    ? "border-brand-600 text-brand-800 dark:text-brand-300"
                    : "border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900 dark:text-stone-400 dark:hover:text-stone-100",
                )}
              >
                {BOARD_LABELS[b]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Form
        method="get"
        key={`${data.board}-${data.place}`}
        className="mt-4 flex flex-wrap items-end gap-3"
        onChange={(e) => submit(e.currentTarget)}
      >
        {data.board !== "all" ? <input type="hidden" name="board" value={data.board} /> : null}
        <div className="w-full sm:w-64">
          <PlaceSelect value={data.place} countries={data.countries} />
        </div>
        <noscript>
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </noscript>
      </Form>

      <div className="mt-6 space-y-6">
        {data.viewerRow ? (
          <Card>
            <h2 className="px-4 pt-3 text-xs font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
              Your place
            </h2>
            <ul>
              <Row row={data.viewerRow} pinned />
            </ul>
          </Card>
        ) : data.viewerNote ? (
          <p
            className="rounded-lg bg-stone-100 px-4 py-3 text-sm text-stone-700 dark:bg-stone-800 dark:text-stone-300"
            data-testid="leaderboard-note"
          >
            {data.viewerNote}
          </p>
        ) : null}

        {data.rows.length === 0 ? (
          <EmptyState
            title={
              data.placeName
                ? `Nobody from ${data.placeName} on this board yet`
                : "Nobody on this board yet"
            }
            action={
              data.place ? (
                <Link to={boardHref(data.board, "")} className="font-medium underline">
                  Show everyone
                </Link>
              ) : undefined
            }
          >
            {data.place
              ? "Only people who made their location public are listed by region."
              : data.board === "30d"
                ? "No points were earned in the last 30 days."
                : "Points appear here as people help their peers."}
          </EmptyState>
        ) : (
          <Card>
            <h2 className="sr-only">
              {BOARD_LABELS[data.board]} ranking, {data.total} people
            </h2>
            <ol className="divide-y divide-stone-200 dark:divide-stone-800">
              {data.rows.map((row, i) => (
                <Row key={`${data.page}-${i}`} row={row} />
              ))}
            </ol>
          </Card>
        )}
        <p className="text-xs text-stone-600 dark:text-stone-400">
          People who prefer not to be named appear as “an advocate”
          {data.signedIn ? (
            <>
              {" "}
              — choose this in{" "}
              <Link to="/settings/profile" className="underline">
                your profile settings
              </Link>
            </>
          ) : null}
          .{data.includesStaff ? "" : " Community managers and admins are not ranked."}
        </p>
        <Pagination page={data.page} pageCount={data.pageCount} />
      </div>
    </Container>
  );
}

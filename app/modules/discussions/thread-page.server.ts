import type { Viewer } from "../access/policy.ts";
import type { getThreadPage } from "./read.server.ts";
import { listAllSpaces } from "./spaces.server.ts";
import { excerpt, htmlToText } from "./text.ts";
import type { Queryable } from "../../../db/client.ts";

type ThreadPage = Awaited<ReturnType<typeof getThreadPage>>;

/** Spaces a moderator may move the thread to (everyone else gets none). */
export async function moveTargets(db: Queryable, page: ThreadPage) {
  if (!page.abilities.moderate) return [];
  return (await listAllSpaces(db)).map((s) => ({ id: s.id, name: s.name }));
}

/** The thread page's data, as the page and its live updates read it. */
export function toThreadPageView(
  page: ThreadPage,
  context: {
    viewer: Viewer;
    spaces: { id: number; name: string }[];
    origin: string;
    now: Date;
  },
) {
  const { thread } = page;
  return {
    thread: {
      id: thread.id,
      kind: thread.kind,
      title: thread.title,
      slug: thread.slug,
      tags: thread.tags,
      authorId: thread.authorId,
      replyCount: thread.replyCount,
      acceptedPostId: thread.acceptedPostId,
      locked: thread.lockedAt !== null,
      hidden: thread.hiddenAt !== null,
      createdAt: thread.createdAt.toISOString(),
      space: {
        id: thread.space.id,
        slug: thread.space.slug,
        name: thread.space.name,
        colour: thread.space.colour,
        visibility: thread.space.visibility,
      },
      seq: thread.changeSeq,
    },
    opening: page.opening,
    accepted: page.accepted,
    replies: page.replies,
    cursors: page.cursors,
    viewerVotes: page.viewerVotes,
    abilities: page.abilities,
    voteHint: page.voteHint,
    sources: page.sources,
    deletable: page.deletable,
    spaces: context.spaces,
    viewer: context.viewer ? { id: context.viewer.id } : null,
    description: excerpt(htmlToText(page.opening.html), 160),
    canonical: `${context.origin}/t/${thread.id}/${thread.slug}`,
    now: context.now.toISOString(),
  };
}

export type ThreadPageView = ReturnType<typeof toThreadPageView>;

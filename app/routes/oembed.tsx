import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { getPublishedStory } from "~/modules/advocacy/story-queries.server.ts";
import { loadShareCard, shareImagePath } from "~/modules/share/cards.server.ts";

const fail = (status: number, error: string) => json({ error }, { status });

/** oEmbed for published stories: a content system pastes a story address and gets the card. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = new URL(request.url).searchParams;
  const format = query.get("format") ?? "json";
  if (format !== "json") return fail(501, "Only format=json is offered.");
  const origin = context.env.PUBLIC_URL.replace(/\/+$/, "");
  let target: URL;
  try {
    target = new URL(query.get("url") ?? "");
  } catch {
    return fail(404, "We could not find that story.");
  }
  const match = /^\/stories\/([^/]+)\/?$/.exec(target.pathname);
  if (target.origin !== origin || !match) return fail(404, "We could not find that story.");
  const slug = decodeURIComponent(match[1]!);
  const story = await getPublishedStory(context.db, slug).catch(() => null);
  const card = story ? await loadShareCard(context.db, "story", slug) : null;
  if (!story || !card) return fail(404, "We could not find that story.");
  const maxWidth = Math.min(Number(query.get("maxwidth")) || 480, 800);
  const height = 160;
  const src = `${origin}/embed/stories/${encodeURIComponent(story.slug)}`;
  return json(
    {
      version: "1.0",
      type: "rich",
      provider_name: "Limelight",
      provider_url: origin,
      title: story.title,
      author_name: card.footer,
      width: maxWidth,
      height,
      html: `<iframe src="${src}" width="${maxWidth}" height="${height}" style="border:0" title="${story.title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}" loading="lazy"></iframe>`,
      thumbnail_url: `${origin}${shareImagePath(card, slug)}`,
      thumbnail_width: 1200,
      thumbnail_height: 630,
    },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
}

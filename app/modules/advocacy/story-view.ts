import type { StoryMetric } from "./metrics.ts";

/** A story's content and author as the story page, the author's preview and the review page show it. */
export interface StoryViewData {
  title: string;
  company: string;
  industry: string;
  productArea: string;
  challengeHtml: string;
  solutionHtml: string;
  resultsHtml: string;
  pullQuote: string;
  metrics: StoryMetric[];
  video: StoryVideo | null;
  author: { name: string; handle: string; jobTitle?: string; linkable: boolean };
}

/**
 * A story's video: a media file plays in the page; a YouTube or Vimeo video
 * plays in their player once the reader asks for it; any other page is a
 * plain link.
 */
export interface StoryVideo {
  url: string;
  /** The site it lives on, for the link's words ("Watch on www.example.com"). */
  host: string;
  playable: boolean;
  /** The provider's player, loaded only when the reader presses play. */
  embed: { provider: "YouTube" | "Vimeo"; src: string } | null;
  transcript: string;
}

const MEDIA_FILE = /\.(mp4|m4v|webm|ogv|ogg|mov)$/i;
const YOUTUBE_ID = /^[\w-]{11}$/;

/** The player address for a YouTube or Vimeo page: YouTube's no-cookie player, Vimeo's with Do Not Track. */
function playerFor(url: URL): StoryVideo["embed"] {
  const host = url.hostname.replace(/^(www\.|m\.)/, "");
  const path = url.pathname.split("/").filter(Boolean);
  if (host === "youtube.com" || host === "youtu.be" || host === "youtube-nocookie.com") {
    const id =
      host === "youtu.be"
        ? path[0]
        : path[0] === "watch"
          ? url.searchParams.get("v")
          : ["embed", "shorts", "live"].includes(path[0] ?? "")
            ? path[1]
            : null;
    if (!id || !YOUTUBE_ID.test(id)) return null;
    return {
      provider: "YouTube",
      src: `https://www.youtube-nocookie.com/embed/${id}?autoplay=1&rel=0`,
    };
  }
  if (host === "vimeo.com" || host === "player.vimeo.com") {
    const id = path.find((part) => /^\d{1,12}$/.test(part));
    if (!id) return null;
    return { provider: "Vimeo", src: `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1` };
  }
  return null;
}

/** Where the players a story may load live: the pages' CSP allows frames from these alone. */
export const VIDEO_PLAYER_ORIGINS = [
  "https://www.youtube-nocookie.com",
  "https://player.vimeo.com",
];

/** Null without a (well-formed https) address; the form layer has already refused anything else. */
export function storyVideo(url: string, transcript: string): StoryVideo | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:") return null;
  return {
    url: parsed.href,
    host: parsed.hostname,
    playable: MEDIA_FILE.test(parsed.pathname),
    embed: playerFor(parsed),
    transcript: transcript.trim(),
  };
}

interface StoryContent {
  title: string;
  company: string;
  industry: string;
  product_area: string;
  challenge_html: string;
  solution_html: string;
  results_html: string;
  pull_quote: string;
  metrics: StoryMetric[];
  video_url: string;
  video_transcript: string;
  author_name: string;
  author_handle: string;
  author_job_title: string;
}

/**
 * Shapes a story (its working copy or a published version) for display.
 * `linkable` says whether the author's name may link to their profile for
 * this viewer; previews never link.
 */
export function toStoryView(story: StoryContent, linkable = false): StoryViewData {
  return {
    title: story.title,
    company: story.company,
    industry: story.industry,
    productArea: story.product_area,
    challengeHtml: story.challenge_html,
    solutionHtml: story.solution_html,
    resultsHtml: story.results_html,
    pullQuote: story.pull_quote,
    metrics: story.metrics,
    video: storyVideo(story.video_url, story.video_transcript),
    author: {
      name: story.author_name,
      handle: story.author_handle,
      jobTitle: story.author_job_title,
      linkable,
    },
  };
}

/** How a story's history reads to its author. */
export const STORY_EVENT_LABELS: Record<string, string> = {
  created: "Draft started",
  proposed: "Started by the community team",
  accepted: "You accepted the draft",
  turned_down: "You turned the draft down",
  submitted: "Sent for review",
  changes_requested: "Changes requested",
  published: "Published",
  declined: "Declined",
  revision_started: "New version started",
  revision_declined: "New version declined",
  unpublished: "Taken out of the library",
  republished: "Back in the library",
};

import { describe, expect, it } from "vitest";
import { storyVideo } from "./story-view.ts";
import {
  LogTalkSchema,
  OpportunitySchema,
  MAX_TRANSCRIPT,
  StorySchema,
  storySubmissionProblems,
} from "./validation.ts";

const opportunity = {
  title: "Ops analytics lightning talk",
  eventName: "Midwest Supply Chain Summit",
  format: "conference",
  startsAt: "2027-04-14T10:00",
  timeZone: "America/Chicago",
  location: "Columbus Convention Center",
  deadline: "2027-03-01T17:00",
};

describe("opportunity form", () => {
  it("turns local times in the event's zone into instants", () => {
    const parsed = OpportunitySchema.parse(opportunity);
    expect(parsed.startsAt.toISOString()).toBe("2027-04-14T15:00:00.000Z");
    expect(parsed.applicationDeadline.toISOString()).toBe("2027-03-01T23:00:00.000Z");
    expect(parsed.status).toBe("open");
  });

  it("needs a place unless the event is virtual, and a deadline before the event", () => {
    const result = OpportunitySchema.safeParse({
      ...opportunity,
      location: "",
      deadline: "2027-05-01T10:00",
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path[0]);
    expect(paths).toContain("location");
    expect(paths).toContain("deadline");
    expect(
      OpportunitySchema.safeParse({ ...opportunity, location: "", isVirtual: "on" }).success,
    ).toBe(true);
  });
});

describe("logging a talk", () => {
  it("keeps evidence together when any part of it is given", () => {
    const parsed = LogTalkSchema.parse({
      title: "Dashboards dispatchers trust",
      eventName: "Freight Tech Meetup",
      format: "meetup",
      givenAt: "2026-05-02T18:30",
      timeZone: "America/New_York",
      location: "Columbus",
      slidesUrl: "https://example.com/slides",
      attendance: "60",
    });
    expect(parsed.evidence).toEqual({
      recordingUrl: "",
      slidesUrl: "https://example.com/slides",
      attendance: 60,
      evidenceNote: "",
    });
  });
});

describe("story form", () => {
  it("collects the metric rows and reports bad cells by field", () => {
    const bad = StorySchema.safeParse({
      title: "A story title",
      "metric-0-label": "Onboarding time",
      "metric-0-before": "fourteen",
      "metric-0-after": "3",
      "metric-0-unit": "",
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual([
      "metric-0-before",
      "metric-0-unit",
    ]);
    const good = StorySchema.parse({
      title: "A story title",
      "metric-0-label": "Onboarding time",
      "metric-0-before": "14",
      "metric-0-after": "3",
      "metric-0-unit": "days",
      consent: "on",
    });
    expect(good.metrics).toEqual([
      { label: "Onboarding time", before: 14, after: 3, unit: "days" },
    ]);
    expect(good.consent).toBe(true);
  });

  it("takes a video only at a well-formed https address, with a bounded transcript", () => {
    const base = { title: "A story title", consent: "on" };
    const field = (extra: Record<string, string>) => {
      const r = StorySchema.safeParse({ ...base, ...extra });
      return r.success ? null : r.error.issues.map((i) => [i.path[0], i.message]);
    };
    for (const videoUrl of [
      "http://videos.example.com/a.mp4",
      "javascript:alert(1)",
      "https://",
      "https:/videos.example.com",
      "https://user:pw@videos.example.com/a.mp4",
      "ftp://videos.example.com/a.mp4",
    ])
      expect(field({ videoUrl }), videoUrl).toEqual([
        ["videoUrl", "Enter the full video link, starting with https://, or leave it empty."],
      ]);
    expect(
      field({
        videoUrl: "https://videos.example.com/a.mp4",
        videoTranscript: "x".repeat(MAX_TRANSCRIPT + 1),
      }),
    ).toEqual([["videoTranscript", "Keep the transcript under 20,000 characters."]]);
    expect(field({ videoTranscript: "Words without a video." })?.[0]?.[0]).toBe("videoUrl");
    const good = StorySchema.parse({
      ...base,
      videoUrl: " https://videos.example.com/a.mp4 ",
      videoTranscript: "Hello.",
    });
    expect(good).toMatchObject({
      videoUrl: "https://videos.example.com/a.mp4",
      videoTranscript: "Hello.",
    });
    expect(StorySchema.parse(base)).toMatchObject({ videoUrl: "", videoTranscript: "" });
  });

  it("plays a media file in the page and links any other video page", () => {
    expect(storyVideo("https://cdn.example.com/talks/interview.MP4?v=2", " Hi ")).toEqual({
      url: "https://cdn.example.com/talks/interview.MP4?v=2",
      host: "cdn.example.com",
      playable: true,
      embed: null,
      transcript: "Hi",
    });
    expect(storyVideo("https://www.youtube.com/watch?v=abc", "")?.playable).toBe(false);
    // A page that is not a file has no player of its own unless it is YouTube's or Vimeo's.
    expect(storyVideo("https://videos.example.com/watch/42", "")?.embed).toBeNull();
    expect(storyVideo("https://www.youtube.com/watch?v=abc", "")?.embed).toBeNull();
  });

  it("plays YouTube in its no-cookie player and Vimeo with Do Not Track, from any of their addresses", () => {
    const youtube = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0";
    for (const url of [
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
      "https://youtu.be/dQw4w9WgXcQ",
      "https://m.youtube.com/shorts/dQw4w9WgXcQ",
      "https://www.youtube.com/embed/dQw4w9WgXcQ",
    ])
      expect(storyVideo(url, "")?.embed, url).toEqual({ provider: "YouTube", src: youtube });
    for (const url of ["https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"])
      expect(storyVideo(url, "")?.embed, url).toEqual({
        provider: "Vimeo",
        src: "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1",
      });
    // Nothing that only looks like an id reaches the player's address.
    expect(storyVideo("https://www.youtube.com/watch?v=../../evil", "")?.embed).toBeNull();
    expect(storyVideo("https://vimeo.com/channels/staff", "")?.embed).toBeNull();
    expect(storyVideo("", "")).toBeNull();
    expect(storyVideo("http://cdn.example.com/a.mp4", "")).toBeNull();
  });

  it("names everything a story still needs before review, consent included", () => {
    const problems = storySubmissionProblems({
      title: "Good title",
      company: "",
      industry: "",
      productArea: "",
      challenge: "short",
      solution: "",
      results: "",
      metrics: [],
      consent: false,
    });
    expect(Object.keys(problems).sort()).toEqual([
      "challenge",
      "company",
      "consent",
      "industry",
      "metrics",
      "productArea",
      "results",
      "solution",
    ]);
    expect(problems.consent).toMatch(/on behalf of your company/);
  });
});

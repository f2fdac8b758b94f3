import { contextFor } from "../../app/modules/commands/command.server.ts";
import type { Queryable } from "../client.ts";
import type { Viewer } from "../../app/modules/access/policy.ts";
import {
  applyToOpportunity,
  decideApplication,
} from "../../app/modules/advocacy/applications.server.ts";
import {
  createOpportunity,
  setOpportunityStatus,
} from "../../app/modules/advocacy/opportunities.server.ts";
import {
  declineStory,
  publishStory,
  requestStoryChanges,
  unpublishStory,
} from "../../app/modules/advocacy/story-review.server.ts";
import {
  answerStoryProposal,
  saveStory,
  startStoryFromThread,
} from "../../app/modules/advocacy/story-writing.server.ts";
import {
  addTalkEvidence,
  logTalk,
  rejectTalk,
  verifyTalk,
} from "../../app/modules/advocacy/talks.server.ts";
import { zonedLocalToInstant } from "../../app/modules/advocacy/time.ts";
import type { StoryInput } from "../../app/modules/advocacy/validation.ts";
import {
  OPPORTUNITIES,
  SELF_REPORTED_TALKS,
  STORIES,
  THREAD_STORY_CANDIDATES,
  type SeedEvidence,
  type SeedStory,
} from "./advocacy-content.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Speaking opportunities, talks and case studies of the demo community,
 * written through the same domain functions the app uses: applications are
 * decided, talks verified and stories published at historic dates, so the
 * ledger carries the points with the dates they were earned.
 */
export async function seedAdvocacy(
  db: Queryable,
  people: Map<string, number>,
  now: Date,
): Promise<void> {
  const idOf = (handle: string) => {
    const id = people.get(handle);
    if (!id) throw new Error(`Seed person missing: ${handle}`);
    return id;
  };
  type Person = NonNullable<Viewer>;
  const advocate = (handle: string): Person => ({ id: idOf(handle), role: "advocate" });
  const manager = (handle: string): Person => ({ id: idOf(handle), role: "manager" });
  /** Each change runs as its person, at the historic moment it happened. */
  const as = (person: Person, at: Date) => contextFor(db, person, { now: at });
  const daysFromNow = (days: number) => new Date(now.getTime() + days * DAY);
  /** A moment in the past, never later than just before the seed runs. */
  const past = (date: Date) => new Date(Math.min(date.getTime(), now.getTime() - HOUR));
  const localDay = (days: number, zone: string) => {
    // The calendar day `days` from now, as seen in the event's zone.
    const shifted = new Date(daysFromNow(days).getTime());
    return new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(shifted);
  };
  const eventTime = (days: number, time: string, zone: string) =>
    zonedLocalToInstant(`${localDay(days, zone)}T${time}`, zone)!;
  const evidenceOf = (e: SeedEvidence) => ({
    recordingUrl: e.recordingUrl ?? "",
    slidesUrl: e.slidesUrl ?? "",
    attendance: e.attendance ?? null,
    evidenceNote: e.note ?? "",
  });
  const reviewers = ["morgan", "priya", "jonas"] as const;

  // Opportunities, applications, decisions, and the talks that follow.
  for (const o of OPPORTUNITIES) {
    const startsAt = eventTime(o.startsInDays, o.time, o.timeZone);
    const deadline = new Date(startsAt.getTime() - o.deadlineDaysBefore * DAY);
    const posted = new Date(Math.min(deadline.getTime() - 40 * DAY, now.getTime() - 20 * DAY));
    const poster = manager(o.postedBy);
    const opportunity = await createOpportunity(as(poster, posted), {
      title: o.title,
      eventName: o.eventName,
      format: o.format,
      startsAt,
      timeZone: o.timeZone,
      isVirtual: o.location === "",
      location: o.location,
      expectedAudience: o.expectedAudience,
      audienceDescription: o.audienceDescription,
      topic: o.topic,
      eventUrl: o.eventUrl,
      applicationDeadline: deadline,
      status: "open",
    });
    let appliedAt = posted.getTime();
    const decidedAt = past(
      new Date(Math.min(deadline.getTime() + 2 * DAY, startsAt.getTime() - DAY)),
    );
    for (const a of o.applications) {
      appliedAt = Math.min(
        appliedAt + 3 * DAY,
        deadline.getTime() - HOUR,
        now.getTime() - 2 * HOUR,
      );
      const applied = await applyToOpportunity(as(advocate(a.handle), new Date(appliedAt)), {
        opportunityId: opportunity.id,
        pitch: a.pitch,
        talkTitle: a.talkTitle,
      });
      if (!a.decision) continue;
      const decided = await decideApplication(
        as(poster, new Date(Math.max(decidedAt.getTime(), appliedAt + HOUR))),
        { applicationId: applied.id, decision: a.decision, message: a.message ?? "" },
      );
      const talkId = decided.talkId;
      if (!talkId || !a.evidence) continue;
      const evidenceAt = past(new Date(startsAt.getTime() + 2 * DAY));
      await addTalkEvidence(as(advocate(a.handle), evidenceAt), {
        talkId,
        evidence: evidenceOf(a.evidence),
      });
      const verifier = manager(o.postedBy);
      const decidedTalkAt = past(new Date(startsAt.getTime() + 4 * DAY));
      const decide = as(verifier, decidedTalkAt);
      if (a.outcome === "verified") await verifyTalk(decide, { talkId });
      else if (a.outcome === "rejected")
        await rejectTalk(decide, { talkId, reason: a.rejectReason ?? "Not verified." });
    }
    if (o.finalStatus !== "open")
      await setOpportunityStatus(as(poster, past(new Date(deadline.getTime() + DAY))), {
        id: opportunity.id,
        status: o.finalStatus,
      });
  }

  // Talks advocates logged themselves.
  for (const t of SELF_REPORTED_TALKS) {
    const givenAt = eventTime(-t.daysAgo, t.time, t.timeZone);
    const speaker = advocate(t.handle);
    const loggedAt = past(new Date(givenAt.getTime() + DAY));
    const talk = await logTalk(
      as(speaker, givenAt < now ? loggedAt : new Date(now.getTime() - 3 * DAY)),
      {
        title: t.title,
        eventName: t.eventName,
        format: t.format,
        givenAt,
        timeZone: t.timeZone,
        isVirtual: t.location === "",
        location: t.location,
        abstract: t.abstract,
        eventUrl: t.eventUrl,
        evidence: t.evidence && givenAt < now ? evidenceOf(t.evidence) : null,
      },
    );
    const decidedAt = past(new Date(givenAt.getTime() + 3 * DAY));
    const verifier = manager(t.verifiedBy ?? "morgan");
    const decide = as(verifier, decidedAt);
    if (t.outcome === "verified") await verifyTalk(decide, { talkId: talk.id });
    if (t.outcome === "rejected")
      await rejectTalk(decide, { talkId: talk.id, reason: t.rejectReason ?? "Not verified." });
  }

  // Customer stories, through review to the library.
  const input = (s: SeedStory, overrides: Partial<StoryInput> = {}): StoryInput => ({
    title: s.title,
    company: "",
    industry: "",
    productArea: s.productArea,
    challenge: s.challenge,
    solution: s.solution,
    results: s.results,
    pullQuote: s.pullQuote,
    videoUrl: s.video?.url ?? "",
    videoTranscript: s.video?.transcript ?? "",
    consent: s.flow.kind !== "draft",
    metrics: s.metrics,
    ...overrides,
  });
  for (const s of STORIES) {
    const author = advocate(s.handle);
    const profile = await db
      .selectFrom("profiles")
      .select(["company", "industry"])
      .where("user_id", "=", author.id)
      .executeTakeFirstOrThrow();
    const base = input(s, { company: profile.company, industry: profile.industry });
    const at = (daysAgo: number) => past(daysFromNow(-daysAgo));
    const flow = s.flow;
    const draft = await saveStory(as(author, at(s.createdDaysAgo)), { story: base });
    const id = draft.id;
    if (flow.kind === "draft") continue;
    await saveStory(as(author, at(flow.submittedDaysAgo)), { id, story: base, submit: true });
    if (flow.kind === "submitted") continue;
    if (flow.kind === "changes_requested") {
      await requestStoryChanges(as(manager(flow.changes.reviewer), at(flow.changes.daysAgo)), {
        id,
        comment: flow.changes.comment,
      });
      continue;
    }
    if (flow.kind === "declined") {
      await declineStory(as(manager(flow.reviewer), at(flow.declinedDaysAgo)), {
        id,
        reason: flow.reason,
      });
      continue;
    }
    if (flow.kind === "published" && flow.changes) {
      await requestStoryChanges(as(manager(flow.reviewer), at(flow.changes.daysAgo)), {
        id,
        comment: flow.changes.comment,
      });
      await saveStory(as(author, at(flow.changes.daysAgo - 1)), { id, story: base, submit: true });
    }
    await publishStory(as(manager(flow.reviewer), at(flow.publishedDaysAgo)), { id });
    if (flow.kind === "unpublished") {
      await unpublishStory(as(manager(flow.reviewer), at(flow.unpublishedDaysAgo)), {
        id,
        reason: flow.reason,
      });
      continue;
    }
    if (s.revision) {
      const r = s.revision;
      await saveStory(as(author, at(r.daysAgo + 2)), {
        id,
        story: {
          ...base,
          pullQuote: r.pullQuote ?? base.pullQuote,
          results: r.results ?? base.results,
          metrics: r.metrics ?? base.metrics,
        },
        submit: true,
      });
      await publishStory(as(manager(r.reviewer), at(r.daysAgo)), { id });
    }
  }

  // A manager turns an advocate's discussion thread into a story draft; the
  // advocate accepts it. Only when the discussions seed has such a thread.
  let started = 0;
  for (const handle of THREAD_STORY_CANDIDATES) {
    if (started >= 2) break;
    const thread = await db
      .selectFrom("threads")
      .select("id")
      .where("author_id", "=", idOf(handle))
      .where("deleted_at", "is", null)
      .where("hidden_at", "is", null)
      .orderBy("created_at")
      .executeTakeFirst();
    if (!thread) continue;
    const reviewer = manager(reviewers[started % reviewers.length]);
    const proposal = await startStoryFromThread(as(reviewer, past(daysFromNow(-4 + started))), {
      threadId: thread.id,
      advocateId: idOf(handle),
    });
    if (started === 0)
      await answerStoryProposal(as(advocate(handle), past(daysFromNow(-2))), {
        id: proposal.id,
        accept: true,
      });
    started += 1;
  }
}

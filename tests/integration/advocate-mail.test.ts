import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { seedTierCatalogue } from "../../db/seed/tiers.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { decideApplication } from "../../app/modules/advocacy/applications.server.ts";
import { createOpportunity } from "../../app/modules/advocacy/opportunities.server.ts";
import {
  declineStory,
  publishStory,
  requestStoryChanges,
} from "../../app/modules/advocacy/story-review.server.ts";
import { saveStory } from "../../app/modules/advocacy/story-writing.server.ts";
import { addTalkEvidence, rejectTalk } from "../../app/modules/advocacy/talks.server.ts";
import { OpportunitySchema, StorySchema } from "../../app/modules/advocacy/validation.ts";
import { lapseExpiredAwards } from "../../app/modules/tiers/award-sweeps.server.ts";
import { grantTier } from "../../app/modules/tiers/awards.server.ts";
import { decideNomination, nominate } from "../../app/modules/tiers/nominations.server.ts";
import { remindRenewalsDue } from "../../app/modules/tiers/renewal-reminders.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { startTestSmtp, type TestSmtp } from "../support/smtp.ts";

// Every advocate decision that someone should hear about by mail, through
// the real outbox, worker and a real SMTP server: the message is written by
// the command that decides, carries an absolute link to the page where the
// person follows up, and a decision that fails sends nothing.

let handle: DbHandle;
let server: TestServer;
let smtp: TestSmtp;
const PUBLIC_URL = "http://community.test";
const site = { publicUrl: PUBLIC_URL, mailFrom: "Limelight <team@community.test>" };
const DAY = 24 * 60 * 60 * 1000;
const tierIds: Record<string, number> = {};
type Person = Awaited<ReturnType<typeof insertUser>>;
let manager: Person;

const as = (person: Person | null) =>
  contextFor(handle.db, person ? { id: person.id, role: person.role as Role } : null, { site });

beforeAll(async () => {
  handle = await createTestDb();
  await seedTierCatalogue(handle.db);
  for (const t of await handle.db.selectFrom("tiers").select(["id", "slug"]).execute())
    tierIds[t.slug] = t.id;
  smtp = await startTestSmtp();
  server = await startTestServer(handle, {
    SMTP_URL: smtp.url,
    PUBLIC_URL,
    OUTBOX_POLL_MS: "600000",
  });
  manager = await insertUser(handle.db, { role: "manager" });
});

afterAll(async () => {
  await server?.close();
  await smtp?.close();
  await handle?.close();
});

const recipient = (mail: ParsedMail) => (mail.to && "text" in mail.to ? mail.to.text : "");

/** Delivers what is due; the messages that reached `person` since `since`, of one kind. */
async function delivered(person: Person, kind: string) {
  await server.outbox.runOnce();
  const rows = await handle.db
    .selectFrom("outbox_messages")
    .select(["kind", "status", "subject"])
    .where("user_id", "=", person.id)
    .where("kind", "=", kind)
    .execute();
  expect(rows.every((r) => r.status === "sent")).toBe(true);
  const mails = await smtp.waitFor(smtp.received.length);
  const subjects = new Set(rows.map((r) => r.subject));
  return mails.filter((m) => recipient(m).includes(person.email) && subjects.has(m.subject ?? ""));
}

/** The one message of a kind, with the page its button opens. */
async function onlyMail(person: Person, kind: string) {
  const mails = await delivered(person, kind);
  expect(mails).toHaveLength(1);
  const [mail] = mails;
  expect(mail.html).not.toMatch(/<img/i);
  const link = /http:\/\/community\.test\/[^\s)\]]*/.exec(mail.text ?? "")?.[0];
  expect(link, `a link in “${mail.subject}”`).toBeTruthy();
  expect(mail.html).toContain(`href="${link}"`);
  return { mail, path: new URL(link!).pathname };
}

describe("tier mail", () => {
  it("tells an advocate their tier was granted, with the reason and a link to their tier page", async () => {
    const advocate = await insertUser(handle.db, { role: "advocate" });
    await grantTier(as(manager), {
      userId: advocate.id,
      tierId: tierIds.mvp,
      reason: "Ran two meetups and answered forty questions.",
      termStart: new Date(),
      termEnd: new Date(Date.now() + 365 * DAY),
    });
    const { mail, path } = await onlyMail(advocate, "tier_granted");
    expect(mail.subject).toMatch(/^You are now an? MVP/);
    expect(mail.text).toContain("Ran two meetups and answered forty questions.");
    expect(path).toBe("/settings/tier");
  });

  it("sends nothing for a grant that was refused", async () => {
    const prospect = await insertUser(handle.db, { role: "prospect" });
    await expect(
      grantTier(as(manager), {
        userId: prospect.id,
        tierId: tierIds.mvp,
        reason: "Too early",
        termStart: new Date(),
        termEnd: new Date(Date.now() + 365 * DAY),
      }),
    ).rejects.toThrow(/prospect/);
    const rows = await handle.db
      .selectFrom("outbox_messages")
      .select("id")
      .where("user_id", "=", prospect.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it("tells a holder once per term that the renewal is coming up, however often the sweep runs", async () => {
    const advocate = await insertUser(handle.db, { role: "advocate" });
    await grantTier(as(manager), {
      userId: advocate.id,
      tierId: tierIds.mvp,
      reason: "A year of answers.",
      termStart: new Date(Date.now() - 350 * DAY),
      termEnd: new Date(Date.now() + 15 * DAY),
    });
    expect(await remindRenewalsDue(as(null), {})).toContain(advocate.id);
    expect(await remindRenewalsDue(as(null), {})).not.toContain(advocate.id);
    const { mail, path } = await onlyMail(advocate, "tier_renewal_due");
    expect(mail.subject).toMatch(/^Your MVP term ends on /);
    expect(path).toBe("/settings/tier");
  });

  it("tells a holder when their term lapsed", async () => {
    const advocate = await insertUser(handle.db, { role: "advocate" });
    await grantTier(as(manager), {
      userId: advocate.id,
      tierId: tierIds.mvp,
      reason: "Last year's award.",
      termStart: new Date(Date.now() - 400 * DAY),
      termEnd: new Date(Date.now() - 2 * DAY),
    });
    await lapseExpiredAwards(as(null), {});
    await lapseExpiredAwards(as(null), {});
    const { mail, path } = await onlyMail(advocate, "tier_lapsed");
    expect(mail.subject).toBe("Your MVP term has ended");
    expect(path).toBe("/settings/tier");
  });

  it("tells the nominator how their nomination was decided", async () => {
    const nominator = await insertUser(handle.db, { role: "advocate" });
    const declined = await insertUser(handle.db, { role: "advocate" });
    const accepted = await insertUser(handle.db, { role: "advocate" });
    for (const nominee of [declined, accepted])
      await nominate(as(nominator), {
        handle: nominee.handle,
        tierId: tierIds.mvp,
        reason: "Answers every pipelines question within a day.",
        evidenceLinks: [],
      });
    const nominations = await handle.db
      .selectFrom("tier_nominations")
      .select(["id", "nominee_id"])
      .where("nominated_by", "=", nominator.id)
      .execute();
    const idOf = (p: Person) => nominations.find((n) => n.nominee_id === p.id)!.id;
    await decideNomination(as(manager), {
      nominationId: idOf(declined),
      decision: "decline",
      reason: "Not this year; the programme is full.",
    });
    await decideNomination(as(manager), {
      nominationId: idOf(accepted),
      decision: "accept",
      reason: "A clear yes from the team.",
    });
    const mails = await delivered(nominator, "nomination_decided");
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [
        `Your nomination of ${accepted.display_name} was accepted`,
        `Your nomination of ${declined.display_name} was declined`,
      ].sort(),
    );
    expect(mails.find((m) => m.subject?.endsWith("declined"))?.text).toContain(
      "Not this year; the programme is full.",
    );
    // The accepted nominee hears of the tier itself.
    expect((await onlyMail(accepted, "tier_granted")).path).toBe("/settings/tier");
  });
});

describe("speaking and story mail", () => {
  async function acceptedTalk(speaker: Person) {
    const opportunity = await createOpportunity(
      as(manager),
      OpportunitySchema.parse({
        title: "Customer keynote: dashboards dispatchers trust",
        eventName: "Midwest Supply Chain Summit",
        format: "conference",
        startsAt: new Date(Date.now() + 20 * DAY).toISOString().slice(0, 16),
        timeZone: "UTC",
        location: "Columbus Convention Center",
        expectedAudience: "400",
        audienceDescription: "Operations leaders",
        topic: "How you got dispatchers and executives to trust one number.",
        deadline: new Date(Date.now() + 10 * DAY).toISOString().slice(0, 16),
      }),
    );
    const application = await handle.db
      .insertInto("speaking_applications")
      .values({
        opportunity_id: opportunity.id,
        advocate_id: speaker.id,
        pitch: "A pitch long enough.",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const decided = await decideApplication(as(manager), {
      applicationId: application.id,
      decision: "accept",
      message: "We would love to hear about your dispatch rollout.",
    });
    return decided.talkId!;
  }

  it("tells a speaker their application was decided, and their talk verified or not", async () => {
    const speaker = await insertUser(handle.db, { role: "advocate" });
    const talkId = await acceptedTalk(speaker);
    const decided = await onlyMail(speaker, "speaking_decided");
    expect(decided.mail.text).toContain("Midwest Supply Chain Summit");
    expect(decided.mail.text).toContain("We would love to hear about your dispatch rollout.");
    expect(decided.path).toBe("/speaking/mine");

    await handle.db
      .updateTable("talks")
      .set({ given_at: new Date(Date.now() - DAY) })
      .where("id", "=", talkId)
      .execute();
    const speakerContext = as(speaker);
    await addTalkEvidence(speakerContext, {
      talkId,
      evidence: {
        recordingUrl: "https://example.com/rec",
        slidesUrl: "",
        attendance: null,
        evidenceNote: "",
      },
    });
    await rejectTalk(as(manager), { talkId, reason: "The recording link is private." });
    const rejected = await onlyMail(speaker, "talk_decided");
    expect(rejected.mail.subject).toBe(
      "“Customer keynote: dashboards dispatchers trust” was not verified",
    );
    expect(rejected.mail.text).toContain("The recording link is private.");
    expect(rejected.path).toBe("/speaking/mine");
  });

  it("tells an author each review decision on their story", async () => {
    const author = await insertUser(handle.db, { role: "advocate" });
    const long = (topic: string) =>
      `${topic}: a paragraph long enough to tell peers what happened, with specifics and numbers.`;
    const story = (title: string) =>
      StorySchema.parse({
        title,
        company: "Bluewater Freight Co.",
        industry: "Logistics",
        productArea: "Dashboards and reporting",
        challenge: long("Challenge"),
        solution: long("Solution"),
        results: long("Results"),
        pullQuote: "Dispatchers and executives finally trust the same number.",
        "metric-0-label": "Weekly reporting",
        "metric-0-before": "14",
        "metric-0-after": "1",
        "metric-0-unit": "hours",
        consent: "on",
      });
    const first = await saveStory(as(author), {
      story: story("From 40 spreadsheets to one dashboard"),
      submit: true,
    });
    await requestStoryChanges(as(manager), {
      id: first.id,
      comment: "Please name the dashboard.",
    });
    const changes = await onlyMail(author, "story_reviewed");
    expect(changes.mail.subject).toBe("Changes requested on your story");
    expect(changes.mail.text).toContain("Please name the dashboard.");
    expect(changes.path).toBe("/stories/mine");

    const second = await saveStory(as(author), {
      story: story("Detention charges down by a third"),
      submit: true,
    });
    await publishStory(as(manager), { id: second.id });
    const third = await saveStory(as(author), { story: story("A story too early"), submit: true });
    await declineStory(as(manager), { id: third.id, reason: "The results are not public yet." });
    const mails = await delivered(author, "story_reviewed");
    expect(mails.map((m) => m.subject).sort()).toEqual([
      "Changes requested on your story",
      "Your story is published",
      "Your story was reviewed",
    ]);
  });
});

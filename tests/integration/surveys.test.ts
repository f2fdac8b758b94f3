import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { npsSummary } from "../../app/modules/promoters/survey.server.ts";
import { insertUser, uniqueSuffix } from "../support/factories.ts";
import { TestClient, type TestServer } from "../support/server.ts";
import type { TestSmtp } from "../support/smtp.ts";
import { closeMailWorld, startMailWorld } from "../support/mail-world.ts";

let handle: DbHandle;
let server: TestServer;
let smtp: TestSmtp;

beforeAll(async () => {
  ({ handle, smtp, server } = await startMailWorld());
});

afterAll(() => closeMailWorld({ handle, smtp, server }));

const client = () =>
  new TestClient(server.url, {
    "X-Forwarded-For": `10.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });

async function manager() {
  const user = await insertUser(handle.db, { role: "manager" });
  return { user, c: await client().signIn(user.email) };
}

const NEW = "/manage/promoters/surveys/new?_data=routes%2Fmanage.promoters.surveys.new";
const answerPath = (token: string) => `/survey/${token}?_data=routes%2Fsurvey.%24token`;
const WALL = "/testimonials?_data=routes%2Ftestimonials._index";

const count = async (table: "nps_surveys" | "nps_responses" | "testimonials" | "nps_follow_ups") =>
  Number(
    (
      await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Where a data request was redirected (Remix answers 204 with the target in a header). */
function redirectOf(res: Response): string {
  expect(res.status).toBe(204);
  const to = res.headers.get("x-remix-redirect");
  if (!to) throw new Error("not a redirect");
  return to;
}

/** Delivers the outbox and returns the survey token mailed to `email`. */
async function mailedToken(email: string): Promise<string> {
  await server.outbox.runOnce();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mail = smtp.received.find(
      (m) =>
        m.subject === "One question, from 0 to 10" &&
        (m.to && "text" in m.to ? m.to.text : "").includes(email),
    );
    if (mail) {
      const match = /http:\/\/community\.test\/survey\/([A-Za-z0-9_-]+)/.exec(mail.text ?? "");
      if (!match) throw new Error(`no survey link in:\n${mail.text}`);
      expect(mail.html).toContain(match[0]);
      return match[1];
    }
    if (Date.now() > deadline) throw new Error(`no survey mail to ${email}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("NPS surveys sent from the product, through a real SMTP server", () => {
  it("mails personal links; a promoter answers once, publishes with consent, and a manager starts a case study", async () => {
    const { c } = await manager();
    const s = uniqueSuffix();
    const advocate = await insertUser(handle.db, {
      role: "advocate",
      email: `dana-${s}@northwind.example`,
      displayName: "Dana Reyes",
    });
    const contact = `lee-${s}@contoso.example`;

    // A malformed list refuses the whole survey, naming the line; nothing is written.
    const surveysBefore = await count("nps_surveys");
    const bad = await c.post(NEW, {
      name: "Q4 pulse",
      question: "How likely are you to recommend us to a colleague?",
      followUp: "",
      audience: "list",
      emails: `${advocate.email},Dana Reyes,Northwind\nnot-an-email\n`,
      sendAt: "",
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.emails).toMatch(/Line 2: “not-an-email” is not an email/);
    expect(await count("nps_surveys")).toBe(surveysBefore);

    const created = await c.post(NEW, {
      name: "Q4 pulse",
      question: "How likely are you to recommend us to a colleague?",
      followUp: "What is the main reason for your score?",
      audience: "list",
      emails: `email,name,company\n${advocate.email},Dana Reyes,Northwind\n${contact},Lee Park,Contoso\n`,
      sendAt: "",
    });
    const surveyPath = redirectOf(created);
    expect(surveyPath).toMatch(/^\/manage\/promoters\/surveys\/\d+$/);
    const token = await mailedToken(advocate.email);
    const outbox = await handle.db
      .selectFrom("outbox_messages")
      .select(["kind", "user_id"])
      .where("recipient", "=", advocate.email)
      .execute();
    expect(outbox).toEqual([{ kind: "survey_invitation", user_id: advocate.id }]);

    // No account needed; a forged link and a score outside 0–10 change nothing.
    const visitor = client();
    expect((await visitor.get(`/survey/${token}`)).status).toBe(200);
    const forged = await visitor.post(answerPath("A".repeat(43)), {
      intent: "answer",
      score: "10",
    });
    expect(forged.status).toBe(404);
    const responsesBefore = await count("nps_responses");
    const eleven = await visitor.post(answerPath(token), { intent: "answer", score: "11" });
    expect(eleven.status).toBe(400);
    expect((await eleven.json()).fieldErrors.score).toMatch(/0 to 10/);
    expect(await count("nps_responses")).toBe(responsesBefore);

    const comment =
      "The SSO setup took an afternoon instead of a quarter, and support answered within the hour.";
    const answered = await visitor.post(answerPath(token), {
      intent: "answer",
      score: "10",
      comment,
    });
    expect(answered.status).toBe(200);
    expect(await count("nps_responses")).toBe(responsesBefore + 1);
    const stored = await handle.db
      .selectFrom("nps_responses")
      .select(["score", "comment", "name", "company"])
      .where("email", "=", advocate.email)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ score: 10, comment, name: "Dana Reyes", company: "Northwind" });
    // The same NPS figures the CSV import feeds count it.
    expect((await npsSummary(handle.db)).overall.promoters).toBeGreaterThanOrEqual(1);

    // One answer per person: the link is used up.
    const again = await visitor.post(answerPath(token), { intent: "answer", score: "0" });
    expect(again.status).toBe(409);
    expect(await count("nps_responses")).toBe(responsesBefore + 1);

    // "Would you say that in public?", pre-filled from the comment.
    const moment = await (await visitor.get(answerPath(token))).json();
    expect(moment.step).toBe("promoter");
    expect(moment.link.draft).toBe(comment);

    const recommendation = {
      intent: "recommend",
      body: comment,
      credit: "company",
      name: "Dana Reyes",
      jobTitle: "Head of IT",
      company: "Northwind",
      industry: "Healthcare",
      productArea: "SSO and identity",
    };
    const testimonialsBefore = await count("testimonials");
    const noConsent = await visitor.post(answerPath(token), recommendation);
    expect(noConsent.status).toBe(400);
    expect((await noConsent.json()).fieldErrors.consent).toMatch(/consent|Tick the box/);
    expect(await count("testimonials")).toBe(testimonialsBefore);

    const published = await visitor.post(answerPath(token), { ...recommendation, consent: "yes" });
    expect(published.status).toBe(200);
    const { published: result } = await published.json();
    expect(result.pageUrl).toMatch(/^http:\/\/community\.test\/testimonials\/\d+$/);
    const share = new URL(result.share.linkedin);
    expect(share.origin + share.pathname).toBe("https://www.linkedin.com/sharing/share-offsite/");
    expect(share.searchParams.get("url")).toBe(result.pageUrl);
    // Nothing is offered in exchange: no points for the recommendation.
    const points = await handle.db
      .selectFrom("reputation_ledger")
      .select("id")
      .where("user_id", "=", advocate.id)
      .execute();
    expect(points).toEqual([]);

    const wall = await (await client().get(`${WALL}&industry=Healthcare`)).json();
    const entry = wall.wall.rows.find((t: { body: string }) => t.body === comment);
    expect(entry.credit_line).toBe("Dana Reyes, Head of IT, Northwind");
    expect(
      (await (await client().get(`${WALL}&industry=Education`)).json()).wall.rows.some(
        (t: { id: number }) => t.id === entry.id,
      ),
    ).toBe(false);

    // A manager starts a case-study draft from it in one click, once.
    const story = await c.post(WALL, { intent: "startStory", id: String(entry.id) });
    expect(redirectOf(story)).toMatch(/^\/manage\/stories\/\d+$/);
    const draft = await handle.db
      .selectFrom("case_studies")
      .select(["author_id", "source_type", "status"])
      .where("source_type", "=", "testimonial")
      .where("source_id", "=", String(entry.id))
      .executeTakeFirstOrThrow();
    expect(draft).toEqual({
      author_id: advocate.id,
      source_type: "testimonial",
      status: "proposed",
    });
    expect((await c.post(WALL, { intent: "startStory", id: String(entry.id) })).status).toBe(409);
    // An advocate cannot.
    expect(
      (await (await client().signIn(advocate.email)).post(WALL, { intent: "startStory", id: "1" }))
        .status,
    ).toBe(403);

    // The author withdraws it with the link from the mail: gone from the wall and its page.
    await server.outbox.runOnce();
    const deadline = Date.now() + 10_000;
    let withdrawLink: string | undefined;
    while (!withdrawLink && Date.now() < deadline) {
      const mail = smtp.received.find((m) => m.subject === "Your recommendation is published");
      withdrawLink = /http:\/\/community\.test(\/testimonials\/withdraw\/[A-Za-z0-9_-]+)/.exec(
        mail?.text ?? "",
      )?.[1];
      if (!withdrawLink) await new Promise((r) => setTimeout(r, 50));
    }
    expect(withdrawLink).toBeTruthy();
    expect((await client().get(withdrawLink!)).status).toBe(200);
    expect((await client().get(`/testimonials/${entry.id}`)).status).toBe(200);
    const withdrawn = await client().post(
      `${withdrawLink}?_data=routes%2Ftestimonials.withdraw.%24token`,
      {},
    );
    expect(withdrawn.status).toBe(200);
    expect((await client().get(`/testimonials/${entry.id}`)).status).toBe(404);
    const after = await (await client().get(WALL)).json();
    expect(after.wall.rows.some((t: { id: number }) => t.id === entry.id)).toBe(false);

    // The survey's page shows its response rate and score.
    const detail = await (
      await c.get(`${surveyPath}?_data=routes%2Fmanage.promoters.surveys.%24id`)
    ).json();
    expect(detail.figures).toMatchObject({ sent: 2, answered: 1, responseRate: 50, nps: 100 });

    // Re-sending within the cool-down is refused; so is a new survey to the same people.
    const recipient = await handle.db
      .selectFrom("nps_survey_recipients")
      .select("id")
      .where("email", "=", contact)
      .executeTakeFirstOrThrow();
    const resend = await c.post(`${surveyPath}?_data=routes%2Fmanage.promoters.surveys.%24id`, {
      recipientId: String(recipient.id),
    });
    expect(resend.status).toBe(409);
    expect((await resend.json()).formError).toMatch(/can be sent again from/);
    const surveysNow = await count("nps_surveys");
    const repeat = await c.post(NEW, {
      name: "Q4 pulse again",
      question: "How likely are you to recommend us to a colleague?",
      followUp: "",
      audience: "list",
      emails: `${advocate.email}\n${contact}\n`,
      sendAt: "",
    });
    expect(repeat.status).toBe(400);
    expect((await repeat.json()).fieldErrors.emails).toMatch(/surveyed in the last 90 days/);
    expect(await count("nps_surveys")).toBe(surveysNow);
  });

  it("a detractor opens a follow-up on the dashboard and is never invited to advocate; a passive is asked what would make it a 10", async () => {
    const { c } = await manager();
    const s = uniqueSuffix();
    const unhappy = `sam-${s}@fabrikam.example`;
    const lukewarm = `ari-${s}@tailspin.example`;
    const created = await c.post(NEW, {
      name: "Onboarding check",
      question: "How likely are you to recommend us after onboarding?",
      followUp: "",
      audience: "list",
      emails: `${unhappy},Sam Okafor,Fabrikam\n${lukewarm},Ari Lund,Tailspin\n`,
      sendAt: "",
    });
    redirectOf(created);
    const dashboard = "/manage?_data=routes%2Fmanage._index";
    const openBefore = (await (await c.get(dashboard)).json()).followUps.open;

    const token = await mailedToken(unhappy);
    const visitor = client();
    expect(
      (
        await visitor.post(answerPath(token), {
          intent: "answer",
          score: "3",
          comment: "The connector broke twice this month.",
        })
      ).status,
    ).toBe(200);
    const health = await (await c.get(dashboard)).json();
    expect(health.followUps.open).toBe(openBefore + 1);
    const followUp = await handle.db
      .selectFrom("nps_follow_ups as f")
      .innerJoin("nps_responses as a", "a.id", "f.response_id")
      .select(["f.id", "f.closed_at"])
      .where("a.email", "=", unhappy)
      .executeTakeFirstOrThrow();
    expect(followUp.closed_at).toBeNull();

    // Never invited to advocate: the recommendation step refuses, and nothing is published.
    const before = await count("testimonials");
    const sneaky = await visitor.post(answerPath(token), {
      intent: "recommend",
      body: "Actually it is great, I promise you all.",
      credit: "name",
      name: "Sam Okafor",
      consent: "yes",
    });
    expect(sneaky.status).toBe(403);
    expect(await count("testimonials")).toBe(before);
    expect((await (await visitor.get(answerPath(token))).json()).step).toBe("detractor");

    // The manager closes the loop: closing without an outcome is refused.
    const FOLLOW = "/manage/promoters/follow-ups?_data=routes%2Fmanage.promoters.follow-ups";
    const noOutcome = await c.post(FOLLOW, {
      id: String(followUp.id),
      ownerId: "",
      dueOn: "2026-12-05",
      notes: "Called, left a message.",
      outcome: "",
      close: "yes",
    });
    expect(noOutcome.status).toBe(400);
    expect((await noOutcome.json()).fieldErrors.outcome).toMatch(/outcome/);
    const closed = await c.post(FOLLOW, {
      id: String(followUp.id),
      ownerId: "",
      dueOn: "2026-12-05",
      notes: "Called Sam; the connector retries were misconfigured.",
      outcome: "Fixed the retry settings together; Sam is satisfied.",
      close: "yes",
    });
    expect(redirectOf(closed)).toBe("/manage/promoters/follow-ups");
    const later = await (await c.get(dashboard)).json();
    expect(later.followUps.open).toBe(openBefore);
    expect(later.followUps.medianHoursToClose).not.toBeNull();

    // A passive gets the extra question, once.
    const passiveToken = await mailedToken(lukewarm);
    await visitor.post(answerPath(passiveToken), { intent: "answer", score: "8" });
    expect((await (await visitor.get(answerPath(passiveToken))).json()).step).toBe("passive");
    const improved = await visitor.post(answerPath(passiveToken), {
      intent: "improve",
      improvement: "A native Snowflake connector.",
    });
    expect(improved.status).toBe(200);
    expect((await (await visitor.get(answerPath(passiveToken))).json()).step).toBe("done");
    const row = await handle.db
      .selectFrom("nps_survey_recipients")
      .select("improvement")
      .where("email", "=", lukewarm)
      .executeTakeFirstOrThrow();
    expect(row.improvement).toBe("A native Snowflake connector.");
  });
});

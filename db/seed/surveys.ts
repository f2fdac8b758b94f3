import { hashLinkToken, newLinkToken } from "../../app/modules/promoters/surveys/tokens.ts";
import { creditLine } from "../../app/modules/testimonials/validation.ts";
import type { Queryable } from "../client.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface SeedAnswer {
  /** A demo member's handle, or an outside contact. */
  who: string | { email: string; name: string; company: string };
  score?: number;
  comment?: string;
  improvement?: string;
  testimonial?: {
    credit: "name" | "title" | "company" | "initials";
    jobTitle: string;
    industry: string;
    productArea: string;
  };
  followUp?: { outcome?: string; notes: string };
}

const ANSWERS: SeedAnswer[] = [
  {
    who: "catie",
    score: 10,
    comment:
      "We replaced three nightly scripts with one pipeline, and the on-call pager has been quiet since. The community answered my first question in twenty minutes.",
    testimonial: {
      credit: "company",
      jobTitle: "Data platform lead",
      industry: "Healthcare",
      productArea: "Data pipelines",
    },
  },
  {
    who: "tomas-aguilar",
    score: 9,
    comment:
      "Single sign-on took an afternoon to roll out to 4,000 people. Auditors were happy with the access logs on the first try.",
    testimonial: {
      credit: "title",
      jobTitle: "IT security manager",
      industry: "Financial services",
      productArea: "SSO and identity",
    },
  },
  {
    who: {
      email: "nadia.haddad@blueharbor.example",
      name: "Nadia Haddad",
      company: "Blue Harbor Logistics",
    },
    score: 10,
    comment:
      "Our dispatch dashboards used to be a week late. Now the morning meeting starts from live numbers.",
    testimonial: {
      credit: "initials",
      jobTitle: "",
      industry: "Logistics",
      productArea: "Dashboards and reporting",
    },
  },
  { who: "aiko-t", score: 9, comment: "The API is predictable and the docs are honest." },
  {
    who: "seun",
    score: 8,
    comment: "Solid, but the connector catalogue lags behind our stack.",
    improvement: "A native connector for our ERP, so we can drop the CSV exports.",
  },
  { who: "hannah-lindqvist", score: 7, comment: "Good product, slow support on weekends." },
  {
    who: {
      email: "p.osei@kestrelmfg.example",
      name: "Paul Osei",
      company: "Kestrel Manufacturing",
    },
    score: 4,
    comment: "Two failed syncs this month and nobody told us until the reports were wrong.",
    followUp: {
      notes: "Called Paul on Tuesday; shared the incident report and the new alerting settings.",
      outcome: "Alerts now reach their on-call channel; Paul agreed to a check-in in a month.",
    },
  },
  {
    who: {
      email: "r.baptiste@lumenedu.example",
      name: "Rosa Baptiste",
      company: "Lumen Education",
    },
    score: 5,
    comment: "Pricing changed mid-contract and the renewal quote surprised us.",
    followUp: { notes: "Left a voicemail; account manager looped in." },
  },
  { who: "rajesh-iyer" },
  { who: "marisol" },
  { who: { email: "k.moreau@alpinehotels.example", name: "Kim Moreau", company: "Alpine Hotels" } },
];

const sentAtFor = (now: Date) => new Date(now.getTime() - 12 * DAY);
const answeredAtFor = (sentAt: Date, i: number) => new Date(sentAt.getTime() + (i + 1) * 7 * HOUR);

/** The scores and times of the survey's answers, as they join the NPS figures. */
export function seededSurveyAnswers(now: Date): { score: number; respondedAt: Date }[] {
  const sentAt = sentAtFor(now);
  return ANSWERS.flatMap((a, i) =>
    a.score === undefined ? [] : [{ score: a.score, respondedAt: answeredAtFor(sentAt, i) }],
  );
}

/** One survey sent twelve days ago, with realistic answers, testimonials and follow-ups. */
export async function seedSurveys(
  db: Queryable,
  people: Map<string, number>,
  now: Date,
): Promise<void> {
  const managerId = people.get("morgan")!;
  const sentAt = sentAtFor(now);
  const survey = await db
    .insertInto("nps_surveys")
    .values({
      name: "Q4 relationship pulse",
      question: "How likely are you to recommend Northwind Data to a friend or colleague?",
      follow_up: "What is the main reason for your score?",
      audience: "list",
      send_at: sentAt,
      sent_at: sentAt,
      created_by: managerId,
      created_at: sentAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const [i, answer] of ANSWERS.entries()) {
    const person =
      typeof answer.who === "string"
        ? await db
            .selectFrom("users")
            .innerJoin("profiles", "profiles.user_id", "users.id")
            .select(["users.id", "users.email", "users.display_name as name", "profiles.company"])
            .where("users.id", "=", people.get(answer.who)!)
            .executeTakeFirstOrThrow()
        : { id: null, ...answer.who };
    const answeredAt = answeredAtFor(sentAt, i);
    const response =
      answer.score === undefined
        ? null
        : await db
            .insertInto("nps_responses")
            .values({
              email: person.email.toLowerCase(),
              name: person.name,
              company: person.company,
              score: answer.score,
              comment: answer.comment ?? "",
              responded_at: answeredAt,
            })
            .returning("id")
            .executeTakeFirstOrThrow();
    await db
      .insertInto("nps_survey_recipients")
      .values({
        survey_id: survey.id,
        email: person.email.toLowerCase(),
        name: person.name,
        company: person.company,
        user_id: person.id,
        token_hash: hashLinkToken(newLinkToken()),
        sent_at: sentAt,
        answered_at: response ? answeredAt : null,
        response_id: response?.id ?? null,
        improvement: answer.improvement ?? "",
        moment_done_at: answer.testimonial || answer.improvement ? answeredAt : null,
        created_at: sentAt,
      })
      .execute();
    if (response && answer.testimonial) {
      const t = answer.testimonial;
      await db
        .insertInto("testimonials")
        .values({
          response_id: response.id,
          author_email: person.email.toLowerCase(),
          user_id: person.id,
          body: answer.comment!,
          credit: t.credit,
          credit_line: creditLine({
            credit: t.credit,
            name: person.name,
            jobTitle: t.jobTitle,
            company: person.company,
          }),
          industry: t.industry,
          product_area: t.productArea,
          score: answer.score!,
          consented_at: answeredAt,
          withdraw_token_hash: hashLinkToken(newLinkToken()),
          created_at: answeredAt,
        })
        .execute();
    }
    if (response && answer.followUp) {
      const closedAt = answer.followUp.outcome ? new Date(answeredAt.getTime() + 30 * HOUR) : null;
      await db
        .insertInto("nps_follow_ups")
        .values({
          response_id: response.id,
          survey_id: survey.id,
          owner_id: managerId,
          due_at: new Date(answeredAt.getTime() + 3 * DAY),
          notes: answer.followUp.notes,
          outcome: answer.followUp.outcome ?? "",
          closed_at: closedAt,
          closed_by: closedAt ? managerId : null,
          created_at: answeredAt,
        })
        .execute();
    }
  }
}

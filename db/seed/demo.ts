import { sql } from "kysely";
import { hashPassword } from "../../app/modules/auth/password.server.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { issueCredentials } from "../../app/modules/credentials/issue.server.ts";
import { loadEnv } from "../../app/utils/env.server.ts";
import { renderMarkdown } from "../../app/utils/markdown.server.ts";
import type { DB } from "../client.ts";
import { seedAdvocacy } from "./advocacy.ts";
import { seedChapters } from "./chapters.ts";
import { seedDiscussions } from "./discussions.ts";
import { seedEmbeds } from "./embeds.ts";
import { seedOutbox } from "./outbox.ts";
import { PEOPLE } from "./people.ts";
import { seedPromoters } from "./promoters.ts";
import { seedRelationships } from "./relationships.ts";
import { seedSurveys } from "./surveys.ts";
import { seedReputation } from "./reputation.ts";
import { seedTiers } from "./tiers.ts";

export const DEMO_PASSWORD = "limelight-demo";

export async function isDatabaseEmpty(db: DB): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

const DAY = 86_400_000;

/**
 * The demo community: people with full profiles. Later capabilities add
 * their own steps after this one. Runs in one transaction: a failed seed
 * leaves the database as it was.
 */
/** Seeds the demo community; `onProgress` hears each step as it starts (seeding takes a while). */
export async function seedDemoCommunity(
  db: DB,
  now = new Date(),
  onProgress: (step: string, done: number, total: number) => void = () => {},
): Promise<void> {
  const steps = [
    "people and profiles",
    "discussions",
    "advocacy programs",
    "reputation",
    "tiers",
    "promoters",
    "credentials",
    "statistics",
  ];
  let done = 0;
  const progress = (step: string) => onProgress(step, done++, steps.length);
  // Every demo account shares one password, so it is hashed once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    progress(steps[0]);
    const ids = new Map<string, number>();
    for (const person of PEOPLE) {
      const createdAt = new Date(now.getTime() - person.memberSinceDaysAgo * DAY);
      const user = await trx
        .insertInto("users")
        .values({
          email: person.email,
          handle: person.handle,
          display_name: person.displayName,
          password_hash: passwordHash,
          role: person.role,
          created_at: createdAt,
          updated_at: createdAt,
          verified_customer_at:
            person.role === "prospect" ? null : new Date(createdAt.getTime() + DAY),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.set(person.handle, user.id);
      await trx
        .insertInto("profiles")
        .values({
          user_id: user.id,
          headline: person.headline,
          company: person.company,
          job_title: person.jobTitle,
          industry: person.industry,
          location: person.location,
          bio_md: person.bio,
          bio_html: renderMarkdown(person.bio),
          expertise: person.expertise,
          linkedin_url: person.linkedinUrl,
          blog_url: person.blogUrl,
          website_url: person.websiteUrl,
          open_to_speaking: person.openTo.speaking,
          open_to_references: person.openTo.references,
          open_to_case_studies: person.openTo.caseStudies,
          open_to_mentoring: person.openTo.mentoring,
          is_public: person.isPublic,
          updated_at: createdAt,
        })
        .execute();
    }
    const managerId = ids.get("morgan") ?? null;
    for (const person of PEOPLE.filter((p) => p.role === "advocate")) {
      await trx
        .updateTable("users")
        .set({ verified_by: managerId })
        .where("id", "=", ids.get(person.handle)!)
        .execute();
    }
    // Each capability adds its own part of the demo community, in order.
    progress(steps[1]);
    await seedDiscussions(trx, ids, now);
    progress(steps[2]);
    await seedAdvocacy(trx, ids, now);
    await seedChapters(trx, ids, now);
    progress(steps[3]);
    await seedReputation(trx, ids, now);
    progress(steps[4]);
    await seedTiers(trx, ids, now);
    progress(steps[5]);
    await seedPromoters(trx, ids, now);
    await seedOutbox(trx, ids, now);
    await seedSurveys(trx, ids, now);
    await seedRelationships(trx, ids, now);
    await seedEmbeds(trx, ids, now);
    // Talks, badges, stories and tiers become verifiable credentials, signed for this site's address.
    progress(steps[6]);
    const env = loadEnv();
    await issueCredentials(
      contextFor(trx, null, {
        now,
        site: { publicUrl: env.PUBLIC_URL, mailFrom: env.MAIL_FROM },
      }),
      { secret: env.SETTINGS_ENCRYPTION_KEY },
    );
    // People have read what is more than a week old (replies, points and decisions alike).
    const weekAgo = new Date(now.getTime() - 7 * DAY);
    await trx
      .updateTable("notifications")
      .set({ read_at: weekAgo })
      .where("created_at", "<", weekAgo)
      .execute();
    await trx
      .insertInto("audit_log")
      .values({
        actor_id: null,
        action: "demo.seeded",
        subject_type: "system",
        subject_id: "demo",
        details: JSON.stringify({ people: PEOPLE.length }),
      })
      .execute();
  });
  progress(steps[7]);
  await sql`analyze`.execute(db);
}

export function printDemoSignIns(): void {
  const lines = [
    "",
    "  Demo community ready. Sign in at /login with any of these (password: limelight-demo):",
    "    admin     admin@demo.limelight.dev",
    "    manager   manager@demo.limelight.dev",
    "    advocate  catie@demo.limelight.dev",
    "",
  ];
  console.log(lines.join("\n"));
}

import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import type { ChapterSubject } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { announceAwards, awardPoints, reversePoints } from "../reputation/ledger.server.ts";
import { ConflictError, FieldError, NotFoundError } from "../../utils/errors.ts";
import { isValidTimeZone } from "../advocacy/time.ts";
import { isCountryCode, REGIONS } from "./countries.ts";
import "./sources.server.ts";

/**
 * Chapters are local groups ("Madrid", "Shanghai", "Nordics"), each with
 * leaders a manager appoints and members who join themselves. Leading a
 * chapter is a recognised contribution: the appointment is a ledger award,
 * reversed when the person steps down.
 */

export const chapterLeaderKey = (chapterId: number, userId: number, at: Date) =>
  `chapter_led:${chapterId}:${userId}:${at.getTime()}`;

export interface ChapterInput {
  name: string;
  slug: string;
  description: string;
  language: string;
  region: string;
  country: string | null;
  timeZone: string;
}

export async function listChapters(db: Queryable, filter: { region?: string } = {}) {
  let query = db
    .selectFrom("chapters as c")
    .select((eb) => [
      "c.id",
      "c.slug",
      "c.name",
      "c.description",
      "c.language",
      "c.region",
      "c.country",
      "c.time_zone",
      eb
        .selectFrom("chapter_members as m")
        .whereRef("m.chapter_id", "=", "c.id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("memberCount"),
    ])
    .orderBy("c.name");
  if (filter.region) query = query.where("c.region", "=", filter.region);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, memberCount: Number(r.memberCount ?? 0) }));
}

export async function getChapterBySlug(db: Queryable, slug: string) {
  const chapter = await db
    .selectFrom("chapters")
    .selectAll()
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!chapter) throw new NotFoundError("We could not find that chapter.");
  return chapter;
}

export async function getChapterById(db: Queryable, id: number) {
  const chapter = await db
    .selectFrom("chapters")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!chapter) throw new NotFoundError("We could not find that chapter.");
  return chapter;
}

/** Names and addresses of chapters by id, for lists that show which chapter an event is in. */
export async function chapterNames(db: Queryable, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map<number, { name: string; slug: string }>();
  const rows = await db
    .selectFrom("chapters")
    .select(["id", "name", "slug"])
    .where("id", "in", wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, slug: r.slug }]));
}

/** Where each of these chapters is: its country and region (for "near you" ordering). */
export async function chapterPlaces(db: Queryable, ids: number[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map<number, { country: string | null; region: string }>();
  const rows = await db
    .selectFrom("chapters")
    .select(["id", "country", "region"])
    .where("id", "in", wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, { country: r.country, region: r.region }]));
}

/** The chapters this person is a member of. */
export async function chapterIdsOf(db: Queryable, userId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom("chapter_members")
    .select("chapter_id")
    .where("user_id", "=", userId)
    .execute();
  return new Set(rows.map((r) => r.chapter_id));
}

/** The chapter as the policy sees it: who leads it. */
export async function chapterSubject(db: Queryable, chapterId: number): Promise<ChapterSubject> {
  return { leaderIds: await chapterLeaderIds(db, chapterId) };
}

export async function chapterLeaderIds(db: Queryable, chapterId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("chapter_leaders")
    .select("user_id")
    .where("chapter_id", "=", chapterId)
    .execute();
  return rows.map((r) => r.user_id);
}

/** Chapters this person leads (for the event form's chapter choice). */
export async function chaptersLedBy(db: Queryable, userId: number) {
  return db
    .selectFrom("chapter_leaders as l")
    .innerJoin("chapters as c", "c.id", "l.chapter_id")
    .select(["c.id", "c.slug", "c.name", "c.time_zone"])
    .where("l.user_id", "=", userId)
    .orderBy("c.name")
    .execute();
}

/** Leaders and members with their public names; a member list is for signed-in readers. */
export async function chapterPeople(db: Queryable, chapterId: number) {
  const leaders = await db
    .selectFrom("chapter_leaders as l")
    .innerJoin("users as u", "u.id", "l.user_id")
    .select(["u.id", "u.handle", "u.display_name", "l.appointed_at"])
    .where("l.chapter_id", "=", chapterId)
    .where("u.deleted_at", "is", null)
    .orderBy("l.appointed_at")
    .execute();
  const members = await db
    .selectFrom("chapter_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.handle", "u.display_name", "m.joined_at"])
    .where("m.chapter_id", "=", chapterId)
    .where("u.deleted_at", "is", null)
    .orderBy("m.joined_at", "desc")
    .limit(60)
    .execute();
  return { leaders, members };
}

export async function isChapterMember(db: Queryable, chapterId: number, userId: number) {
  const row = await db
    .selectFrom("chapter_members")
    .select("user_id")
    .where("chapter_id", "=", chapterId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return !!row;
}

function checkChapter(input: ChapterInput) {
  if (!REGIONS.includes(input.region as (typeof REGIONS)[number]))
    throw new FieldError("region", "Choose one of the listed regions.");
  if (input.country !== null && !isCountryCode(input.country))
    throw new FieldError("country", "Choose a country from the list, or none.");
  if (!isValidTimeZone(input.timeZone))
    throw new FieldError("timeZone", `“${input.timeZone}” is not a time zone we know.`);
}

export const createChapter = defineCommand({
  name: "chapter.create",
  authorize: (viewer) => ensure("manageChapters", viewer),
  async run(trx, input: ChapterInput, { viewer, effects, now }) {
    ensure("manageChapters", viewer);
    checkChapter(input);
    const taken = await trx
      .selectFrom("chapters")
      .select("id")
      .where("slug", "=", input.slug)
      .executeTakeFirst();
    if (taken) throw new FieldError("slug", "Another chapter already uses this address.");
    const chapter = await trx
      .insertInto("chapters")
      .values({
        slug: input.slug,
        name: input.name,
        description: input.description,
        language: input.language,
        region: input.region,
        country: input.country,
        time_zone: input.timeZone,
        created_by: viewer.id,
        created_at: now,
      })
      .returning(["id", "slug"])
      .executeTakeFirstOrThrow();
    effects.audit({
      actorId: viewer.id,
      action: "chapter.created",
      subjectType: "chapter",
      subjectId: chapter.id,
      details: { name: input.name },
    });
    return chapter;
  },
});

async function addMember(trx: Queryable, chapterId: number, userId: number, at: Date) {
  await trx
    .insertInto("chapter_members")
    .values({ chapter_id: chapterId, user_id: userId, joined_at: at })
    .onConflict((oc) => oc.columns(["chapter_id", "user_id"]).doNothing())
    .execute();
}

export const appointLeader = defineCommand({
  name: "chapter.appoint_leader",
  authorize: (viewer) => ensure("manageChapters", viewer),
  async run(trx, input: { chapterId: number; handle: string }, { viewer, effects, now }) {
    ensure("manageChapters", viewer);
    const chapter = await getChapterById(trx, input.chapterId);
    const person = await trx
      .selectFrom("users")
      .select(["id", "display_name", "handle"])
      .where("handle", "=", input.handle.trim().replace(/^@/, "").toLowerCase())
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (!person) throw new FieldError("handle", "Nobody on Limelight has that handle.");
    const inserted = await trx
      .insertInto("chapter_leaders")
      .values({
        chapter_id: chapter.id,
        user_id: person.id,
        appointed_by: viewer.id,
        appointed_at: now,
      })
      .onConflict((oc) => oc.columns(["chapter_id", "user_id"]).doNothing())
      .returning("user_id")
      .executeTakeFirst();
    if (!inserted) throw new ConflictError(`${person.display_name} already leads ${chapter.name}.`);
    await addMember(trx, chapter.id, person.id, now);
    const entry =
      person.id === viewer.id
        ? null
        : await awardPoints(trx, {
            userId: person.id,
            rule: "chapter_led",
            source: { type: "chapter", id: chapter.id, title: chapter.name },
            idempotencyKey: chapterLeaderKey(chapter.id, person.id, now),
            awardedBy: viewer.id,
            at: now,
          });
    announceAwards(effects, entry);
    effects.audit({
      actorId: viewer.id,
      action: "chapter.leader_appointed",
      subjectType: "chapter",
      subjectId: chapter.id,
      details: { userId: person.id, points: entry?.amount ?? 0 },
    });
    effects.notify({
      userId: person.id,
      kind: "success",
      title: `You now lead ${chapter.name}`,
      description: "You can post events for the chapter and welcome its members.",
      url: `/chapters/${chapter.slug}`,
    });
    return { userId: person.id };
  },
});

export const removeLeader = defineCommand({
  name: "chapter.remove_leader",
  authorize: (viewer) => ensure("manageChapters", viewer),
  async run(trx, input: { chapterId: number; userId: number }, { viewer, effects, now }) {
    ensure("manageChapters", viewer);
    const removed = await trx
      .deleteFrom("chapter_leaders")
      .where("chapter_id", "=", input.chapterId)
      .where("user_id", "=", input.userId)
      .returning(["user_id", "appointed_at"])
      .executeTakeFirst();
    if (!removed) throw new NotFoundError("That person does not lead this chapter.");
    // Stepping down takes back the leadership award; what they hosted stays theirs.
    await reversePoints(trx, {
      idempotencyKey: chapterLeaderKey(
        input.chapterId,
        input.userId,
        new Date(removed.appointed_at),
      ),
      reason: "Stepped down as chapter leader.",
      reversedBy: viewer.id,
      at: now,
    });
    effects.audit({
      actorId: viewer.id,
      action: "chapter.leader_removed",
      subjectType: "chapter",
      subjectId: input.chapterId,
      details: { userId: input.userId },
    });
  },
});

export const joinChapter = defineCommand({
  name: "chapter.join",
  authorize: (viewer) => ensure("joinChapter", viewer),
  async run(trx, input: { chapterId: number }, { viewer, now }) {
    ensure("joinChapter", viewer);
    const chapter = await getChapterById(trx, input.chapterId);
    await addMember(trx, chapter.id, viewer.id, now);
  },
});

export const leaveChapter = defineCommand({
  name: "chapter.leave",
  authorize: (viewer) => ensure("joinChapter", viewer),
  async run(trx, input: { chapterId: number }, { viewer }) {
    ensure("joinChapter", viewer);
    const leads = await trx
      .selectFrom("chapter_leaders")
      .select("user_id")
      .where("chapter_id", "=", input.chapterId)
      .where("user_id", "=", viewer.id)
      .executeTakeFirst();
    if (leads)
      throw new ConflictError(
        "You lead this chapter: ask a community manager to hand it over first.",
      );
    await trx
      .deleteFrom("chapter_members")
      .where("chapter_id", "=", input.chapterId)
      .where("user_id", "=", viewer.id)
      .execute();
  },
});

import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { ReferralLinkTarget } from "../../../db/tables/promoters.ts";
import { NotFoundError } from "../../utils/errors.ts";
import { ensure } from "../access/ensure.ts";
import { isVerifiedCustomer, type Viewer } from "../access/policy.ts";
import { listStoriesForProfile } from "../advocacy/story-queries.server.ts";
import { listTalksForProfile } from "../advocacy/talks.server.ts";
import { hashToken, newToken } from "../auth/tokens.ts";
import { defineCommand } from "../commands/command.server.ts";
import { companiesHelped } from "./credit.server.ts";

const CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function newCode() {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
}

export async function referralCodeOf(db: Queryable, advocateId: number) {
  const row = await db
    .selectFrom("referral_link_codes")
    .select("code")
    .where("advocate_id", "=", advocateId)
    .executeTakeFirst();
  return row?.code ?? null;
}

/** An advocate asks for their personal referral links (one code; one link per page they share). */
export const createReferralLinks = defineCommand({
  name: "referral_links.create",
  authorize(viewer) {
    ensure("shareReferralLinks", viewer);
  },
  async run(trx, _input: Record<string, never>, { viewer, effects, now }) {
    ensure("shareReferralLinks", viewer);
    const existing = await referralCodeOf(trx, viewer.id);
    if (existing) return { code: existing };
    const { code } = await trx
      .insertInto("referral_link_codes")
      .values({ advocate_id: viewer.id, code: newCode(), created_at: now })
      .onConflict((oc) => oc.column("advocate_id").doNothing())
      .returning("code")
      .executeTakeFirstOrThrow();
    effects.audit({
      actorId: viewer.id,
      action: "referral_links.created",
      subjectType: "user",
      subjectId: viewer.id,
    });
    return { code };
  },
});

/** An advocate's consent to "helped N companies decide" on their public profile. */
export const setHelpedCountShown = defineCommand({
  name: "credit.preferences.update",
  authorize(viewer) {
    ensure("shareReferralLinks", viewer);
  },
  async run(trx, input: { show: boolean }, { viewer, effects, now }) {
    ensure("shareReferralLinks", viewer);
    await trx
      .insertInto("credit_preferences")
      .values({ user_id: viewer.id, show_helped_count: input.show, updated_at: now })
      .onConflict((oc) =>
        oc.column("user_id").doUpdateSet({ show_helped_count: input.show, updated_at: now }),
      )
      .execute();
    effects.audit({
      actorId: viewer.id,
      action: input.show ? "credit.helped_count_shown" : "credit.helped_count_hidden",
      subjectType: "user",
      subjectId: viewer.id,
    });
    return { show: input.show };
  },
});

export async function helpedCountShown(db: Queryable, userId: number) {
  const row = await db
    .selectFrom("credit_preferences")
    .select("show_helped_count")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.show_helped_count ?? false;
}

/** What a public profile may say: "helped N companies decide", only with the advocate's consent. */
export async function publicHelpedCount(db: Queryable, userId: number) {
  if (!(await helpedCountShown(db, userId))) return null;
  const n = await companiesHelped(db, userId);
  return n > 0 ? n : null;
}

/** Where a link leads: the advocate's profile, one of their published stories or public talks. */
async function linkTarget(
  db: Queryable,
  advocate: { id: number; handle: string },
  kind: ReferralLinkTarget,
  targetId: number | null,
) {
  if (kind === "profile") return `/u/${advocate.handle}`;
  if (kind === "story") {
    const story = (await listStoriesForProfile(db, advocate.id)).find((s) => s.id === targetId);
    return story ? `/stories/${story.slug}` : null;
  }
  const talk = (await listTalksForProfile(db, null, advocate.id)).find((t) => t.id === targetId);
  return talk ? `/speaking/talks/${talk.id}` : null;
}

/**
 * A visit through a personal referral link: counted, and remembered by a
 * first-party token (the caller sets it as a cookie) so that a conversation
 * asked for later is attributed. An observation, like a thread view.
 */
export async function recordLinkClick(
  db: Queryable,
  input: {
    code: string;
    kind: ReferralLinkTarget;
    targetId: number | null;
    viewer: Viewer;
    now: Date;
  },
) {
  const owner = await db
    .selectFrom("referral_link_codes as l")
    .innerJoin("users as u", "u.id", "l.advocate_id")
    .select(["u.id", "u.handle", "u.role"])
    .where("l.code", "=", input.code.toLowerCase())
    .executeTakeFirst();
  if (!owner || !isVerifiedCustomer(owner))
    throw new NotFoundError("This referral link does not exist (any more).");
  const path = await linkTarget(db, owner, input.kind, input.targetId);
  if (!path) throw new NotFoundError("The page this link pointed to is no longer public.");
  // Advocates following their own link are not visitors brought by it.
  if (input.viewer?.id === owner.id) return { path, token: null };
  const token = newToken();
  await db
    .insertInto("referral_link_clicks")
    .values({
      advocate_id: owner.id,
      target_kind: input.kind,
      target_id: input.kind === "profile" ? null : input.targetId,
      token_hash: hashToken(token),
      user_id: input.viewer?.id ?? null,
      clicked_at: input.now,
    })
    .execute();
  return { path, token };
}

/** The click a visitor's attribution cookie stands for, if any. */
export async function clickForToken(db: Queryable, token: string | null | undefined) {
  if (!token) return null;
  const row = await db
    .selectFrom("referral_link_clicks")
    .select(["id", "advocate_id"])
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  return row ?? null;
}

/**
 * A signed-in reader opened a published story: the first read is kept (with
 * the link that brought them, if any), so the author can share the credit if
 * the reader's company is won later. The author's own reads do not count.
 */
export async function recordStoryRead(
  db: Queryable,
  input: { userId: number; storyId: number; authorId: number; token: string | null; now: Date },
) {
  if (input.userId === input.authorId) return;
  // Only the first read counts, so every later view is one indexed read and no write.
  const known = await db
    .selectFrom("prospect_touches")
    .select("id")
    .where("user_id", "=", input.userId)
    .where("story_id", "=", input.storyId)
    .where("kind", "=", "story_read")
    .executeTakeFirst();
  if (known) return;
  const click = await clickForToken(db, input.token);
  await db
    .insertInto("prospect_touches")
    .values({
      user_id: input.userId,
      kind: "story_read",
      story_id: input.storyId,
      advocate_id: input.authorId,
      click_id: click?.id ?? null,
      created_at: input.now,
    })
    .onConflict((oc) =>
      oc.columns(["user_id", "story_id"]).where("kind", "=", "story_read").doNothing(),
    )
    .execute();
}

/** A conversation request, with the link that brought the person asking (inside the request's transaction). */
export async function recordConversationRequest(
  trx: Queryable,
  input: { userId: number; advocateId: number; token: string | null | undefined; now: Date },
) {
  const click = await clickForToken(trx, input.token);
  await trx
    .insertInto("prospect_touches")
    .values({
      user_id: input.userId,
      kind: "conversation_request",
      story_id: null,
      advocate_id: input.advocateId,
      click_id: click?.id ?? null,
      created_at: input.now,
    })
    .execute();
}

export interface LinkFigure {
  advocate_id: number;
  target_kind: ReferralLinkTarget;
  target_id: number | null;
  clicks: number;
  conversions: number;
}

/**
 * Clicks and conversions per link. A visitor is known by the link they
 * clicked while signed in, or by the link's cookie on a later story read or
 * conversation request; a conversion is a conversation they asked for, or a
 * referral of them, after that click.
 */
export async function linkFigures(db: Queryable, advocateId?: number): Promise<LinkFigure[]> {
  const only = advocateId === undefined ? sql`true` : sql`c.advocate_id = ${advocateId}`;
  const { rows } = await sql<LinkFigure>`
    with visitors as (
      select c.id, c.advocate_id, c.target_kind, c.target_id, c.clicked_at, c.user_id
        from referral_link_clicks c where ${only} and c.user_id is not null
      union
      select c.id, c.advocate_id, c.target_kind, c.target_id, c.clicked_at, t.user_id
        from referral_link_clicks c join prospect_touches t on t.click_id = c.id where ${only}
    ),
    conversions as (
      select distinct v.advocate_id, v.target_kind, v.target_id, 'conversation:' || t.id as event
        from visitors v join prospect_touches t on t.user_id = v.user_id
        where t.kind = 'conversation_request' and t.created_at >= v.clicked_at
      union
      select distinct v.advocate_id, v.target_kind, v.target_id, 'referral:' || f.id
        from visitors v join users u on u.id = v.user_id
        join referrals f on f.contact_email = lower(u.email) and f.created_at >= v.clicked_at
    ),
    clicks as (
      select c.advocate_id, c.target_kind, c.target_id, count(*)::int as clicks
        from referral_link_clicks c where ${only} group by 1, 2, 3
    )
    select k.advocate_id, k.target_kind, k.target_id, k.clicks,
      (select count(*) from conversions v where v.advocate_id = k.advocate_id
         and v.target_kind = k.target_kind
         and v.target_id is not distinct from k.target_id)::int as conversions
    from clicks k`.execute(db);
  return rows.map((r) => ({ ...r, clicks: Number(r.clicks), conversions: Number(r.conversions) }));
}

/** An advocate's own links: their profile, each published story and public talk, with figures. */
export async function ownReferralLinks(db: Queryable, viewer: NonNullable<Viewer>) {
  ensure("shareReferralLinks", viewer);
  const [code, stories, talks, figures, showHelped, helped] = await Promise.all([
    referralCodeOf(db, viewer.id),
    listStoriesForProfile(db, viewer.id),
    listTalksForProfile(db, null, viewer.id),
    linkFigures(db, viewer.id),
    helpedCountShown(db, viewer.id),
    companiesHelped(db, viewer.id),
  ]);
  const figure = (kind: ReferralLinkTarget, id: number | null) =>
    figures.find((f) => f.target_kind === kind && f.target_id === id) ?? {
      clicks: 0,
      conversions: 0,
    };
  const links = [
    { kind: "profile" as const, id: null, title: "Your profile", ...figure("profile", null) },
    ...stories.map((s) => ({
      kind: "story" as const,
      id: s.id,
      title: s.title,
      ...figure("story", s.id),
    })),
    ...talks.map((t) => ({
      kind: "talk" as const,
      id: t.id,
      title: t.title,
      ...figure("talk", t.id),
    })),
  ];
  return {
    code,
    links: links.map((l) => ({
      ...l,
      path: code ? referralLinkPath(code, l.kind, l.id) : null,
    })),
    totals: {
      clicks: figures.reduce((n, f) => n + f.clicks, 0),
      conversions: figures.reduce((n, f) => n + f.conversions, 0),
    },
    showHelped,
    helped,
  };
}

export function referralLinkPath(code: string, kind: ReferralLinkTarget, id: number | null) {
  return kind === "profile" ? `/r/${code}` : `/r/${code}/${kind}/${id}`;
}

export const LINK_FIGURES_PAGE_SIZE = 25;

/**
 * Every advocate who holds referral links, with their clicks and
 * conversions, for managers: most clicked first, a page at a time, with the
 * totals over everyone.
 */
export async function linkFiguresByAdvocate(
  db: Queryable,
  viewer: Viewer,
  options: { page?: number } = {},
) {
  ensure("manageReferrals", viewer);
  const [figures, holders] = await Promise.all([
    linkFigures(db),
    db.selectFrom("referral_link_codes").select("advocate_id").execute(),
  ]);
  const byAdvocate = new Map<number, { clicks: number; conversions: number }>(
    holders.map((h) => [h.advocate_id, { clicks: 0, conversions: 0 }]),
  );
  for (const f of figures) {
    const entry = byAdvocate.get(f.advocate_id) ?? { clicks: 0, conversions: 0 };
    entry.clicks += f.clicks;
    entry.conversions += f.conversions;
    byAdvocate.set(f.advocate_id, entry);
  }
  const ids = [...byAdvocate.keys()];
  const people = ids.length
    ? await db
        .selectFrom("users")
        .select(["id", "handle", "display_name"])
        .where("id", "in", ids)
        .execute()
    : [];
  const all = people
    .map((p) => ({ ...p, ...byAdvocate.get(p.id)! }))
    .sort((a, b) => b.clicks - a.clicks || b.conversions - a.conversions || a.id - b.id);
  const pageCount = Math.max(1, Math.ceil(all.length / LINK_FIGURES_PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Math.floor(options.page ?? 1)));
  return {
    rows: all.slice((page - 1) * LINK_FIGURES_PAGE_SIZE, page * LINK_FIGURES_PAGE_SIZE),
    total: all.length,
    page,
    pageCount,
    totals: {
      clicks: all.reduce((n, a) => n + a.clicks, 0),
      conversions: all.reduce((n, a) => n + a.conversions, 0),
    },
  };
}

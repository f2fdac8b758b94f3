import { z } from "zod";
import { NotFoundError } from "../../../utils/errors.ts";
import { publishedStoriesPage } from "../../advocacy/api-reads.server.ts";
import { absoluteUrl } from "../../mail/settings.ts";
import {
  referencesPage,
  referralById,
  referralsPage,
  type ReferralRow,
} from "../../promoters/api-reads.server.ts";
import { classifyScore } from "../../promoters/nps.ts";
import { moveReferral, submitReferral } from "../../promoters/referrals.server.ts";
import { addResponse } from "../../promoters/survey.server.ts";
import { ledgerPage } from "../../reputation/api-reads.server.ts";
import { advocateByHandle, advocatesPage } from "./advocates.server.ts";
import { keysetAnswer, type ApiOperation } from "./handler.server.ts";
import * as S from "./schemas.ts";

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const before = (q: { cursor?: string }) => (q.cursor ? Number(q.cursor) : undefined);
const params = (p: Record<string, string | undefined>) => ({
  id: Number(/^[1-9]\d{0,9}$/.test(p.id ?? "") ? p.id : NaN),
  handle: p.handle ?? "",
});

function referralBody(r: ReferralRow) {
  return {
    id: r.id,
    stage: r.stage,
    company: r.company,
    contact_name: r.contact_name,
    contact_email: r.contact_email,
    note: r.note,
    revenue_cents: r.revenue_cents,
    margin_cents: r.margin_cents,
    advocate: { id: r.advocate_id, handle: r.advocate_handle },
    credits: r.credits.map((c) => ({
      advocate_handle: c.advocateHandle,
      share_basis_points: c.shareBasisPoints,
    })),
    created_at: iso(r.created_at)!,
    stage_changed_at: iso(r.stage_changed_at)!,
  };
}

type CursorQ = z.infer<typeof S.CursorQuery>;

/**
 * Every operation of /api/v1, with what the OpenAPI document says of it.
 * Each one reads through the owning module's functions or runs the same
 * command a page runs; none decides a rule itself.
 */
export const API_OPERATIONS = {
  listAdvocates: {
    method: "get",
    path: "/advocates",
    summary: "List advocates: profile, tier, points by area",
    response: S.AdvocatePage,
    operation: {
      scope: "advocates:read",
      query: S.CursorQuery,
      async run({ query, command, viewer, scopes, site }) {
        const page = await advocatesPage(
          command.db,
          { before: before(query), limit: query.limit },
          { viewer, private: scopes.includes("advocates:private"), site },
        );
        return {
          body: {
            data: page.rows,
            next_cursor: page.more ? String(page.rows.at(-1)!.id) : null,
          },
        };
      },
    } satisfies ApiOperation<undefined, CursorQ>,
  },
  getAdvocate: {
    method: "get",
    path: "/advocates/{handle}",
    summary: "One advocate",
    response: S.Advocate,
    operation: {
      scope: "advocates:read",
      async run({ params: p, command, viewer, scopes, site }) {
        return {
          body: await advocateByHandle(command.db, params(p).handle, {
            viewer,
            private: scopes.includes("advocates:private"),
            site,
          }),
        };
      },
    } satisfies ApiOperation,
  },
  getLedger: {
    method: "get",
    path: "/advocates/{handle}/ledger",
    summary: "An advocate's points ledger, newest first",
    response: S.LedgerPage,
    operation: {
      scope: "ledger:read",
      query: S.CursorQuery,
      async run({ params: p, query, command, viewer, site }) {
        const advocate = await advocateByHandle(command.db, params(p).handle, {
          viewer,
          private: false,
          site,
        });
        const rows = await ledgerPage(command.db, viewer, advocate.id, {
          before: before(query),
          limit: query.limit,
        });
        return {
          body: keysetAnswer(rows, query.limit, (r) => ({
            id: r.id,
            at: iso(r.created_at)!,
            amount: r.amount,
            rule: r.rule,
            area: r.area,
            source: { type: r.source_type, id: r.source_id },
            reason: r.reason,
            reverses: r.reverses_id,
          })),
        };
      },
    } satisfies ApiOperation<undefined, CursorQ>,
  },
  listReferrals: {
    method: "get",
    path: "/referrals",
    summary: "List referrals, newest first",
    response: S.ReferralPage,
    operation: {
      scope: "referrals:read",
      query: S.ReferralsQuery,
      async run({ query, command, viewer }) {
        const rows = await referralsPage(command.db, viewer, {
          before: before(query),
          limit: query.limit,
          stage: query.stage,
        });
        return { body: keysetAnswer(rows, query.limit, referralBody) };
      },
    } satisfies ApiOperation<undefined, z.infer<typeof S.ReferralsQuery>>,
  },
  getReferral: {
    method: "get",
    path: "/referrals/{id}",
    summary: "One referral",
    response: S.Referral,
    operation: {
      scope: "referrals:read",
      async run({ params: p, command, viewer }) {
        const { id } = params(p);
        if (!id) throw new NotFoundError("We could not find that referral.");
        return { body: referralBody(await referralById(command.db, viewer, id)) };
      },
    } satisfies ApiOperation,
  },
  createReferral: {
    method: "post",
    path: "/referrals",
    summary: "Record a referral credited to an advocate",
    request: S.NewReferral,
    status: 201,
    response: S.Referral,
    operation: {
      scope: "referrals:write",
      body: S.NewReferral,
      async run({ body, command, viewer, site }) {
        const advocate = await advocateByHandle(command.db, body.advocate, {
          viewer,
          private: false,
          site,
        });
        const created = await submitReferral(command, {
          advocateId: advocate.id,
          contactName: body.contact_name,
          contactEmail: body.contact_email,
          company: body.company,
          note: body.note,
        });
        return {
          status: 201,
          body: referralBody(await referralById(command.db, viewer, created.id)),
        };
      },
    } satisfies ApiOperation<z.infer<typeof S.NewReferral>>,
  },
  moveReferral: {
    method: "post",
    path: "/referrals/{id}/stage",
    summary: "Move a referral to its next stage; revenue and margin (in cents) when won",
    request: S.StageChange,
    response: S.Referral,
    operation: {
      scope: "referrals:write",
      body: S.StageChange,
      async run({ params: p, body, command, viewer }) {
        const { id } = params(p);
        if (!id) throw new NotFoundError("We could not find that referral.");
        await moveReferral(command, {
          referralId: id,
          stage: body.stage,
          revenueCents: body.revenue_cents ?? null,
          marginCents: body.margin_cents ?? null,
        });
        return { body: referralBody(await referralById(command.db, viewer, id)) };
      },
    } satisfies ApiOperation<z.infer<typeof S.StageChange>>,
  },
  listReferences: {
    method: "get",
    path: "/references",
    summary: "List reference conversations, newest first",
    response: S.ReferencePage,
    operation: {
      scope: "references:read",
      query: S.CursorQuery,
      async run({ query, command, viewer }) {
        const rows = await referencesPage(command.db, viewer, {
          before: before(query),
          limit: query.limit,
        });
        return {
          body: keysetAnswer(rows, query.limit, (r) => ({
            id: r.id,
            status: r.status,
            topic: r.topic,
            helpful: r.helpful,
            advocate: r.advocate_handle,
            prospect: r.prospect_handle,
            created_at: iso(r.created_at)!,
            completed_at: iso(r.completed_at),
          })),
        };
      },
    } satisfies ApiOperation<undefined, CursorQ>,
  },
  listStories: {
    method: "get",
    path: "/stories",
    summary: "List published customer stories, newest first",
    response: S.StoryPage,
    operation: {
      scope: "stories:read",
      query: S.CursorQuery,
      async run({ query, command, site }) {
        const rows = await publishedStoriesPage(command.db, {
          before: before(query),
          limit: query.limit,
        });
        return {
          body: keysetAnswer(rows, query.limit, (r) => ({
            id: r.id,
            title: r.title,
            company: r.company,
            industry: r.industry,
            product_area: r.product_area,
            pull_quote: r.pull_quote,
            url: absoluteUrl(site, `/stories/${r.slug}`),
            author: r.author_handle,
            published_at: iso(r.published_at),
          })),
        };
      },
    } satisfies ApiOperation<undefined, CursorQ>,
  },
  createNpsResponse: {
    method: "post",
    path: "/nps-responses",
    summary: "Record an NPS survey response (from a survey tool)",
    request: S.NewNpsResponse,
    status: 201,
    response: S.NpsResponse,
    operation: {
      scope: "nps:write",
      body: S.NewNpsResponse,
      async run({ body, command }) {
        const row = await addResponse(command, {
          email: body.email,
          name: body.name,
          company: body.company,
          score: body.score,
          comment: body.comment,
          respondedAt: new Date(body.responded_at),
        });
        return {
          status: 201,
          body: {
            id: row.id,
            email: row.email,
            score: row.score,
            category: classifyScore(row.score),
            responded_at: iso(row.responded_at)!,
          },
        };
      },
    } satisfies ApiOperation<z.infer<typeof S.NewNpsResponse>>,
  },
} as const;

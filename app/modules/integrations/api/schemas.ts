import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { AREAS } from "../../reputation/rules.ts";

extendZodWithOpenApi(z);

/**
 * The REST API's shapes, once: the same schemas validate requests and
 * generate /api/v1/openapi.json (openapi.server.ts).
 */
const STAGES = ["submitted", "contacted", "qualified", "won", "lost"] as const;

export const Problem = z
  .object({
    type: z
      .string()
      .openapi({ example: "https://community.example.com/api/v1/reference#conflict" }),
    title: z.string().openapi({ example: "Conflict" }),
    status: z.number().int().openapi({ example: 409 }),
    detail: z
      .string()
      .openapi({ example: "A submitted referral can move to contacted, lost, not to won." }),
    code: z.string().openapi({ example: "conflict" }),
    errors: z
      .record(z.string())
      .optional()
      .openapi({ description: "Messages per field, for 422." }),
  })
  .openapi("Problem", { description: "RFC 9457 problem details." });

export const CursorQuery = z.object({
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, "A cursor is the `next_cursor` of the previous page.")
    .optional()
    .openapi({ description: "The `next_cursor` of the previous page." }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

const Page = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z
    .object({
      data: z.array(item),
      next_cursor: z.string().nullable().openapi({ description: "Null on the last page." }),
    })
    .openapi(name);

export const Advocate = z
  .object({
    id: z.number().int(),
    handle: z.string(),
    name: z.string(),
    profile_url: z.string().url(),
    company: z.string().optional(),
    headline: z.string().optional(),
    tier: z.string().nullable(),
    points: z.object(Object.fromEntries(AREAS.map((a) => [a, z.number().int()]))).openapi({
      description: "Live points by area.",
    }),
    email: z.string().email().optional().openapi({ description: "Only with `advocates:private`." }),
    verified_at: z.string().datetime().nullable(),
  })
  .openapi("Advocate");
export const AdvocatePage = Page(Advocate, "AdvocatePage");

export const LedgerEntry = z
  .object({
    id: z.number().int(),
    at: z.string().datetime(),
    amount: z.number().int(),
    rule: z.string(),
    area: z.enum(AREAS),
    source: z.object({ type: z.string(), id: z.string() }),
    reason: z.string().nullable(),
    reverses: z.number().int().nullable(),
  })
  .openapi("LedgerEntry");
export const LedgerPage = Page(LedgerEntry, "LedgerPage");

export const Referral = z
  .object({
    id: z.number().int(),
    stage: z.enum(STAGES),
    company: z.string(),
    contact_name: z.string(),
    contact_email: z.string(),
    note: z.string(),
    revenue_cents: z.number().int().nullable(),
    margin_cents: z.number().int().nullable(),
    advocate: z.object({ id: z.number().int(), handle: z.string() }),
    /** Advocates sharing the credit of a won referral, in basis points summing to 10,000. */
    credits: z.array(
      z.object({ advocate_handle: z.string(), share_basis_points: z.number().int() }),
    ),
    created_at: z.string().datetime(),
    stage_changed_at: z.string().datetime(),
  })
  .openapi("Referral");
export const ReferralPage = Page(Referral, "ReferralPage");

export const ReferralsQuery = CursorQuery.extend({ stage: z.enum(STAGES).optional() });

export const NewReferral = z
  .object({
    advocate: z
      .string()
      .min(1)
      .max(60)
      .openapi({ description: "The handle of the advocate credited." }),
    contact_name: z.string().trim().min(1).max(200),
    contact_email: z.string().trim().email().max(320),
    company: z.string().trim().min(1).max(200),
    note: z.string().max(2000).default(""),
  })
  .strict()
  .openapi("NewReferral");

export const StageChange = z
  .object({
    stage: z.enum(STAGES),
    revenue_cents: z.number().int().min(0).max(1e13).optional(),
    margin_cents: z.number().int().max(1e13).optional(),
  })
  .strict()
  .openapi("StageChange", {
    example: { stage: "won", revenue_cents: 4_800_000, margin_cents: 1_900_000 },
  });

export const Reference = z
  .object({
    id: z.number().int(),
    status: z.string(),
    topic: z.string(),
    helpful: z.boolean().nullable(),
    advocate: z.string(),
    prospect: z.string(),
    created_at: z.string().datetime(),
    completed_at: z.string().datetime().nullable(),
  })
  .openapi("Reference");
export const ReferencePage = Page(Reference, "ReferencePage");

export const Story = z
  .object({
    id: z.number().int(),
    title: z.string(),
    company: z.string(),
    industry: z.string(),
    product_area: z.string(),
    pull_quote: z.string(),
    url: z.string().url(),
    author: z.string(),
    published_at: z.string().datetime().nullable(),
  })
  .openapi("Story");
export const StoryPage = Page(Story, "StoryPage");

export const NewNpsResponse = z
  .object({
    email: z.string().trim().email().max(320),
    name: z.string().trim().max(200).default(""),
    company: z.string().trim().max(200).default(""),
    score: z.number().int().min(0).max(10),
    comment: z.string().max(5000).default(""),
    responded_at: z.string().datetime({ offset: true }),
  })
  .strict()
  .openapi("NewNpsResponse");

export const NpsResponse = z
  .object({
    id: z.number().int(),
    email: z.string(),
    score: z.number().int(),
    category: z.enum(["promoter", "passive", "detractor"]),
    responded_at: z.string().datetime(),
  })
  .openapi("NpsResponse");

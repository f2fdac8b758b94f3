import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Time = ColumnType<Date, Date | string, Date | string>;

/** How the author chose to be credited under their words. */
export type TestimonialCredit = "name" | "title" | "company" | "initials";

export interface TestimonialsTable {
  id: Generated<number>;
  response_id: number | null;
  author_email: string;
  user_id: number | null;
  body: string;
  credit: TestimonialCredit;
  /** The credit exactly as shown ("Dana Reyes, Head of IT, Northwind" or "D. R."). */
  credit_line: string;
  industry: Generated<string>;
  product_area: Generated<string>;
  score: number;
  consented_at: Time;
  withdraw_token_hash: string;
  withdrawn_at: MaybeTime;
  story_id: number | null;
  created_at: CreatedAt;
}

/** Published recommendations from promoters, owned by the testimonials module. */
export interface TestimonialTables {
  testimonials: TestimonialsTable;
}

import type { ColumnType, Generated } from "kysely";
import type { LanguageColumn } from "../columns.ts";

/** Timestamps the database fills in unless a seed gives the moment it happened. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Moment = ColumnType<Date, Date | string, Date | string>;
type OptionalMoment = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

export type EarlyAccessKind = "release" | "briefing" | "roadmap" | "insider" | "recording";

export interface EarlyAccessItemsTable {
  id: Generated<number>;
  /** The language it is written in (chosen by its writer, or detected). */
  language: LanguageColumn;
  slug: string;
  kind: EarlyAccessKind;
  title: string;
  /** The only words shown to people who may not read the item yet. */
  teaser: Generated<string>;
  summary: Generated<string>;
  body_md: Generated<string>;
  /** Sanitised HTML rendered once from body_md when it is written. */
  body_html: Generated<string>;
  download_url: string | null;
  recording_url: string | null;
  requires_nda: Generated<boolean>;
  status: ColumnType<
    "draft" | "published",
    "draft" | "published" | undefined,
    "draft" | "published"
  >;
  published_at: OptionalMoment;
  /** General availability: everyone may read from then on; null means never public. */
  public_at: OptionalMoment;
  author_id: number | null;
  updated_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EarlyAccessReleasesTable {
  item_id: number;
  tier_id: number;
  opens_at: Moment;
}

export interface EarlyAccessNdaAcksTable {
  user_id: number;
  tier_id: number;
  terms_version: number;
  acknowledged_at: CreatedAt;
}

export interface EarlyAccessViewsTable {
  id: Generated<number>;
  item_id: number;
  user_id: number;
  tier_rank: number;
  via: "tier" | "public" | "staff";
  created_at: CreatedAt;
}

/** Tables of early-access content, its release cascade, NDA acknowledgements and the access log (owned by app/modules/early-access). */
export interface EarlyAccessTables {
  early_access_items: EarlyAccessItemsTable;
  early_access_releases: EarlyAccessReleasesTable;
  early_access_nda_acks: EarlyAccessNdaAcksTable;
  early_access_views: EarlyAccessViewsTable;
}

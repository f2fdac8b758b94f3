import { type Kysely, sql } from "kysely";

// Frozen once shipped: never imports application code.
//
// Tiers and early access. A catalogue of tiers (ranks are a convention other
// capabilities rely on: Member 1, Contributor 2, Champion 3, MVP 4); the
// automatic tier each person holds (stored, so reputation can move a little
// without flipping status back and forth); awards granted by managers for a
// term; one history row per change of standing; nominations; and
// early-access content with a release date per tier, NDA acknowledgements
// and an access log.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("tiers")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn("rank", "integer", (c) =>
      c
        .notNull()
        .unique()
        .check(sql`rank > 0`),
    )
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('base', 'automatic', 'awarded')`),
    )
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("colour", "text", (c) => c.notNull().defaultTo("stone"))
    .addColumn("icon", "text", (c) => c.notNull().defaultTo("circle"))
    .addColumn("reputation_threshold", "integer", (c) => c.check(sql`reputation_threshold > 0`))
    .addColumn("requires_showcase", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("term_months", "integer", (c) => c.check(sql`term_months between 1 and 60`))
    .addColumn("unlocks", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("nda_terms_md", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("nda_terms_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("nda_terms_version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "tiers_threshold_for_automatic",
      sql`(kind = 'automatic') = (reputation_threshold is not null)`,
    )
    .addCheckConstraint(
      "tiers_term_for_awarded",
      sql`(kind = 'awarded') = (term_months is not null)`,
    )
    .execute();

  // The automatic tier a person holds; no row means none beyond the base tier.
  await db.schema
    .createTable("tier_automatic_holdings")
    .addColumn("user_id", "integer", (c) =>
      c.primaryKey().references("users.id").onDelete("cascade"),
    )
    .addColumn("tier_id", "integer", (c) => c.notNull().references("tiers.id").onDelete("restrict"))
    .addColumn("since", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("tier_awards")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("tier_id", "integer", (c) => c.notNull().references("tiers.id").onDelete("restrict"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('active', 'revoked', 'lapsed')`),
    )
    .addColumn("since", "timestamptz", (c) => c.notNull())
    .addColumn("term_start", "timestamptz", (c) => c.notNull())
    .addColumn("term_end", "timestamptz", (c) => c.notNull())
    .addColumn("renewals", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("granted_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("ended_at", "timestamptz")
    .addColumn("ended_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("tier_awards_term_order", sql`term_end > term_start`)
    .execute();
  // One live award per person and tier; renewals extend it.
  await sql`create unique index tier_awards_one_active on tier_awards (user_id, tier_id) where status = 'active'`.execute(
    db,
  );
  // The lapse sweep and the renewal review read active awards by end date.
  await sql`create index tier_awards_active_end_idx on tier_awards (term_end) where status = 'active'`.execute(
    db,
  );

  await db.schema
    .createTable("tier_history")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("tier_id", "integer", (c) => c.notNull().references("tiers.id").onDelete("restrict"))
    .addColumn("change", "text", (c) =>
      c
        .notNull()
        .check(sql`change in ('reached', 'lost', 'granted', 'renewed', 'revoked', 'lapsed')`),
    )
    .addColumn("award_id", "integer", (c) => c.references("tier_awards.id").onDelete("set null"))
    .addColumn("actor_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("reason", "text")
    .addColumn("term_start", "timestamptz")
    .addColumn("term_end", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index tier_history_user_idx on tier_history (user_id, created_at desc, id desc)`.execute(
    db,
  );

  await db.schema
    .createTable("tier_nominations")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("nominee_id", "integer", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("tier_id", "integer", (c) => c.notNull().references("tiers.id").onDelete("restrict"))
    .addColumn("nominated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("evidence_links", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in ('open', 'accepted', 'declined')`),
    )
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("decision_reason", "text")
    .addColumn("award_id", "integer", (c) => c.references("tier_awards.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // At most one open nomination per nominee and tier.
  await sql`create unique index tier_nominations_one_open on tier_nominations (nominee_id, tier_id) where status = 'open'`.execute(
    db,
  );
  await sql`create index tier_nominations_status_idx on tier_nominations (status, created_at)`.execute(
    db,
  );

  await db.schema
    .createTable("early_access_items")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('release', 'briefing', 'roadmap', 'insider', 'recording')`),
    )
    .addColumn("title", "text", (c) => c.notNull().check(sql`length(trim(title)) > 0`))
    .addColumn("teaser", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("body_md", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("body_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("download_url", "text")
    .addColumn("recording_url", "text")
    .addColumn("requires_nda", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft', 'published')`),
    )
    .addColumn("published_at", "timestamptz")
    .addColumn("public_at", "timestamptz")
    .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index early_access_items_listing_idx on early_access_items (status, published_at desc, id desc)`.execute(
    db,
  );

  // The release cascade: from when each tier may read an item.
  await db.schema
    .createTable("early_access_releases")
    .addColumn("item_id", "integer", (c) =>
      c.notNull().references("early_access_items.id").onDelete("cascade"),
    )
    .addColumn("tier_id", "integer", (c) => c.notNull().references("tiers.id").onDelete("restrict"))
    .addColumn("opens_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("early_access_releases_pkey", ["item_id", "tier_id"])
    .execute();

  await db.schema
    .createTable("early_access_nda_acks")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("tier_id", "integer", (c) => c.notNull().references("tiers.id").onDelete("restrict"))
    .addColumn("terms_version", "integer", (c) => c.notNull())
    .addColumn("acknowledged_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("early_access_nda_acks_pkey", ["user_id", "tier_id", "terms_version"])
    .execute();

  await db.schema
    .createTable("early_access_views")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("item_id", "integer", (c) =>
      c.notNull().references("early_access_items.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("tier_rank", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("via", "text", (c) => c.notNull().check(sql`via in ('tier', 'public', 'staff')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index early_access_views_item_idx on early_access_views (item_id, created_at desc)`.execute(
    db,
  );
  await sql`create index early_access_views_created_idx on early_access_views (created_at desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "early_access_views",
    "early_access_nda_acks",
    "early_access_releases",
    "early_access_items",
    "tier_nominations",
    "tier_history",
    "tier_awards",
    "tier_automatic_holdings",
    "tiers",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

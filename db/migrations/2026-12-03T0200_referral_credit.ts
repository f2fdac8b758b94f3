import { sql, type Kysely } from "kysely";

// Frozen once shipped: never imports application code.
//
// Partial credit for won referrals (shares in basis points, 10,000 = 100 %),
// what a signed-in prospect did before asking (stories read, conversations
// requested), advocates' personal referral links and the clicks on them, and
// each advocate's consent to "helped N companies decide" on their profile.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("referral_credits")
    .addColumn("referral_id", "integer", (c) =>
      c.notNull().references("referrals.id").onDelete("cascade"),
    )
    .addColumn("advocate_id", "integer", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("share_bp", "integer", (c) =>
      c.notNull().check(sql`share_bp > 0 and share_bp <= 10000`),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("referral_credits_pk", ["referral_id", "advocate_id"])
    .execute();
  await db.schema
    .createIndex("referral_credits_advocate_idx")
    .on("referral_credits")
    .column("advocate_id")
    .execute();
  // Won referrals so far were credited wholly to the advocate who referred them.
  await sql`insert into referral_credits (referral_id, advocate_id, share_bp, created_at)
    select id, advocate_id, 10000, stage_changed_at from referrals where stage = 'won'`.execute(db);

  await db.schema
    .createTable("referral_link_codes")
    .addColumn("advocate_id", "integer", (c) =>
      c.primaryKey().references("users.id").onDelete("cascade"),
    )
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("referral_link_clicks")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("advocate_id", "integer", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("target_kind", "text", (c) =>
      c.notNull().check(sql`target_kind in ('profile', 'story', 'talk')`),
    )
    .addColumn("target_id", "integer")
    /** SHA-256 (hex) of the visitor's first-party attribution cookie. */
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("clicked_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("referral_link_clicks_advocate_idx")
    .on("referral_link_clicks")
    .columns(["advocate_id", "target_kind", "target_id"])
    .execute();

  await db.schema
    .createTable("prospect_touches")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('story_read', 'conversation_request')`),
    )
    .addColumn("story_id", "integer")
    /** The story's author, or the advocate asked for a conversation. */
    .addColumn("advocate_id", "integer", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("click_id", "integer", (c) =>
      c.references("referral_link_clicks.id").onDelete("set null"),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .execute();
  // A story counts once per reader: the first read is the one that came before asking.
  await db.schema
    .createIndex("prospect_touches_story_read_key")
    .on("prospect_touches")
    .columns(["user_id", "story_id"])
    .unique()
    .where(sql.ref("kind"), "=", "story_read")
    .execute();
  await db.schema
    .createIndex("prospect_touches_user_idx")
    .on("prospect_touches")
    .column("user_id")
    .execute();

  await db.schema
    .createTable("credit_preferences")
    .addColumn("user_id", "integer", (c) =>
      c.primaryKey().references("users.id").onDelete("cascade"),
    )
    .addColumn("show_helped_count", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "credit_preferences",
    "prospect_touches",
    "referral_link_clicks",
    "referral_link_codes",
    "referral_credits",
  ])
    await db.schema.dropTable(table).ifExists().execute();
}

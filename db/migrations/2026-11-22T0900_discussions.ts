import { type Kysely, sql } from "kysely";

// Frozen once shipped: never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Every change to a thread or a post takes the next number, so a client
  // that reconnects can ask for "everything after the last number I saw".
  await sql`create sequence discussion_change_seq`.execute(db);
  const nextChange = sql`nextval('discussion_change_seq')`;

  await db.schema
    .createTable("spaces")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("colour", "text", (c) => c.notNull().check(sql`colour ~ '^#[0-9a-f]{6}$'`))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("visibility", "text", (c) =>
      c.notNull().check(sql`visibility in ('public', 'members', 'tier')`),
    )
    .addColumn("min_tier_rank", "integer")
    .addColumn("prospects_may_ask", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "spaces_tier_rank_check",
      sql`(visibility = 'tier') = (min_tier_rank is not null)`,
    )
    .execute();

  await db.schema
    .createTable("threads")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("space_id", "integer", (c) => c.notNull().references("spaces.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('question', 'discussion')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("tags", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("reply_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("vote_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("accepted_post_id", "integer")
    .addColumn("locked_at", "timestamptz")
    .addColumn("locked_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("hidden_at", "timestamptz")
    .addColumn("deleted_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("edited_at", "timestamptz")
    .addColumn("last_activity_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_replier_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("change_seq", "bigint", (c) => c.notNull().defaultTo(nextChange))
    .execute();
  // Lists: latest per space, latest overall, top, unanswered and solved.
  await sql`create index threads_space_activity_idx on threads (space_id, last_activity_at desc, id desc) where deleted_at is null`.execute(
    db,
  );
  await sql`create index threads_activity_idx on threads (last_activity_at desc, id desc) where deleted_at is null`.execute(
    db,
  );
  await sql`create index threads_created_idx on threads (created_at desc) where deleted_at is null`.execute(
    db,
  );
  await sql`create index threads_tags_idx on threads using gin (tags)`.execute(db);
  await db.schema.createIndex("threads_author_idx").on("threads").column("author_id").execute();

  await db.schema
    .createTable("posts")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("thread_id", "integer", (c) => c.notNull().references("threads.id"))
    .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("is_opening", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("body_md", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("vote_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("edited_at", "timestamptz")
    .addColumn("edit_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("deleted_at", "timestamptz")
    .addColumn("deleted_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("hidden_at", "timestamptz")
    .addColumn("hidden_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("hidden_reason", "text")
    .addColumn("helpful_at", "timestamptz")
    .addColumn("helpful_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("helpful_award_key", "text")
    .addColumn("change_seq", "bigint", (c) => c.notNull().defaultTo(nextChange))
    .addColumn("search_vector", sql`tsvector`, (c) => c.notNull().defaultTo(sql`''::tsvector`))
    .execute();
  // Replies in order (keyset pages), the opening post, changes since a cursor, search.
  await db.schema
    .createIndex("posts_thread_idx")
    .on("posts")
    .columns(["thread_id", "id"])
    .execute();
  await sql`create unique index posts_opening_key on posts (thread_id) where is_opening`.execute(
    db,
  );
  await db.schema
    .createIndex("posts_thread_change_idx")
    .on("posts")
    .columns(["thread_id", "change_seq"])
    .execute();
  await sql`create index posts_search_idx on posts using gin (search_vector)`.execute(db);
  await db.schema.createIndex("posts_author_idx").on("posts").column("author_id").execute();
  await sql`alter table threads add constraint threads_accepted_post_fkey foreign key (accepted_post_id) references posts (id)`.execute(
    db,
  );

  await db.schema
    .createTable("post_revisions")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("post_id", "integer", (c) => c.notNull().references("posts.id"))
    .addColumn("editor_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("title", "text")
    .addColumn("body_md", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("post_revisions_post_idx")
    .on("post_revisions")
    .columns(["post_id", "id"])
    .execute();

  await db.schema
    .createTable("post_votes")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("post_id", "integer", (c) => c.notNull().references("posts.id"))
    .addColumn("voter_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("award_key", "text")
    .addUniqueConstraint("post_votes_post_voter_key", ["post_id", "voter_id"])
    .execute();
  await db.schema.createIndex("post_votes_voter_idx").on("post_votes").column("voter_id").execute();

  await db.schema
    .createTable("answer_acceptances")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("thread_id", "integer", (c) => c.notNull().references("threads.id"))
    .addColumn("post_id", "integer", (c) => c.notNull().references("posts.id"))
    .addColumn("accepted_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("revoked_at", "timestamptz")
    .addColumn("revoked_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await sql`create unique index answer_acceptances_current_key on answer_acceptances (thread_id) where revoked_at is null`.execute(
    db,
  );

  await db.schema
    .createTable("flags")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("post_id", "integer", (c) => c.notNull().references("posts.id"))
    .addColumn("flagger_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("reason", "text", (c) =>
      c.notNull().check(sql`reason in ('spam', 'rude', 'off_topic', 'needs_review', 'other')`),
    )
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("resolved_at", "timestamptz")
    .addColumn("resolved_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("resolution", "text", (c) => c.check(sql`resolution in ('hidden', 'dismissed')`))
    .execute();
  await sql`create unique index flags_open_key on flags (post_id, flagger_id) where resolved_at is null`.execute(
    db,
  );
  await sql`create index flags_open_idx on flags (created_at) where resolved_at is null`.execute(
    db,
  );

  await db.schema
    .createTable("notifications")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('reply', 'mention', 'accepted', 'points')`),
    )
    .addColumn("actor_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("thread_id", "integer", (c) => c.references("threads.id"))
    .addColumn("post_id", "integer", (c) => c.references("posts.id"))
    .addColumn("data", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("read_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("notifications_user_idx")
    .on("notifications")
    .columns(["user_id", "id"])
    .execute();
  await sql`create index notifications_unread_idx on notifications (user_id) where read_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table threads drop constraint threads_accepted_post_fkey`.execute(db);
  for (const table of [
    "notifications",
    "flags",
    "answer_acceptances",
    "post_votes",
    "post_revisions",
    "posts",
    "threads",
    "spaces",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop sequence discussion_change_seq`.execute(db);
}

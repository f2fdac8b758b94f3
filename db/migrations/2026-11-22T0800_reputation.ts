import { type Kysely, sql } from "kysely";

// Frozen once shipped: never imports application code.
//
// The reputation engine: an append-only ledger (one row per award or
// reversal), a balance per user maintained in the same transaction as each
// ledger row, and badges granted once. Users are never deleted in the app;
// a user with ledger rows cannot be deleted at all (the foreign keys refuse
// it, and cascading would rewrite history), while TRUNCATE … CASCADE (the
// demo seed's reset) still empties everything because it fires no row
// triggers.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reputation_ledger")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("restrict"))
    .addColumn("amount", "integer", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("area", "text", (c) =>
      c.notNull().check(sql`area in ('help', 'speaking', 'stories', 'community')`),
    )
    .addColumn("source_type", "text", (c) => c.notNull())
    .addColumn("source_id", "text", (c) => c.notNull())
    .addColumn("idempotency_key", "text", (c) => c.notNull())
    .addColumn("awarded_by", "integer", (c) => c.references("users.id").onDelete("restrict"))
    .addColumn("reason", "text")
    .addColumn("reverses_id", "bigint", (c) =>
      c.references("reputation_ledger.id").onDelete("restrict"),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index reputation_ledger_idempotency_key on reputation_ledger (idempotency_key)`.execute(
    db,
  );
  // An entry is reversed at most once.
  await sql`create unique index reputation_ledger_reverses_key on reputation_ledger (reverses_id) where reverses_id is not null`.execute(
    db,
  );
  // A person's history, newest first, and their day's vote points (anti-gaming caps).
  await sql`create index reputation_ledger_user_created_idx on reputation_ledger (user_id, created_at desc, id desc)`.execute(
    db,
  );
  // The last-30-days leaderboard reads only this index.
  await sql`create index reputation_ledger_created_idx on reputation_ledger (created_at) include (user_id, amount, area)`.execute(
    db,
  );
  await sql`create index reputation_ledger_source_idx on reputation_ledger (source_type, source_id)`.execute(
    db,
  );

  // History cannot be rewritten: the database itself refuses UPDATE and DELETE.
  await sql`
    create function reputation_ledger_refuse_change() returns trigger
    language plpgsql as $$
    begin
      raise exception 'reputation_ledger is append-only: % is not allowed; write a reversal instead', tg_op
        using errcode = '55000';
    end
    $$`.execute(db);
  await sql`
    create trigger reputation_ledger_append_only
    before update or delete on reputation_ledger
    for each row execute function reputation_ledger_refuse_change()`.execute(db);

  await db.schema
    .createTable("reputation_balances")
    .addColumn("user_id", "integer", (c) =>
      c.primaryKey().references("users.id").onDelete("cascade"),
    )
    .addColumn("total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("help", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("speaking", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("stories", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("community", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Leaderboards (all-time and per area) and ranks read these.
  for (const column of ["total", "help", "speaking", "stories", "community"]) {
    await sql
      .raw(
        `create index reputation_balances_${column}_idx on reputation_balances (${column} desc, user_id)`,
      )
      .execute(db);
  }

  // The last-30-days board: a snapshot of each person's recent points,
  // recomputed from the ledger when it is older than a minute, so the board
  // reads an index instead of summing a month of ledger rows per request.
  await db.schema
    .createTable("reputation_recent_points")
    .addColumn("user_id", "integer", (c) =>
      c.primaryKey().references("users.id").onDelete("cascade"),
    )
    .addColumn("points", "integer", (c) => c.notNull())
    .addColumn("computed_at", "timestamptz", (c) => c.notNull())
    .execute();
  await sql`create index reputation_recent_points_idx on reputation_recent_points (points desc, user_id)`.execute(
    db,
  );

  await db.schema
    .createTable("reputation_badges")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("badge", "text", (c) => c.notNull())
    .addColumn("earned_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("reputation_badges_pkey", ["user_id", "badge"])
    .execute();

  await db.schema
    .alterTable("profiles")
    .addColumn("leaderboard_opt_out", "boolean", (c) => c.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("profiles").dropColumn("leaderboard_opt_out").execute();
  await db.schema.dropTable("reputation_badges").execute();
  await db.schema.dropTable("reputation_recent_points").execute();
  await db.schema.dropTable("reputation_balances").execute();
  await db.schema.dropTable("reputation_ledger").execute();
  await sql`drop function reputation_ledger_refuse_change()`.execute(db);
}

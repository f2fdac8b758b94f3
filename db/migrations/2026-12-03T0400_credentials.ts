import { sql, type Kysely } from "kysely";

// Frozen once shipped: never imports application code.
//
// Verifiable credentials (Open Badges 3.0): the issuer's signing keys, kept
// with the private half sealed, and every credential issued, with its place
// in the revocation status list.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("credential_keys")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("kid", "text", (c) => c.notNull().unique())
    .addColumn("public_jwk", "jsonb", (c) => c.notNull())
    .addColumn("private_jwk_sealed", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("retired_at", "timestamptz")
    .execute();
  // One key signs at a time; retired keys stay published while what they signed is valid.
  await sql`create unique index credential_keys_one_current on credential_keys ((true)) where retired_at is null`.execute(
    db,
  );

  await db.schema
    .createTable("credentials")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("achievement_key", "text", (c) => c.notNull())
    .addColumn("source_type", "text", (c) => c.notNull())
    .addColumn("source_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("is_public", "boolean", (c) => c.notNull())
    .addColumn("status_index", "serial", (c) => c.notNull().unique())
    .addColumn("kid", "text", (c) => c.notNull())
    .addColumn("jwt", "text", (c) => c.notNull())
    .addColumn("document", "jsonb", (c) => c.notNull())
    .addColumn("issued_at", "timestamptz", (c) => c.notNull())
    .addColumn("valid_until", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .addColumn("revoked_reason", "text")
    .execute();
  // One standing credential per achievement; re-issuing revokes the old one first.
  await sql`create unique index credentials_one_standing on credentials (user_id, achievement_key) where revoked_at is null`.execute(
    db,
  );
  await db.schema
    .createIndex("credentials_source")
    .on("credentials")
    .columns(["source_type", "source_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("credentials").ifExists().execute();
  await db.schema.dropTable("credential_keys").ifExists().execute();
}

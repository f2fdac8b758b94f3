import { sql, type Kysely } from "kysely";

// Frozen once shipped: never imports application code.
//
// Single sign-on through an OpenID Connect provider. One provider per site,
// configured by an admin (its client secret is stored encrypted with AES-GCM,
// never in the clear), and the identities people signed in with: the
// provider's issuer and subject, so a changed email keeps the link.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sign_in_providers")
    .addColumn("id", "text", (c) => c.primaryKey().check(sql`id = 'oidc'`))
    .addColumn("enabled", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("issuer", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("client_id", "text", (c) => c.notNull().defaultTo(""))
    // base64url(iv) "." base64url(ciphertext and tag); empty when no secret is set.
    .addColumn("client_secret_enc", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("button_label", "text", (c) => c.notNull().defaultTo(""))
    // A claim (e.g. groups) and a value in it that makes someone a verified customer.
    .addColumn("advocate_claim", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("advocate_value", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("password_sign_up", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();

  await db.schema
    .createTable("user_identities")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_used_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("user_identities_issuer_subject_key", ["issuer", "subject"])
    .execute();
  await db.schema
    .createIndex("user_identities_user_idx")
    .on("user_identities")
    .column("user_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("user_identities").execute();
  await db.schema.dropTable("sign_in_providers").execute();
}

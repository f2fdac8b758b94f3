import { sql, type Kysely } from "kysely";

/**
 * Notifications also keep the decisions people hear about outside
 * discussions (a talk verified, a story published, a tier granted, a
 * reference request): kind 'notice', with its title, description and link
 * in `data`, so the list and the unread count hold them after the toast.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check
    check (kind in ('reply', 'mention', 'accepted', 'points', 'notice'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from notifications where kind = 'notice'`.execute(db);
  await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check
    check (kind in ('reply', 'mention', 'accepted', 'points'))`.execute(db);
}

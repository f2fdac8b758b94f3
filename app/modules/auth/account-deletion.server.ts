import { FieldError } from "../../utils/errors.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import { verifyPassword } from "./password.server.ts";

/** What an anonymised person is called wherever their name would show. */
export const DELETED_MEMBER = "Deleted member";

/**
 * "Delete my account": after the password is given again, the person's row
 * stays (the reputation ledger, posts and audit log point at it, so every
 * sum still adds up and every thread still reads) but nothing in it names
 * them any more: "Deleted member", an address that cannot receive mail, no
 * password, an empty private profile. Every session ends. Their posts stay
 * where they are, by "Deleted member". Nobody else's data changes.
 */
export const deleteAccount = defineCommand({
  name: "user.delete_account",
  authorize(viewer) {
    ensure("editOwnAccount", viewer);
  },
  async run(trx, { password }: { password: string }, { viewer, effects, now }) {
    ensure("deleteAccount", viewer, { userId: viewer?.id ?? 0 });
    const user = await trx
      .selectFrom("users")
      .select(["id", "password_hash", "deleted_at"])
      .where("id", "=", viewer.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!user.password_hash || !(await verifyPassword(user.password_hash, password)))
      throw new FieldError("password", "That is not your current password.", 400);
    const anonymous = `deleted-${user.id}`;
    await trx
      .updateTable("users")
      .set({
        email: `${anonymous}@deleted.invalid`,
        handle: anonymous,
        display_name: DELETED_MEMBER,
        password_hash: null,
        deleted_at: now,
        updated_at: now,
      })
      .where("id", "=", user.id)
      .execute();
    await trx
      .updateTable("profiles")
      .set({
        headline: "",
        company: "",
        job_title: "",
        industry: "",
        location: "",
        bio_md: "",
        bio_html: "",
        expertise: [],
        linkedin_url: "",
        blog_url: "",
        website_url: "",
        open_to_speaking: false,
        open_to_references: false,
        open_to_case_studies: false,
        open_to_mentoring: false,
        is_public: false,
        updated_at: now,
      })
      .where("user_id", "=", user.id)
      .execute();
    await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    effects.endSessions(user.id);
    effects.audit({
      actorId: user.id,
      action: "user.account_deleted",
      subjectType: "user",
      subjectId: user.id,
    });
    return { userId: user.id };
  },
});

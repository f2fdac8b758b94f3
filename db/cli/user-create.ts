import { z } from "zod";
import { ROLES } from "../schema.ts";
import { inTransaction } from "../transaction.ts";
import { FieldError } from "../../app/modules/auth/errors.ts";
import { signUp } from "../../app/modules/auth/users.server.ts";
import { personalPasswordCheck, SignUpFields } from "../../app/modules/auth/validation.ts";
import { recordAudit } from "../../app/modules/audit/audit.server.ts";
import { fail, openCliDatabase, parseArgs } from "./open.ts";

// npm run user:create -- --role admin --email ada@example.com [--handle ada] [--name "Ada"] [--password …]
// Without --password, the password is read from LIMELIGHT_PASSWORD.
const args = parseArgs();
const email = String(args.email ?? "");
const parsed = SignUpFields.extend({ role: z.enum(ROLES) })
  .superRefine(personalPasswordCheck("password"))
  .safeParse({
    email,
    handle: String(args.handle ?? email.split("@")[0]?.replace(/[^a-zA-Z0-9_-]/g, "-") ?? ""),
    displayName: String(args.name ?? email.split("@")[0] ?? ""),
    password: String(args.password ?? process.env.LIMELIGHT_PASSWORD ?? ""),
    role: String(args.role ?? "prospect"),
  });
if (!parsed.success) {
  fail(
    "Could not create the user:\n" +
      parsed.error.issues
        .map((i) => `  --${i.path[0] === "displayName" ? "name" : i.path[0]}: ${i.message}`)
        .join("\n") +
      "\nUsage: npm run user:create -- --role admin --email you@example.com --password '…' [--handle you] [--name 'Your Name']",
  );
}
const handle = await openCliDatabase();
try {
  // One transaction: an account is never left without its audit row.
  const user = await inTransaction(handle.db, async (trx) => {
    const created = await signUp(trx, parsed.data);
    await trx
      .updateTable("users")
      .set({ verified_customer_at: parsed.data.role === "prospect" ? null : new Date() })
      .where("id", "=", created.id)
      .execute();
    await recordAudit(trx, {
      actorId: null,
      action: "user.created_from_cli",
      subjectType: "user",
      subjectId: created.id,
      details: { role: parsed.data.role },
    });
    return created;
  });
  console.log(`Created ${parsed.data.role} ${user.email} (@${user.handle}).`);
} catch (error) {
  if (error instanceof FieldError) fail(error.message);
  throw error;
} finally {
  await handle.close();
  handle.release();
}
